// After a change to the user's settings or interpreter: a notification saying what changed, with an Undo button
// that puts back exactly what was there (Ctrl+Z only works inside settings.json, and not at all for the
// Python extension's selection).
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';

export type Undo = () => Promise<void>;

export class UndoNotices {
  private latest: Undo | undefined;

  constructor(private readonly logger: Logger) {}

  /** Shows `message` with Undo; nobody waits for the answer. */
  offer(message: string, undo: Undo): void {
    let done = false;
    const once: Undo = async () => {
      if (done) return;
      done = true;
      if (this.latest === once) this.latest = undefined;
      await undo();
    };
    this.latest = once;
    vscode.window
      .showInformationMessage(message, 'Undo')
      .then((choice) => (choice === 'Undo' ? once() : undefined))
      .then(undefined, (error: unknown) => this.logger.error(`Undo failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** What the newest notification's Undo button does (the in-host tests cannot click a notification). */
  async undoLatest(): Promise<boolean> {
    const undo = this.latest;
    if (undo === undefined) return false;
    await undo();
    return true;
  }
}
