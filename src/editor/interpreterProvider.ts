// Which interpreter a folder uses, from the first of these that is installed: the Python Environments extension
// (ms-python.vscode-python-envs, API @vscode/python-environments), which is becoming VS Code's interpreter
// picker; the Python extension (ms-python.python, API @vscode/python-extension); else
// python.defaultInterpreterPath, else python3 / python on PATH. When two extensions disagree, the one the user
// picks interpreters in wins, and the report says which one chose. Nothing is run to find out.
import { PythonExtension, PVSC_EXTENSION_ID } from '@vscode/python-extension';
import { EXTENSION_ID as ENVS_EXTENSION_ID, PythonEnvironments } from '@vscode/python-environments';
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { FallbackInterpreterProvider } from './fallbackInterpreters';
import { PythonEnvironmentsInterpreterProvider } from './pythonEnvironmentsInterpreters';
import { PythonExtensionInterpreterProvider } from './pythonExtensionInterpreters';

export type InterpreterSourceKind = 'python-environments' | 'python-extension' | 'setting' | 'path';

export interface InterpreterChoice {
  /**
   * The interpreter's path; a bare command ("python3.8") or null (python3, then python) is looked up by the engine
   * on the PATH of the environment the node runs in.
   */
  readonly path: string | null;
  readonly source: InterpreterSourceKind;
}

export type InterpreterAnswer = InterpreterChoice | { readonly kind: 'none'; readonly detail: string };

export type Selection =
  { readonly kind: 'selected'; readonly undo: () => Promise<void> } | { readonly kind: 'failed'; readonly detail: string };

export interface InterpreterProvider extends vscode.Disposable {
  readonly kind: 'python-environments' | 'python-extension' | 'fallback';
  /** The folder's interpreter, or why there is none (the detail says what was tried). */
  active(folder: vscode.WorkspaceFolder): Promise<InterpreterAnswer>;
  /** Interpreters the extension knows of (empty without one; discovery on disk covers the rest). */
  known(): readonly string[];
  /** The extension's variables for the folder (its .env file merged over the process's), or {}. */
  environmentVariables(folder: vscode.WorkspaceFolder): Promise<Readonly<Record<string, string>>>;
  /** Makes `interpreter` the folder's; the answer can put the previous one back. */
  select(folder: vscode.WorkspaceFolder, interpreter: string): Promise<Selection>;
  /** Fires with the folder concerned (undefined: maybe all) when the interpreter, the known ones or the variables change. */
  readonly onDidChange: vscode.Event<vscode.WorkspaceFolder | undefined>;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Uses an extension's API only when that extension is installed; activating it is its own cost, so call this lazily. */
export async function createInterpreterProvider(logger: Logger): Promise<InterpreterProvider> {
  const fallback = new FallbackInterpreterProvider();
  if (vscode.extensions.getExtension(ENVS_EXTENSION_ID) !== undefined) {
    try {
      const api = await PythonEnvironments.api();
      logger.info(`Using the environment selected in ${ENVS_EXTENSION_ID}.`);
      return new PythonEnvironmentsInterpreterProvider(api, fallback);
    } catch (error) {
      logger.warn(`${ENVS_EXTENSION_ID} is installed but its API is unavailable (${reason(error)}); trying ${PVSC_EXTENSION_ID}.`);
    }
  }
  if (vscode.extensions.getExtension(PVSC_EXTENSION_ID) !== undefined) {
    try {
      const api = await PythonExtension.api();
      await api.ready;
      logger.info(`Using the interpreter selected in ${PVSC_EXTENSION_ID}.`);
      return new PythonExtensionInterpreterProvider(api, fallback);
    } catch (error) {
      logger.warn(
        `${PVSC_EXTENSION_ID} is installed but its API is unavailable (${reason(error)}); using python.defaultInterpreterPath, then PATH.`,
      );
      return fallback;
    }
  }
  logger.info(
    `Neither ${ENVS_EXTENSION_ID} nor ${PVSC_EXTENSION_ID} is installed: using python.defaultInterpreterPath, then python3/python on PATH.`,
  );
  return fallback;
}
