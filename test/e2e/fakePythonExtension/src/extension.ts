// Test-only stand-in for ms-python.python (see ../README.md): the environments API of
// @vscode/python-extension, fed by a JSON file or text the end-to-end test provides.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, unwatchFile, watchFile } from 'node:fs';
import { dirname, join } from 'node:path';
import type {
  ActiveEnvironmentPathChangeEvent,
  Environment,
  EnvironmentPath,
  EnvironmentsChangeEvent,
  EnvironmentVariables,
  EnvironmentVariablesChangeEvent,
  PythonExtension,
  ResolvedEnvironment,
  Resource,
} from '@vscode/python-extension';
import * as vscode from 'vscode';

export const CONFIG_FILE_ENV = 'FAKE_PYTHON_EXTENSION_CONFIG';
export const CONFIG_JSON_ENV = 'FAKE_PYTHON_EXTENSION_CONFIG_JSON';

type ConfiguredEnvironment = { readonly path: string; readonly name?: string; readonly type?: string };
type FakeConfig = {
  readonly environments: readonly ConfiguredEnvironment[];
  /** '*' applies to every resource. */
  readonly active: Readonly<Record<string, string>>;
  readonly environmentVariables: Readonly<Record<string, string>>;
};

type ConfigSource =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'inline'; readonly text: string } | { readonly kind: 'none' };

function configSource(): ConfigSource {
  const file = process.env[CONFIG_FILE_ENV];
  if (file) return { kind: 'file', path: file };
  const text = process.env[CONFIG_JSON_ENV];
  if (text) return { kind: 'inline', text };
  return { kind: 'none' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** A broken config is a broken test: say so loudly in the log and behave as if nothing was configured. */
function parseConfig(text: string, log: (line: string) => void): FakeConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    log(`invalid config JSON: ${String(error)}`);
    return { environments: [], active: {}, environmentVariables: {} };
  }
  if (!isRecord(raw)) return { environments: [], active: {}, environmentVariables: {} };
  const environments = Array.isArray(raw.environments)
    ? raw.environments.flatMap((entry): ConfiguredEnvironment[] => {
        if (!isRecord(entry) || typeof entry.path !== 'string') return [];
        return [
          {
            path: entry.path,
            ...(typeof entry.name === 'string' ? { name: entry.name } : {}),
            ...(typeof entry.type === 'string' ? { type: entry.type } : {}),
          },
        ];
      })
    : [];
  const active = typeof raw.active === 'string' ? { '*': raw.active } : stringRecord(raw.active);
  return { environments, active, environmentVariables: stringRecord(raw.environmentVariables) };
}

function readConfig(source: ConfigSource, log: (line: string) => void): FakeConfig {
  switch (source.kind) {
    case 'none':
      return { environments: [], active: {}, environmentVariables: {} };
    case 'inline':
      return parseConfig(source.text, log);
    case 'file':
      if (!existsSync(source.path)) {
        log(`config file ${source.path} does not exist`);
        return { environments: [], active: {}, environmentVariables: {} };
      }
      return parseConfig(readFileSync(source.path, 'utf8'), log);
  }
}

type InterpreterFacts = {
  major: number;
  minor: number;
  micro: number;
  level: string;
  serial: number;
  sysVersion: string;
  prefix: string;
  bits: number;
};

// Python 2.7 and 3.x alike; prints one JSON line.
const FACTS_SCRIPT = [
  'import sys, json, struct',
  'v = sys.version_info',
  'print(json.dumps({"major": v[0], "minor": v[1], "micro": v[2], "level": v[3], "serial": v[4], "sysVersion": sys.version, "prefix": sys.prefix, "bits": struct.calcsize("P") * 8}))',
].join('\n');

function runFacts(path: string): Promise<InterpreterFacts | undefined> {
  return new Promise((resolve) => {
    execFile(path, ['-c', FACTS_SCRIPT], { timeout: 10_000, encoding: 'utf8' }, (error, stdout) => {
      if (error) return resolve(undefined);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        const parsed: unknown = JSON.parse(line);
        if (isRecord(parsed) && typeof parsed.major === 'number' && typeof parsed.prefix === 'string')
          return resolve(parsed as InterpreterFacts);
      } catch {
        // Not an interpreter (or one that printed something else): unresolvable, as for the real extension.
      }
      resolve(undefined);
    });
  });
}

