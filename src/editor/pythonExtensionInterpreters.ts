// The folder's interpreter as the Python extension (ms-python.python, API @vscode/python-extension) has it.
import type { PythonExtension } from '@vscode/python-extension';
import * as vscode from 'vscode';
import { definedOnly } from './definedVariables';
import type { FallbackInterpreterProvider } from './fallbackInterpreters';
import type { InterpreterAnswer, InterpreterProvider, Selection } from './interpreterProvider';
import { Disposable } from './lifecycle';

export class PythonExtensionInterpreterProvider extends Disposable implements InterpreterProvider {
  readonly kind = 'python-extension' as const;
  private readonly changed = this._register(new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly api: PythonExtension,
    private readonly fallback: FallbackInterpreterProvider,
  ) {
    super();
    this._register(fallback);
    const folderOf = (resource: vscode.Uri | vscode.WorkspaceFolder | undefined): vscode.WorkspaceFolder | undefined =>
      resource === undefined ? undefined : resource instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(resource) : resource;
    this._register(api.environments.onDidChangeActiveEnvironmentPath((event) => this.changed.fire(folderOf(event.resource))));
    this._register(api.environments.onDidEnvironmentVariablesChange((event) => this.changed.fire(event.resource)));
  }

  async active(folder: vscode.WorkspaceFolder): Promise<InterpreterAnswer> {
    const envPath = this.api.environments.getActiveEnvironmentPath(folder.uri);
    const resolved = await this.api.environments.resolveEnvironment(envPath);
    const executable = resolved?.executable.uri?.fsPath;
    if (executable !== undefined) return { path: executable, source: 'python-extension' };
    // The extension may hand out a path it cannot resolve (a deleted venv): report that path, so the user sees why.
    if (envPath.path !== '' && envPath.path !== 'python') return { path: envPath.path, source: 'python-extension' };
    return this.fallback.active(folder);
  }

  known(): readonly string[] {
    return this.api.environments.known.flatMap((environment) => {
      const executable = environment.executable.uri?.fsPath;
      return executable === undefined ? [] : [executable];
    });
  }

  async environmentVariables(folder: vscode.WorkspaceFolder): Promise<Readonly<Record<string, string>>> {
    return definedOnly(this.api.environments.getEnvironmentVariables(folder.uri));
  }

  async select(folder: vscode.WorkspaceFolder, interpreter: string): Promise<Selection> {
    const previous = this.api.environments.getActiveEnvironmentPath(folder.uri).path;
    await this.api.environments.updateActiveEnvironmentPath(interpreter, folder);
    return { kind: 'selected', undo: () => this.api.environments.updateActiveEnvironmentPath(previous, folder) };
  }
}
