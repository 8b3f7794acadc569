// An edit fix as a WorkspaceEdit: undoable, and byte for byte what the rule asked for.
import * as vscode from 'vscode';
import type { FixEffect } from '../core/present/fixPresentation';

type EditEffect = Extract<FixEffect, { readonly kind: 'edit' }>;

/** The edit against a document's current text; undefined when the document no longer has that line. */
export function editFor(effect: EditEffect, document: vscode.TextDocument): vscode.WorkspaceEdit | undefined {
  if (effect.line > document.lineCount) return undefined;
  const range = effect.wholeLine
    ? document.lineAt(effect.line - 1).range
    : new vscode.Range(effect.line - 1, effect.column, effect.endLine - 1, effect.endColumn);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, effect.newText);
  return edit;
}
