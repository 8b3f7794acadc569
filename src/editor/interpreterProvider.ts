// Which interpreter a folder uses: through the Python extension's API when ms-python.python is installed,
// else python.defaultInterpreterPath, else python3 / python on PATH. Nothing is run to find out.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PythonExtension, PVSC_EXTENSION_ID } from '@vscode/python-extension';
import type { Logger } from '../core/ports';
import { Disposable } from './lifecycle';
import { expandInterpreterSetting } from './settings';

export interface InterpreterChoice {
  /**
   * The interpreter's path; a bare command ("python3.8") or null (python3, then python) is looked up by the engine
   * on the PATH of the environment the node runs in.
   */
  readonly path: string | null;
  readonly source: 'python-extension' | 'setting' | 'path';
}

export interface InterpreterProvider extends vscode.Disposable {
  readonly kind: 'python-extension' | 'fallback';
  /** The folder's interpreter, or null when none can be found (the detail says what was tried). */
  active(folder: vscode.WorkspaceFolder): Promise<InterpreterChoice | { readonly kind: 'none'; readonly detail: string }>;
  /** Interpreters the Python extension knows of (empty without it; discovery on disk covers the rest). */
  known(): readonly string[];
  /** The Python extension's variables for the folder (its .env file merged over the process's), or {}. */
  environmentVariables(folder: vscode.WorkspaceFolder): Readonly<Record<string, string>>;
  select(folder: vscode.WorkspaceFolder, interpreter: string): Promise<void>;
  /** Fires with the folder concerned (undefined: maybe all) when the interpreter or its variables change. */
  readonly onDidChange: vscode.Event<vscode.WorkspaceFolder | undefined>;
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) result[key] = value;
  return result;
}

/** The setting, then PATH: what the Python extension itself would fall back to. */
class FallbackInterpreterProvider extends Disposable implements InterpreterProvider {
  readonly kind = 'fallback' as const;
  private readonly changed = this._register(new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('python.defaultInterpreterPath')) this.changed.fire(undefined);
      }),
    );
  }

  async active(folder: vscode.WorkspaceFolder): Promise<InterpreterChoice | { readonly kind: 'none'; readonly detail: string }> {
    const raw = vscode.workspace.getConfiguration('python', folder.uri).get<unknown>('defaultInterpreterPath');
    const fromSetting = expandInterpreterSetting(raw, folder.uri.fsPath, process.env);
    if (fromSetting !== null) {
      // A bare command name ("python3.8") is looked up on PATH by the engine, as a terminal would.
      return { path: fromSetting.includes('/') ? path.resolve(folder.uri.fsPath, fromSetting) : fromSetting, source: 'setting' };
    }
    return { path: null, source: 'path' };
  }

  known(): readonly string[] {
    return [];
  }

  environmentVariables(): Readonly<Record<string, string>> {
    return {};
  }

  async select(folder: vscode.WorkspaceFolder, interpreter: string): Promise<void> {
    try {
      await vscode.workspace.getConfiguration('python', folder.uri).update('defaultInterpreterPath', interpreter, vscode.ConfigurationTarget.WorkspaceFolder);
    } catch {
      // Without the Python extension the setting is not registered, so the configuration API refuses to write it;
      // the folder's settings file is where the user would put it by hand.
      await writeFolderSetting(folder, 'python.defaultInterpreterPath', interpreter);
    }
  }
}

/**
 * Sets one key in <folder>/.vscode/settings.json through a WorkspaceEdit on its document: undoable, and an open
 * settings file with unsaved changes keeps them (it is saved only if it had none). A file with comments, which
 * JSON.parse cannot keep, is not rewritten: the user is told what to set instead.
 */
async function writeFolderSetting(folder: vscode.WorkspaceFolder, key: string, value: string): Promise<void> {
  const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
  const exists = await vscode.workspace.fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.vscode'));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{}\n'));
  }
  const document = await vscode.workspace.openTextDocument(file);
  const wasDirty = document.isDirty;
  const text = document.getText();
  let settings: Record<string, unknown>;
  try {
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    settings = parsed as Record<string, unknown>;
  } catch {
    void vscode.window.showWarningMessage(`ROS Env Doctor: set "${key}": "${value}" in ${file.fsPath} (it has comments or is not plain JSON, so it was not rewritten).`);
    return;
  }
  settings[key] = value;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(file, new vscode.Range(document.positionAt(0), document.positionAt(text.length)), `${JSON.stringify(settings, null, 2)}\n`);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${file.fsPath}`);
  if (!wasDirty) await document.save();
}

class PythonExtensionInterpreterProvider extends Disposable implements InterpreterProvider {
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

  async active(folder: vscode.WorkspaceFolder): Promise<InterpreterChoice | { readonly kind: 'none'; readonly detail: string }> {
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

  environmentVariables(folder: vscode.WorkspaceFolder): Readonly<Record<string, string>> {
    return definedOnly(this.api.environments.getEnvironmentVariables(folder.uri));
  }

  async select(folder: vscode.WorkspaceFolder, interpreter: string): Promise<void> {
    await this.api.environments.updateActiveEnvironmentPath(interpreter, folder);
  }
}

/** Uses the Python extension only when it is installed; activating it is its own cost, so call this lazily. */
export async function createInterpreterProvider(logger: Logger): Promise<InterpreterProvider> {
  const fallback = new FallbackInterpreterProvider();
  if (vscode.extensions.getExtension(PVSC_EXTENSION_ID) === undefined) {
    logger.info(`${PVSC_EXTENSION_ID} is not installed: using python.defaultInterpreterPath, then python3/python on PATH.`);
    return fallback;
  }
  try {
    const api = await PythonExtension.api();
    await api.ready;
    logger.info(`Using the interpreter selected in ${PVSC_EXTENSION_ID}.`);
    return new PythonExtensionInterpreterProvider(api, fallback);
  } catch (error) {
    logger.warn(`${PVSC_EXTENSION_ID} is installed but its API is unavailable (${error instanceof Error ? error.message : String(error)}); using the fallback.`);
    return fallback;
  }
}
