// Quick fixes for our diagnostics: one code action per presented fix, the preferred one marked.
// Edits are attached directly (undoable, previewable); everything else goes through the applyFix command.
import * as vscode from 'vscode';
import type { PresentedFix } from '../core/present/fixPresentation';
import { COMMANDS } from './commandIds';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import { editFor } from './fixEdits';
import type { Logger } from '../core/ports';

export class FixCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  private requests = 0;
  /** Extensions seen active: one that activates registers its providers, which resets VS Code's code-action state. */
  private readonly activeSeen = new Set<string>();

  /** trace: when the host is being measured (see longTasks.ts), every request is logged with its timing. */
  constructor(
    private readonly publisher: DiagnosticsPublisher,
    private readonly trace?: Logger,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token?: vscode.CancellationToken,
  ): vscode.CodeAction[] {
    const started = performance.now();
    const actions: vscode.CodeAction[] = [];
    let ours = 0;
    for (const diagnostic of context.diagnostics) {
      const spec = this.publisher.specOf(document.uri.fsPath, diagnostic);
      if (spec === undefined) continue;
      ours++;
      for (const fix of spec.fixes) actions.push(this.action(document, diagnostic, fix));
    }
    if (this.trace !== undefined) this.traceRequest(document, range, context, ours, actions.length, started, token);
    return actions;
  }

  private traceRequest(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
    ours: number,
    actions: number,
    started: number,
    token: vscode.CancellationToken | undefined,
  ): void {
    const id = ++this.requests;
    const trigger = context.triggerKind === vscode.CodeActionTriggerKind.Invoke ? 'invoked (Ctrl+.)' : 'automatic';
    const where = `${document.uri.path.split('/').at(-1) ?? ''}:${range.start.line + 1}:${range.start.character}`;
    const ms = Math.round((performance.now() - started) * 10) / 10;
    this.trace?.info(
      `Code actions #${id} ${trigger} at ${where} (only ${context.only?.value ?? 'any'}): ${context.diagnostics.length} diagnostic(s), ${ours} ours, ${actions} action(s) in ${ms} ms.`,
    );
    token?.onCancellationRequested(() => this.trace?.info(`Code actions #${id} cancelled by VS Code.`));
    const active = vscode.extensions.all.filter((extension) => extension.isActive).map((extension) => extension.id);
    const newlyActive = active.filter((extensionId) => !this.activeSeen.has(extensionId));
    for (const extensionId of newlyActive) this.activeSeen.add(extensionId);
    if (newlyActive.length > 0) this.trace?.info(`Extensions active now: ${newlyActive.join(', ')}.`);
  }

  private action(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, fix: PresentedFix): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.isPreferred;
    const edit = fix.effect.kind === 'edit' ? editFor(fix.effect, document) : undefined;
    if (edit !== undefined) action.edit = edit;
    else action.command = { command: COMMANDS.applyFix, title: fix.title, arguments: [fix.id, document.uri] };
    return action;
  }
}
