// The folder's interpreter without any Python extension: python.defaultInterpreterPath, else python3 / python on
// PATH — what the Python extension itself falls back to. Switching edits the folder's settings.json.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFolderSetting } from './folderSettingsFile';
import type { InterpreterAnswer, InterpreterProvider, Selection } from './interpreterProvider';
import { Disposable } from './lifecycle';
import { expandInterpreterSetting } from './settings';

const INTERPRETER_SETTING = 'python.defaultInterpreterPath';

/** The setting, then PATH: what the Python extension itself would fall back to. */
export class FallbackInterpreterProvider extends Disposable implements InterpreterProvider {
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

  async active(folder: vscode.WorkspaceFolder): Promise<InterpreterAnswer> {
    const raw = vscode.workspace.getConfiguration('python', folder.uri).get<unknown>('defaultInterpreterPath');
    const fromSetting = expandInterpreterSetting(raw, folder.uri.fsPath, process.env);
    if (fromSetting !== null) {
      // A bare command name ("python3.8") is looked up by the engine on PATH, as a terminal would.
      return { path: fromSetting.includes('/') ? path.resolve(folder.uri.fsPath, fromSetting) : fromSetting, source: 'setting' };
    }
    // python3, then python, on the PATH of the environment the node runs in: the engine's one lookup.
    return { path: null, source: 'path' };
  }

  known(): readonly string[] {
    return [];
  }

  async environmentVariables(): Promise<Readonly<Record<string, string>>> {
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