const RELEASE_LEVELS = ['alpha', 'beta', 'candidate', 'final'] as const;
type ReleaseLevel = (typeof RELEASE_LEVELS)[number];
const releaseLevel = (level: string): ReleaseLevel => RELEASE_LEVELS.find((l) => l === level) ?? 'final';

function environmentKind(
  path: string,
  prefix: string | undefined,
  configured: ConfiguredEnvironment | undefined,
): { type: string; tools: string[] } {
  const root = prefix ?? dirname(dirname(path));
  if (existsSync(join(root, 'conda-meta'))) return { type: configured?.type ?? 'Conda', tools: ['Conda'] };
  if (existsSync(join(root, 'pyvenv.cfg'))) return { type: configured?.type ?? 'VirtualEnvironment', tools: ['Venv'] };
  if (path.includes('/.pyenv/versions/')) return { type: configured?.type ?? 'Unknown', tools: ['Pyenv'] };
  return { type: configured?.type ?? 'Unknown', tools: ['Unknown'] };
}

function toEnvironment(path: string, facts: InterpreterFacts | undefined, configured: ConfiguredEnvironment | undefined): Environment {
  const kind = environmentKind(path, facts?.prefix, configured);
  const prefix = facts?.prefix ?? dirname(dirname(path));
  const isEnv = kind.type !== 'Unknown';
  return {
    id: path,
    path,
    executable: {
      uri: vscode.Uri.file(path),
      bitness: facts ? (facts.bits === 32 ? '32-bit' : '64-bit') : undefined,
      sysPrefix: facts?.prefix,
    },
    environment: isEnv
      ? { type: kind.type, name: configured?.name, folderUri: vscode.Uri.file(prefix), workspaceFolder: undefined }
      : undefined,
    version: facts
      ? {
          major: facts.major,
          minor: facts.minor,
          micro: facts.micro,
          release: { level: releaseLevel(facts.level), serial: facts.serial },
          sysVersion: facts.sysVersion,
        }
      : undefined,
    tools: kind.tools,
  };
}

