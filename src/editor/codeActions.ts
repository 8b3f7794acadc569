// Quick fixes for our diagnostics: one code action per presented fix, the preferred one marked.
// Edits are attached directly (undoable, previewable); everything else goes through the applyFix command.
import * as vscode from 'vscode';
import type { PresentedFix } from '../core/present/fixPresentation';
import { COMMANDS } from './commandIds';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import { editFor } from './fixEdits';

export class FixCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly publisher: DiagnosticsPublisher) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const spec = this.publisher.specOf(document.uri.fsPath, diagnostic);
      if (spec === undefined) continue;
      for (const fix of spec.fixes) actions.push(this.action(document, diagnostic, fix));
    }
    return actions;
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
