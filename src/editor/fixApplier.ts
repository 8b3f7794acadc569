// Carries out a fix the user chose: nothing here runs a command for them; terminals get text they must confirm with Enter.
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { docsUrl } from '../core/present/diagnosticSpecs';
import type { FixEffect, PresentedFix } from '../core/present/fixPresentation';
import { editFor } from './fixEdits';
import { FixTerminals } from './fixTerminal';
import { readFolderSetting, writeFolderSetting } from './folderSettingsFile';
import type { Selection } from './interpreterProvider';
import { Disposable } from './lifecycle';
import { SETTINGS_SECTION } from './settings';
import type { UndoNotices } from './undoNotices';

const IGNORE_SETTING = `${SETTINGS_SECTION}.ignoreModules`;

export interface FixContext {
  readonly folder: vscode.WorkspaceFolder;
  /** Switches the folder's interpreter (the Python extension, else python.defaultInterpreterPath); undoable. */
  selectInterpreter(path: string): Promise<Selection>;
  /** Forget cached probes and diagnose again: after a fix the diagnostics should clear by themselves. */
  reprobe(): void;
}

export class FixApplier extends Disposable {
  private readonly terminals = this._register(new FixTerminals());

  constructor(
    private readonly repositoryUrl: string | null,
    private readonly extensionUri: vscode.Uri,
    private readonly logger: Logger,
    private readonly undo: UndoNotices,
  ) {
    super();
  }

  private lastTyped: string | undefined;

  /** What the last fix typed into a terminal (not run); the e2e suites check it is the rule's exact command. */
  get lastTerminalText(): string | undefined {
    return this.lastTyped;
  }

  /**
   * Whether the fix was carried out (false: it no longer applies, or it failed and the user was told why). The
   * user picked the fix by its name, which says what it does, so nothing asks again; what changes a setting or
   * the interpreter offers Undo.
   */
  async apply(fix: PresentedFix, context: FixContext): Promise<boolean> {
    this.logger.info(`Applying fix ${fix.id}: ${fix.title}`);
    const effect: FixEffect = fix.effect;
    switch (effect.kind) {
      case 'switch-interpreter':
        return this.switchInterpreter(effect.path, context);
      case 'terminal':
        await this.typeInTerminal(effect.text, context);
        return true;
      case 'edit': {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(effect.file));
        const edit = editFor(effect, document);
        if (edit === undefined) return false;
        return vscode.workspace.applyEdit(edit);
      }
      case 'untitled-document':
        return this.openUntitled(effect, context);
      case 'ignore-module':
        return this.ignoreModule(effect.module, context);
      case 'docs': {
        const url = docsUrl(this.repositoryUrl, effect.anchor);
        if (url !== null) return vscode.env.openExternal(vscode.Uri.parse(url));
        // Without a repository URL the bundled README is the documentation.
        await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(this.extensionUri, 'README.md'));
        return true;
      }
    }
  }

  /** Makes `path` the folder's interpreter, says so with Undo, and checks again. */
  async switchInterpreter(path: string, context: FixContext): Promise<boolean> {
    const selection = await context.selectInterpreter(path);
    if (selection.kind === 'failed') {
      void vscode.window.showWarningMessage(`ROS Env Doctor could not switch ${context.folder.name} to ${path}: ${selection.detail}`);
      return false;
    }
    this.undo.offer(`ROS Env Doctor: ${context.folder.name} now uses ${path}.`, async () => {
      await selection.undo();
      context.reprobe();
    });
    context.reprobe();
    return true;
  }

  /** Adds the module to the folder's rosEnvDoctor.ignoreModules (its own settings file, comments kept), with Undo. */
  private async ignoreModule(module: string, context: FixContext): Promise<boolean> {
    const current = await readFolderSetting(context.folder, IGNORE_SETTING);
    const list =
      current.kind === 'value' && Array.isArray(current.value)
        ? current.value.filter((item): item is string => typeof item === 'string')
        : [];
    if (list.includes(module)) return false;
    const written = await writeFolderSetting(context.folder, IGNORE_SETTING, { kind: 'value', value: [...list, module] });
    if (written.kind === 'failed') {
      void vscode.window.showWarningMessage(`ROS Env Doctor could not ignore ${module}: ${written.detail}`);
      return false;
    }
    this.undo.offer(
      `ROS Env Doctor: ${module} is ignored in ${context.folder.name}.`,
      async () => void (await writeFolderSetting(context.folder, IGNORE_SETTING, written.previous)),
    );
    return true;
  }

  /** A visible terminal with the command typed but not run: the user reads it and presses Enter. */
  async typeInTerminal(text: string, context: FixContext): Promise<vscode.Terminal> {
    const terminal = await this.terminals.type(text, context.folder, () => context.reprobe());
    this.lastTyped = text;
    return terminal;
  }

  private async openUntitled(effect: Extract<FixEffect, { readonly kind: 'untitled-document' }>, context: FixContext): Promise<boolean> {
    // An untitled document with the suggested path: Save proposes that place, and nothing is written until the user saves.
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(effect.suggestedFile).with({ scheme: 'untitled' }));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), effect.content);
    await vscode.workspace.applyEdit(edit);
    await vscode.languages.setTextDocumentLanguage(document, effect.language).then(
      () => undefined,
      () => undefined, // The language may not be installed; plain text is fine.
    );
    await vscode.window.showTextDocument(document);
    if (effect.followUp === null) return true;
    const followUp = effect.followUp;
    const choice = await vscode.window.showInformationMessage(`Save the file, then run: ${followUp}`, 'Type in Terminal');
    if (choice === 'Type in Terminal') await this.typeInTerminal(followUp, context);
    return true;
  }
}