function resourceFolder(resource: Resource | undefined): string | undefined {
  if (resource === undefined) return undefined;
  if (resource instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(resource)?.uri.fsPath ?? resource.fsPath;
  return resource.uri.fsPath;
}

class FakePythonEnvironments implements vscode.Disposable {
  private config: FakeConfig;
  private readonly facts = new Map<string, Promise<InterpreterFacts | undefined>>();
  private readonly resolved = new Map<string, Environment>();
  /** What updateActiveEnvironmentPath set, by folder ('*' for no resource); wins over the config. */
  private readonly selected = new Map<string, string>();
  readonly activeChanged = new vscode.EventEmitter<ActiveEnvironmentPathChangeEvent>();
  readonly environmentsChanged = new vscode.EventEmitter<EnvironmentsChangeEvent>();
  readonly variablesChanged = new vscode.EventEmitter<EnvironmentVariablesChangeEvent>();
  private readonly disposables: vscode.Disposable[] = [this.activeChanged, this.environmentsChanged, this.variablesChanged];

  constructor(
    private readonly source: ConfigSource,
    private readonly log: (line: string) => void,
  ) {
    this.config = readConfig(source, log);
    if (source.kind === 'file') {
      const listener = (): void => void this.reload();
      watchFile(source.path, { interval: 200 }, listener);
      this.disposables.push({ dispose: () => unwatchFile(source.path, listener) });
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private configured(path: string): ConfiguredEnvironment | undefined {
    return this.config.environments.find((env) => env.path === path);
  }

  private factsOf(path: string): Promise<InterpreterFacts | undefined> {
    let pending = this.facts.get(path);
    if (pending === undefined) {
      pending = runFacts(path);
      this.facts.set(path, pending);
    }
    return pending;
  }

  get known(): readonly Environment[] {
    return this.config.environments.map((env) => this.resolved.get(env.path) ?? toEnvironment(env.path, undefined, env));
  }

  async refresh(): Promise<void> {
    await Promise.all(
      this.config.environments.map(async (env) => {
        const had = this.resolved.has(env.path);
        const environment = toEnvironment(env.path, await this.factsOf(env.path), env);
        this.resolved.set(env.path, environment);
        this.environmentsChanged.fire({ env: environment, type: had ? 'update' : 'add' });
      }),
    );
  }

  activePath(resource: Resource | undefined): EnvironmentPath {
    const folder = resourceFolder(resource);
    const path =
      (folder !== undefined ? (this.selected.get(folder) ?? this.config.active[folder]) : undefined) ??
      this.selected.get('*') ??
      this.config.active['*'] ??
      vscode.workspace
        .getConfiguration('python', resource instanceof vscode.Uri ? resource : resource?.uri)
        .get<string>('defaultInterpreterPath') ??
      'python';
    return { id: path, path };
  }

  async updateActive(environment: string | EnvironmentPath | Environment, resource: Resource | undefined): Promise<void> {
    const path = typeof environment === 'string' ? environment : environment.path;
    const folder = resourceFolder(resource) ?? '*';
    this.selected.set(folder, path);
    this.activeChanged.fire({
      id: path,
      path,
      resource: resource instanceof vscode.Uri ? (vscode.workspace.getWorkspaceFolder(resource) ?? resource) : resource,
    });
  }

  async resolve(environment: Environment | EnvironmentPath | string): Promise<ResolvedEnvironment | undefined> {
    const path = typeof environment === 'string' ? environment : environment.path;
    const facts = await this.factsOf(path);
    if (facts === undefined) return undefined;
    const resolved = toEnvironment(path, facts, this.configured(path));
    if (this.configured(path) !== undefined) this.resolved.set(path, resolved);
    return resolved as ResolvedEnvironment;
  }

  variables(): EnvironmentVariables {
    return { ...process.env, ...this.config.environmentVariables };
  }

  private async reload(): Promise<void> {
    const before = this.config;
    this.config = readConfig(this.source, this.log);
    this.log(`config reloaded: ${this.config.environments.length} environment(s)`);
    for (const env of before.environments.filter((old) => this.configured(old.path) === undefined)) {
      const removed = this.resolved.get(env.path) ?? toEnvironment(env.path, undefined, env);
      this.resolved.delete(env.path);
      this.environmentsChanged.fire({ env: removed, type: 'remove' });
    }
    await this.refresh();
    const folders = new Set([...Object.keys(before.active), ...Object.keys(this.config.active)]);
    for (const folder of folders) {
      const path = this.config.active[folder];
      if (path === undefined || path === before.active[folder] || this.selected.has(folder)) continue;
      const workspaceFolder = folder === '*' ? undefined : vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder));
      this.activeChanged.fire({ id: path, path, resource: workspaceFolder });
    }
    if (JSON.stringify(before.environmentVariables) !== JSON.stringify(this.config.environmentVariables)) {
      for (const folder of vscode.workspace.workspaceFolders ?? [undefined]) {
        this.variablesChanged.fire({ resource: folder, env: this.variables() });
      }
    }
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<PythonExtension> {
  const output = vscode.window.createOutputChannel('Python (test stand-in)');
  context.subscriptions.push(output);
  const log = (line: string): void => output.appendLine(line);
  const source = configSource();
  log(`stand-in for ms-python.python; config: ${source.kind === 'file' ? source.path : source.kind}`);
  const environments = new FakePythonEnvironments(source, log);
  context.subscriptions.push(environments);
  const ready = environments.refresh();
  return {
    ready,
    debug: {
      getRemoteLauncherCommand: async () => [],
      getDebuggerPackagePath: async () => undefined,
    },
    environments: {
      getActiveEnvironmentPath: (resource) => environments.activePath(resource),
      updateActiveEnvironmentPath: (environment, resource) => environments.updateActive(environment, resource),
      onDidChangeActiveEnvironmentPath: environments.activeChanged.event,
      get known() {
        return environments.known;
      },
      onDidChangeEnvironments: environments.environmentsChanged.event,
      refreshEnvironments: () => environments.refresh(),
      resolveEnvironment: (environment) => environments.resolve(environment),
      getEnvironmentVariables: () => environments.variables(),
      onDidEnvironmentVariablesChange: environments.variablesChanged.event,
    },
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
