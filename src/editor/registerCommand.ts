// Registers a command and its disposable in one step, so no command can outlive the extension.
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import type { CommandId } from './commandIds';
import type { DisposableStore } from './lifecycle';

export function registerCommand(store: DisposableStore, logger: Logger, id: CommandId, run: (...args: unknown[]) => unknown): void {
  store.add(
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (error) {
        // A bug, not an expected failure: say so once and keep the details in the log.
        logger.error(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        void vscode.window.showErrorMessage(`ROS Env Doctor: ${id} failed — see the "ROS Env Doctor" output for details.`);
        return undefined;
      }
    }),
  );
}
