// The report webview: one panel, re-rendered whenever its folder's diagnosis changes; buttons post messages back.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Diagnosis } from '../core/engine/doctorApi';
import { buildReport } from '../core/present/reportModel';
import { COMMANDS } from './commandIds';
import { Disposable } from './lifecycle';
import { reportHtml } from './reportHtml';

export type ReportMessage =
  | { readonly kind: 'applyFix'; readonly id: string }
  | { readonly kind: 'probe' }
  | { readonly kind: 'copy' }
  /** A cause's place was clicked: line 1-based, column 0-based (as in CauseLocation). */
  | { readonly kind: 'openLocation'; readonly file: string; readonly line: number; readonly column: number };

function parseMessage(raw: unknown): ReportMessage | undefined {
  if (typeof raw !== 'object' || raw === null || !('kind' in raw)) return undefined;
  if (raw.kind === 'applyFix' && 'id' in raw && typeof raw.id === 'string') return { kind: 'applyFix', id: raw.id };
  if (raw.kind === 'openLocation' && 'file' in raw && 'line' in raw && 'column' in raw) {
    const { file, line, column } = raw;
    if (typeof file === 'string' && Number.isInteger(line) && Number.isInteger(column))
      return { kind: 'openLocation', file, line: Number(line), column: Number(column) };
    return undefined;
  }
  if (raw.kind === 'probe' || raw.kind === 'copy') return { kind: raw.kind };
  return undefined;
}

export class ReportView extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private folder: vscode.WorkspaceFolder | undefined;

  /** The buttons go through the same commands as the palette and the code actions. */
  private onMessage(folder: vscode.WorkspaceFolder, message: ReportMessage): void {
    const run = (command: Thenable<unknown>): void => {
      command.then(undefined, () => undefined); // registerCommand already reports failures.
    };
    if (message.kind === 'openLocation') {
      // Only places inside the folder: the page is ours, but a message is still input.
      if (!message.file.startsWith(`${folder.uri.fsPath}/`)) return;
      const at = new vscode.Position(Math.max(message.line - 1, 0), Math.max(message.column, 0));
      run(
        vscode.window.showTextDocument(vscode.Uri.file(message.file), {
          viewColumn: vscode.ViewColumn.One,
          selection: new vscode.Range(at, at),
        }),
      );
    } else if (message.kind === 'applyFix') run(vscode.commands.executeCommand(COMMANDS.applyFix, message.id, folder.uri));
    else if (message.kind === 'probe') run(vscode.commands.executeCommand(COMMANDS.probeEnvironment));
    else run(vscode.commands.executeCommand(COMMANDS.copyReportMarkdown));
  }

  get shownFolder(): vscode.WorkspaceFolder | undefined {
    return this.panel === undefined ? undefined : this.folder;
  }

  show(folder: vscode.WorkspaceFolder, diagnosis: Diagnosis): void {
    this.folder = folder;
    if (this.panel === undefined) {
      const panel = vscode.window.createWebviewPanel('rosEnvDoctor.report', 'ROS Env Doctor Report', vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      this.panel = panel;
      const listeners = [
        panel.webview.onDidReceiveMessage((raw: unknown) => {
          const message = parseMessage(raw);
          if (message !== undefined && this.folder !== undefined) this.onMessage(this.folder, message);
        }),
        panel.onDidDispose(() => {
          for (const listener of listeners) listener.dispose();
          this.panel = undefined;
        }),
      ];
    } else {
      this.panel.reveal(undefined, true);
    }
    this.render(diagnosis);
  }

  /** Re-renders when the shown folder has a new diagnosis; ignores other folders. */
  update(folder: vscode.WorkspaceFolder, diagnosis: Diagnosis): void {
    if (this.panel === undefined || this.folder?.uri.toString() !== folder.uri.toString()) return;
    this.render(diagnosis);
  }

  private render(diagnosis: Diagnosis): void {
    if (this.panel === undefined) return;
    this.panel.webview.html = reportHtml({
      model: buildReport(diagnosis),
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
      generatedAt: new Date().toLocaleString(),
    });
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}
