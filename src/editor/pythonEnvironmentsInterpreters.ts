// The folder's interpreter as the Python Environments extension (ms-python.vscode-python-envs, API
// @vscode/python-environments) has it. Only the part of its API listed in EnvironmentsApi is used.
import type { PythonEnvironment, PythonEnvironmentApi } from '@vscode/python-environments';
import * as vscode from 'vscode';
import { definedOnly } from './definedVariables';
import type { FallbackInterpreterProvider } from './fallbackInterpreters';
import type { InterpreterAnswer, InterpreterProvider, Selection } from './interpreterProvider';
import { Disposable, toDisposable } from './lifecycle';

/** What this provider reads of the API (and all the e2e stand-in implements). */
export type EnvironmentsApi = Pick<
  PythonEnvironmentApi,
  | 'getEnvironment'
  | 'setEnvironment'
  | 'onDidChangeEnvironment'
  | 'getEnvironments'
  | 'onDidChangeEnvironments'
  | 'resolveEnvironment'
  | 'getEnvironmentVariables'
  | 'onDidChangeEnvironmentVariables'
>;

/** The interpreter binary of an environment: how the extension itself runs it. */
function executableOf(environment: PythonEnvironment): string | undefined {
  const executable = environment.execInfo?.run.executable;
  return executable !== undefined && executable !== '' ? executable : undefined;
}

export class PythonEnvironmentsInterpreterProvider extends Disposable implements InterpreterProvider {
  readonly kind = 'python-environments' as const;
  private readonly changed = this._register(new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>());
  readonly onDidChange = this.changed.event;
  /** getEnvironments('all') is asynchronous and may search the disk: read once, then kept current by its event. */
  private knownPaths: readonly string[] = [];

  constructor(
    private readonly api: EnvironmentsApi,
    private readonly fallback: FallbackInterpreterProvider,
  ) {
    super();
    this._register(fallback);
    const folderOf = (uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined =>
      uri === undefined ? undefined : vscode.workspace.getWorkspaceFolder(uri);
    this._register(api.onDidChangeEnvironment((event) => this.changed.fire(folderOf(event.uri))));
    this._register(api.onDidChangeEnvironmentVariables((event) => this.changed.fire(folderOf(event.uri))));
    this._register(api.onDidChangeEnvironments(() => this.refreshKnown()));
    let disposed = false;
    this._register(toDisposable(() => (disposed = true)));
    void this.loadKnown().then(() => {
      if (!disposed && this.knownPaths.length > 0) this.changed.fire(undefined);
    });
  }

  private async loadKnown(): Promise<void> {
    try {
      const environments = await this.api.getEnvironments('all');
      this.knownPaths = environments.flatMap((environment) => executableOf(environment) ?? []);
    } catch {
      // A failed listing only means fewer interpreters to compare with; discovery on disk still runs.
    }
  }

  private refreshKnown(): void {
    void this.loadKnown().then(() => this.changed.fire(undefined));
  }

  async active(folder: vscode.WorkspaceFolder): Promise<InterpreterAnswer> {
    const environment = await this.api.getEnvironment(folder.uri);
    const executable = environment === undefined ? undefined : executableOf(environment);
    if (executable !== undefined) return { path: executable, source: 'python-environments' };
    return this.fallback.active(folder);
  }

  known(): readonly string[] {
    return this.knownPaths;
  }

  async environmentVariables(folder: vscode.WorkspaceFolder): Promise<Readonly<Record<string, string>>> {
    return definedOnly(await this.api.getEnvironmentVariables(folder.uri));
  }

  async select(folder: vscode.WorkspaceFolder, interpreter: string): Promise<Selection> {
    const environment = await this.api.resolveEnvironment(vscode.Uri.file(interpreter));
    if (environment === undefined)
      return { kind: 'failed', detail: `the Python Environments extension does not recognise ${interpreter} as an environment.` };
    const previous = await this.api.getEnvironment(folder.uri);
    await this.api.setEnvironment(folder.uri, environment);
    return { kind: 'selected', undo: () => this.api.setEnvironment(folder.uri, previous) };
  }
}
