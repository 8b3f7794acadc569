// Test-only stand-in for ms-python.vscode-python-envs (see ../README.md): the part of @vscode/python-environments
// that ROS Env Doctor reads, fed by a JSON file the end-to-end test provides.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type {
  DidChangeEnvironmentEventArgs,
  DidChangeEnvironmentsEventArgs,
  DidChangeEnvironmentVariablesEventArgs,
  PythonEnvironment,
} from '@vscode/python-environments';
import * as vscode from 'vscode';
import type { EnvironmentsApi } from '../../../../src/editor/pythonEnvironmentsInterpreters';

export const CONFIG_FILE_ENV = 'FAKE_PYTHON_ENVS_CONFIG';

type Config = {
  readonly environments: readonly { readonly path: string; readonly name?: string }[];
  readonly active?: string;
  readonly environmentVariables?: Readonly<Record<string, string>>;
};

function readConfig(log: (line: string) => void): Config {
  const file = process.env[CONFIG_FILE_ENV];
  if (!file || !existsSync(file)) {
    log(`no config (${CONFIG_FILE_ENV}=${file ?? ''})`);
    return { environments: [] };
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Config;
}

type Facts = { readonly version: string; readonly prefix: string };

// Python 2.7 and 3.x alike; prints one JSON line.
const FACTS_SCRIPT = 'import sys, json; print(json.dumps({"version": "%d.%d.%d" % tuple(sys.version_info[:3]), "prefix": sys.prefix}))';

function runFacts(path: string): Promise<Facts | undefined> {
  return new Promise((resolve) => {
    execFile(path, ['-c', FACTS_SCRIPT], { timeout: 20_000, encoding: 'utf8' }, (error, stdout) => {
      if (error) return resolve(undefined);
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Facts);
      } catch {
        resolve(undefined);
      }
    });
  });
}

class FakeEnvironments implements vscode.Disposable {
  private readonly facts = new Map<string, Promise<Facts | undefined>>();
  /** What setEnvironment set, by folder path ('*' for no scope); wins over the config. */
  private readonly selected = new Map<string, PythonEnvironment | undefined>();
  readonly environmentChanged = new vscode.EventEmitter<DidChangeEnvironmentEventArgs>();
  readonly environmentsChanged = new vscode.EventEmitter<DidChangeEnvironmentsEventArgs>();
  readonly variablesChanged = new vscode.EventEmitter<DidChangeEnvironmentVariablesEventArgs>();

  constructor(private readonly config: Config) {}

  dispose(): void {
    this.environmentChanged.dispose();
    this.environmentsChanged.dispose();
    this.variablesChanged.dispose();
  }

  async resolve(path: string): Promise<PythonEnvironment | undefined> {
    let pending = this.facts.get(path);
    if (pending === undefined) this.facts.set(path, (pending = runFacts(path)));
    const facts = await pending;
    if (facts === undefined) return undefined;
    const name = this.config.environments.find((env) => env.path === path)?.name ?? basename(facts.prefix);
    return {
      envId: { id: path, managerId: 'test-stand-in:manager' },
      name,
      displayName: `${name} (${facts.version})`,
      displayPath: path,
      version: facts.version,
      environmentPath: vscode.Uri.file(path),
      execInfo: { run: { executable: path } },
      sysPrefix: facts.prefix,
    };
  }

  private key(scope: vscode.Uri | undefined): string {
    return scope === undefined ? '*' : (vscode.workspace.getWorkspaceFolder(scope)?.uri.fsPath ?? scope.fsPath);
  }

  async get(scope: vscode.Uri | undefined): Promise<PythonEnvironment | undefined> {
    const key = this.key(scope);
    if (this.selected.has(key)) return this.selected.get(key);
    return this.config.active === undefined ? undefined : this.resolve(this.config.active);
  }

  async set(scope: vscode.Uri | readonly vscode.Uri[] | undefined, environment: PythonEnvironment | undefined): Promise<void> {
    const uris: readonly (vscode.Uri | undefined)[] = scope === undefined ? [undefined] : scope instanceof vscode.Uri ? [scope] : scope;
    for (const uri of uris) {
      const old = await this.get(uri);
      this.selected.set(this.key(uri), environment);
      this.environmentChanged.fire({ uri, old, new: environment });
    }
  }

  async all(): Promise<PythonEnvironment[]> {
    const resolved = await Promise.all(this.config.environments.map((env) => this.resolve(env.path)));
    return resolved.filter((env): env is PythonEnvironment => env !== undefined);
  }

  variables(): Record<string, string | undefined> {
    return { ...process.env, ...this.config.environmentVariables };
  }
}

export function activate(context: vscode.ExtensionContext): EnvironmentsApi {
  const output = vscode.window.createOutputChannel('Python Environments (test stand-in)');
  context.subscriptions.push(output);
  const log = (line: string): void => output.appendLine(line);
  const environments = new FakeEnvironments(readConfig(log));
  context.subscriptions.push(environments);
  log('stand-in for ms-python.vscode-python-envs');
  return {
    getEnvironment: (scope) => environments.get(scope),
    setEnvironment: (scope, environment) => environments.set(scope, environment),
    onDidChangeEnvironment: environments.environmentChanged.event,
    getEnvironments: () => environments.all(),
    onDidChangeEnvironments: environments.environmentsChanged.event,
    resolveEnvironment: (uri) => environments.resolve(uri.fsPath),
    getEnvironmentVariables: async () => environments.variables(),
    onDidChangeEnvironmentVariables: environments.variablesChanged.event,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
