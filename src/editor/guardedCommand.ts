// A command's body with its failure handling: what src/extension.ts's registered command runs once the editor is up.
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import type { CommandId } from './commandIds';

export type CommandBody = (...args: unknown[]) => unknown;

export function guardedCommand(logger: Logger, id: CommandId, run: CommandBody): (args: readonly unknown[]) => Promise<unknown> {
  return async (args) => {
    try {
      return await run(...args);
    } catch (error) {
      // A bug, not an expected failure: say so once and keep the details in the log.
      logger.error(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void vscode.window.showErrorMessage(`ROS Env Doctor: ${id} failed — see the "ROS Env Doctor" output for details.`);
      return undefined;
    }
  };
}
