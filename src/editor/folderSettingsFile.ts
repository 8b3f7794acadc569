// One key of a folder's .vscode/settings.json, changed through jsonc-parser's `modify` and a WorkspaceEdit on the
// document: only that value's text changes, so comments, order and formatting stay; the edit is on the undo
// stack; an open settings file with unsaved changes keeps them (and stays unsaved). VS Code's own configuration
// API cannot do this for a setting no installed extension registers (python.defaultInterpreterPath without the
// Python extension), and writes to the workspace file rather than the folder's in a multi-root window.
import { findNodeAtLocation, modify, parse, parseTree, printParseErrorCode, type FormattingOptions, type ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';

/** What the key held before the edit: `absent` when it was not in the file, so undoing removes it again. */
export type PreviousValue =
  | { readonly kind: 'absent' }
  /** `text`: the value exactly as it was written in the file, so putting it back restores the file byte for byte. */
  | { readonly kind: 'value'; readonly value: unknown; readonly text?: string };

export type SettingsEdit =
  | { readonly kind: 'edited'; readonly file: vscode.Uri; readonly previous: PreviousValue }
  | { readonly kind: 'failed'; readonly detail: string };

export function folderSettingsUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** The file's own indentation (a settings file written by hand may use tabs or 2 spaces), else VS Code's default. */
function formatting(text: string, eol: vscode.EndOfLine): FormattingOptions {
  const indented = /^([ \t]+)\S/m.exec(text)?.[1];
  const insertSpaces = indented === undefined || !indented.startsWith('\t');
  return {
    insertSpaces,
    tabSize: insertSpaces && indented !== undefined ? indented.length : 4,
    eol: eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  };
}

/** The current value of `key` in the folder's settings file (not merged with user or workspace settings). */
export async function readFolderSetting(folder: vscode.WorkspaceFolder, key: string): Promise<PreviousValue> {
  const file = folderSettingsUri(folder);
  if (!(await exists(file))) return { kind: 'absent' };
  const document = await vscode.workspace.openTextDocument(file);
  const root: unknown = parse(document.getText(), [], { allowTrailingComma: true, disallowComments: false });
  if (typeof root !== 'object' || root === null || Array.isArray(root) || !(key in root)) return { kind: 'absent' };
  return { kind: 'value', value: (root as Record<string, unknown>)[key] };
}

/**
 * Sets `key` to `value` (or removes it: `absent`) in <folder>/.vscode/settings.json. A file that is not valid
 * JSON with comments is left alone and the answer says where it is broken: guessing could lose the user's text.
 */
export async function writeFolderSetting(folder: vscode.WorkspaceFolder, key: string, value: PreviousValue): Promise<SettingsEdit> {
  const file = folderSettingsUri(folder);
  if (!(await exists(file))) {
    if (value.kind === 'absent') return { kind: 'edited', file, previous: { kind: 'absent' } };
    // Creating the file is part of the same undoable edit.
    const edit = new vscode.WorkspaceEdit();
    const text = `${JSON.stringify({ [key]: value.value }, null, 4)}\n`;
    edit.createFile(file, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
    if (!(await vscode.workspace.applyEdit(edit))) return { kind: 'failed', detail: `VS Code refused to create ${file.fsPath}.` };
    return { kind: 'edited', file, previous: { kind: 'absent' } };
  }
  const document = await vscode.workspace.openTextDocument(file);
  const wasDirty = document.isDirty;
  const text = document.getText();
  const edit = new vscode.WorkspaceEdit();
  let previous: PreviousValue = { kind: 'absent' };
  if (text.trim() === '') {
    if (value.kind === 'absent') return { kind: 'edited', file, previous };
    edit.replace(
      file,
      new vscode.Range(document.positionAt(0), document.positionAt(text.length)),
      `${JSON.stringify({ [key]: value.value }, null, 4)}\n`,
    );
  } else {
    const errors: ParseError[] = [];
    const root: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
    const firstError = errors[0];
    if (firstError !== undefined) {
      const line = document.positionAt(firstError.offset).line + 1;
      return {
        kind: 'failed',
        detail: `${file.fsPath} line ${line}: ${printParseErrorCode(firstError.error)}. Fix the file, then try again.`,
      };
    }
    if (typeof root !== 'object' || root === null || Array.isArray(root))
      return { kind: 'failed', detail: `${file.fsPath} does not hold a JSON object. Fix the file, then try again.` };
    const tree = parseTree(text, [], { allowTrailingComma: true });
    const node = tree === undefined ? undefined : findNodeAtLocation(tree, [key]);
    const range =
      node === undefined ? undefined : new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
    if (key in root)
      previous = {
        kind: 'value',
        value: (root as Record<string, unknown>)[key],
        ...(range === undefined ? {} : { text: document.getText(range) }),
      };
    if (value.kind === 'value' && value.text !== undefined && range !== undefined) {
      edit.replace(file, range, value.text);
    } else {
      const changes = modify(text, [key], value.kind === 'absent' ? undefined : value.value, {
        formattingOptions: formatting(text, document.eol),
      });
      for (const change of changes)
        edit.replace(
          file,
          new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length)),
          change.content,
        );
    }
  }
  if (edit.size > 0 && !(await vscode.workspace.applyEdit(edit)))
    return { kind: 'failed', detail: `VS Code refused to edit ${file.fsPath}.` };
  if (!wasDirty && document.isDirty) await document.save();
  return { kind: 'edited', file, previous };
}
