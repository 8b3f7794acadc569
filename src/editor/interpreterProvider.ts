// Which interpreter a folder uses: through the Python extension's API when ms-python.python is installed,
// else python.defaultInterpreterPath, else python3 / python on PATH. Nothing is run to find out.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PythonExtension, PVSC_EXTENSION_ID } from '@vscode/python-extension';
import type { FileSystem, Logger } from '../core/ports';
import { writeFolderSetting } from './folderSettingsFile';
import { Disposable } from './lifecycle';
import { expandInterpreterSetting } from './settings';

export interface InterpreterChoice {
  readonly path: string;
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
  /** Makes `interpreter` the folder's; the answer can put the previous one back. */
  select(folder: vscode.WorkspaceFolder, interpreter: string): Promise<Selection>;
  /** Fires with the folder concerned (undefined: maybe all) when the interpreter or its variables change. */
  readonly onDidChange: vscode.Event<vscode.WorkspaceFolder | undefined>;
}

export type Selection = { readonly kind: 'selected'; readonly undo: () => Promise<void> } | { readonly kind: 'failed'; readonly detail: string };

const INTERPRETER_SETTING = 'python.defaultInterpreterPath';

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) result[key] = value;
  return result;
}

async function executableOnPath(names: readonly string[], fs: FileSystem): Promise<string | null> {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      const stat = await fs.stat(candidate);
      if (stat?.kind === 'file' && stat.executable) return candidate;
    }
  }
  return null;
}

/** The setting, then PATH: what the Python extension itself would fall back to. */
class FallbackInterpreterProvider extends Disposable implements InterpreterProvider {
  readonly kind = 'fallback' as const;
  private readonly changed = this._register(new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly fs: FileSystem) {
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
      // A bare command name ("python3.8") is looked up on PATH, as a terminal would.
      if (!fromSetting.includes('/')) {
        const found = await executableOnPath([fromSetting], this.fs);
        return { path: found ?? fromSetting, source: 'setting' };
      }
      return { path: path.resolve(folder.uri.fsPath, fromSetting), source: 'setting' };
    }
    const onPath = await executableOnPath(['python3', 'python'], this.fs);
    if (onPath !== null) return { path: onPath, source: 'path' };
    return { kind: 'none', detail: 'No Python interpreter: python.defaultInterpreterPath is not set and neither python3 nor python is on PATH.' };
  }

  known(): readonly string[] {
    return [];
  }

  environmentVariables(): Readonly<Record<string, string>> {
    return {};
  }

  async select(folder: vscode.WorkspaceFolder, interpreter: string): Promise<Selection> {
    // Without the Python extension the setting is not registered, so the configuration API refuses to write it;
    // the folder's settings file is where the user would put it by hand.
    const written = await writeFolderSetting(folder, INTERPRETER_SETTING, { kind: 'value', value: interpreter });
    if (written.kind === 'failed') return written;
    return { kind: 'selected', undo: async () => void (await writeFolderSetting(folder, INTERPRETER_SETTING, written.previous)) };
  }
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

  async select(folder: vscode.WorkspaceFolder, interpreter: string): Promise<Selection> {
    const previous = this.api.environments.getActiveEnvironmentPath(folder.uri).path;
    await this.api.environments.updateActiveEnvironmentPath(interpreter, folder);
    return { kind: 'selected', undo: () => this.api.environments.updateActiveEnvironmentPath(previous, folder) };
  }
}

/** Uses the Python extension only when it is installed; activating it is its own cost, so call this lazily. */
export async function createInterpreterProvider(fs: FileSystem, logger: Logger): Promise<InterpreterProvider> {
  const fallback = new FallbackInterpreterProvider(fs);
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
