// The terminal fixes type into: one per folder, reused while its shell is idle, so a second fix does not open a
// second terminal. Text is typed once the shell has started (its integration reports in), so the line is not
// echoed twice — once by the terminal as typed-ahead input and again by the shell's prompt.
import * as vscode from 'vscode';
import { Disposable } from './lifecycle';

const TERMINAL_NAME = 'ROS Env Doctor';
/** A shell without VS Code's shell integration never reports in: type after this long anyway. */
const SHELL_START_LIMIT_MS = 4000;
const CLEAR_LINE = '\u0015';

interface OurTerminal {
  readonly folder: string;
  /** Something the user ran is still running (known only with shell integration). */
  busy: boolean;
  /** Called when a command ends or the terminal closes: what it installed is probed again. */
  readonly onCommandEnded: () => void;
}

export class FixTerminals extends Disposable {
  private readonly terminals = new Map<vscode.Terminal, OurTerminal>();

  constructor() {
    super();
    this._register(
      vscode.window.onDidStartTerminalShellExecution((event) => {
        const ours = this.terminals.get(event.terminal);
        if (ours !== undefined) ours.busy = true;
      }),
    );
    this._register(
      vscode.window.onDidEndTerminalShellExecution((event) => {
        const ours = this.terminals.get(event.terminal);
        if (ours === undefined) return;
        ours.busy = false;
        ours.onCommandEnded();
      }),
    );
    this._register(
      vscode.window.onDidCloseTerminal((terminal) => {
        this.terminals.get(terminal)?.onCommandEnded();
        this.terminals.delete(terminal);
      }),
    );
  }

  /** Shows the folder's terminal with `text` typed but not run: the user reads it and presses Enter. */
  async type(text: string, folder: vscode.WorkspaceFolder, onCommandEnded: () => void): Promise<vscode.Terminal> {
    const key = folder.uri.toString();
    const reusable = [...this.terminals].find(
      ([terminal, ours]) => ours.folder === key && !ours.busy && terminal.exitStatus === undefined,
    )?.[0];
    const terminal = reusable ?? this.create(folder, onCommandEnded);
    terminal.show(false);
    if (reusable === undefined) await shellStarted(terminal);
    // A reused terminal may still show an earlier fix's line, typed and never run: Ctrl+U clears the input line
    // (bash, zsh and fish alike) so the new command is not appended to it.
    terminal.sendText(reusable === undefined ? text : `${CLEAR_LINE}${text}`, false);
    return terminal;
  }

  private create(folder: vscode.WorkspaceFolder, onCommandEnded: () => void): vscode.Terminal {
    const terminal = vscode.window.createTerminal({ name: TERMINAL_NAME, cwd: folder.uri });
    this.terminals.set(terminal, { folder: folder.uri.toString(), busy: false, onCommandEnded });
    return terminal;
  }

  override dispose(): void {
    this.terminals.clear();
    super.dispose();
  }
}

/** Resolves when the shell's integration reports in, or after SHELL_START_LIMIT_MS for a shell without one. */
function shellStarted(terminal: vscode.Terminal): Promise<void> {
  if (terminal.shellIntegration !== undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      subscription.dispose();
      closed.dispose();
      resolve();
    };
    const timer = setTimeout(done, SHELL_START_LIMIT_MS);
    const subscription = vscode.window.onDidChangeTerminalShellIntegration((event) => {
      if (event.terminal === terminal) done();
    });
    const closed = vscode.window.onDidCloseTerminal((closedTerminal) => {
      if (closedTerminal === terminal) done();
    });
  });
}
