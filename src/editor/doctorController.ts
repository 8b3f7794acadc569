// The extension's lifetime: one FolderSession per workspace folder (created on the first Python editor there),
// the shared diagnostics, status item and report, and the events that make a folder diagnose again.
import * as vscode from 'vscode';
import type { Diagnosis } from '../core/engine/doctorApi';
import type { Logger } from '../core/ports';
import { fixesById, type PresentedFix } from '../core/present/fixPresentation';
import { stateSummary, statusSummary, type DoctorState } from '../core/present/statusSummary';
import { PACKAGE_MANIFEST_GLOB, WORKSPACE_MARKERS } from '../core/ros/workspaceMarkers';
import type { AnalysisExtraPaths } from './analysisExtraPaths';
import { runInBackground } from './background';
import { CONTEXT_KEYS } from './commandIds';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { FixApplier, FixContext } from './fixApplier';
import { FolderSession, TYPING_DELAY_MS } from './folderSession';
import { createInterpreterProvider, type InterpreterProvider } from './interpreterProvider';
import { Disposable, toDisposable } from './lifecycle';
import type { ReportView } from './reportView';
import type { LazyEngine } from './engineLoader';
import { SETTINGS_SECTION } from './settings';
import type { StatusItem } from './statusItem';

export interface ControllerParts {
  readonly engine: LazyEngine;
  readonly logger: Logger;
  readonly publisher: DiagnosticsPublisher;
  readonly status: StatusItem;
  readonly fixes: FixApplier;
  readonly report: ReportView;
  readonly extraPaths: AnalysisExtraPaths;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

const isPython = (document: vscode.TextDocument): boolean => document.languageId === 'python' && document.uri.scheme === 'file';

export class DoctorController extends Disposable {
  private readonly sessions = new Map<string, FolderSession>();
  private readonly states = new Map<string, DoctorState | { readonly kind: 'diagnosed'; readonly diagnosis: Diagnosis }>();
  private provider: Promise<InterpreterProvider> | undefined;
  private providerKind: InterpreterProvider['kind'] | 'not-started' = 'not-started';
  private untrustedNoticeShown = false;

  constructor(private readonly parts: ControllerParts) {
    super();
    this._register(toDisposable(() => this.disposeSessions()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.startForVisibleEditors()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.showStatusForActiveEditor()));
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.onOpened(document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => parts.publisher.closeFile(document.uri.fsPath)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.onEdited(event.document, TYPING_DELAY_MS, true)));
    this._register(vscode.workspace.onDidSaveTextDocument((document) => this.onEdited(document, 0, false)));
    this._register(vscode.workspace.onDidChangeConfiguration((event) => this.onConfigurationChanged(event)));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders((event) => this.onFoldersChanged(event)));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.startForVisibleEditors()));
  }

  /** Called once after activation: nothing is run unless a Python editor is visible. */
  start(): void {
    runInBackground('Detecting ROS workspaces', this.parts.logger, () => this.updateContextKey());
    this.startForVisibleEditors();
    // Loaded now, while the window settles, not when the user opens the first node and waits for its answer.
    if (vscode.workspace.isTrusted) runInBackground('Loading the engine', this.parts.logger, () => this.parts.engine.get());
  }

  get interpreterProviderKind(): InterpreterProvider['kind'] | 'not-started' {
    return this.providerKind;
  }

  /** The folder a command is about: the active editor's, else the only one, else the first with a session. */
  currentFolder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    const fromEditor = active === undefined ? undefined : vscode.workspace.getWorkspaceFolder(active);
    return fromEditor ?? this.parts.report.shownFolder ?? vscode.workspace.workspaceFolders?.[0];
  }

  /** The folder's session, created on demand; undefined in an untrusted workspace (nothing may run there). */
  session(folder: vscode.WorkspaceFolder): FolderSession | undefined {
    if (!vscode.workspace.isTrusted) {
      this.noticeUntrusted();
      return undefined;
    }
    const key = folder.uri.toString();
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = new FolderSession(folder, {
        engine: this.parts.engine,
        publisher: this.parts.publisher,
        logger: this.parts.logger,
        interpreters: () => this.interpreters(),
        onState: (source, state) => this.onState(source, state),
      });
      this.sessions.set(key, session);
    }
    return session;
  }

  diagnosis(folder: vscode.WorkspaceFolder): Diagnosis | undefined {
    return this.sessions.get(folder.uri.toString())?.diagnosis;
  }

  async whenIdle(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.whenIdle()));
  }

  /** A fix by id, among the fixes of the folder's latest diagnosis. */
  findFix(folder: vscode.WorkspaceFolder, id: string): PresentedFix | undefined {
    const diagnosis = this.diagnosis(folder);
    return diagnosis === undefined ? undefined : fixesById(diagnosis.findings).get(id);
  }

  fixContext(folder: vscode.WorkspaceFolder): FixContext {
    return {
      folder,
      selectInterpreter: async (path) => (await this.interpreters()).select(folder, path),
      reprobe: () => this.session(folder)?.schedule(0, { fresh: true }),
    };
  }

  async interpreters(): Promise<InterpreterProvider> {
    if (this.provider === undefined) {
      this.provider = createInterpreterProvider(this.parts.logger).then((provider) => {
        this.providerKind = provider.kind;
        if (this.isDisposed) provider.dispose();
        else {
          this._register(provider);
          this._register(provider.onDidChange((folder) => this.onInterpreterChanged(folder)));
        }
        return provider;
      });
    }
    return this.provider;
  }

  private startForVisibleEditors(): void {
    const folders = new Map<string, vscode.WorkspaceFolder>();
    for (const editor of vscode.window.visibleTextEditors) {
      if (!isPython(editor.document)) continue;
      const folder = vscode.workspace.getWorkspaceFolder(editor.document.uri);
      if (folder !== undefined) folders.set(folder.uri.toString(), folder);
    }
    for (const folder of folders.values()) {
      const key = folder.uri.toString();
      if (this.sessions.has(key)) continue;
      this.session(folder)?.schedule(0);
    }
    this.showStatusForActiveEditor();
  }

  private onOpened(document: vscode.TextDocument): void {
    if (!isPython(document)) return;
    this.parts.publisher.refreshFile(document.uri.fsPath);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const session = folder === undefined ? undefined : this.sessions.get(folder.uri.toString());
    // A file the last diagnosis did not scan (a new or stray script) needs one; a known one is already drawn.
    if (session !== undefined && !session.diagnosis?.files.some((file) => file.path === document.uri.fsPath)) {
      session.forgetWorkspace();
      session.schedule(0);
    }
  }

  private onEdited(document: vscode.TextDocument, delayMs: number, typing: boolean): void {
    if (!isPython(document)) return;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (folder === undefined) return;
    this.sessions.get(folder.uri.toString())?.schedule(delayMs, { typing });
  }

  private onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
    if (!event.affectsConfiguration(SETTINGS_SECTION) && !event.affectsConfiguration('python.defaultInterpreterPath')) return;
    for (const session of this.sessions.values()) {
      if (!event.affectsConfiguration(SETTINGS_SECTION, session.folder.uri) && !event.affectsConfiguration('python', session.folder.uri))
        continue;
      session.invalidate();
      session.schedule(0);
    }
  }

  private onInterpreterChanged(folder: vscode.WorkspaceFolder | undefined): void {
    for (const session of this.sessions.values()) {
      if (folder !== undefined && session.folder.uri.toString() !== folder.uri.toString()) continue;
      session.invalidate();
      session.schedule(0);
    }
  }

  private onFoldersChanged(event: vscode.WorkspaceFoldersChangeEvent): void {
    for (const folder of event.removed) {
      const key = folder.uri.toString();
      this.sessions.get(key)?.dispose();
      this.sessions.delete(key);
      this.states.delete(key);
      this.parts.publisher.clearFolder(folder.uri.fsPath);
    }
    runInBackground('Detecting ROS workspaces', this.parts.logger, () => this.updateContextKey());
    this.startForVisibleEditors();
  }

  private onState(session: FolderSession, state: DoctorState | { readonly kind: 'diagnosed'; readonly diagnosis: Diagnosis }): void {
    this.states.set(session.folder.uri.toString(), state);
    if (state.kind === 'diagnosed') {
      this.parts.report.update(session.folder, state.diagnosis);
      runInBackground('Offering python.analysis.extraPaths', this.parts.logger, () =>
        this.parts.extraPaths.offer(session.folder, state.diagnosis),
      );
    }
    this.showStatusForActiveEditor();
  }

  private showStatusForActiveEditor(): void {
    if (!vscode.workspace.isTrusted) {
      if (vscode.window.visibleTextEditors.some((editor) => isPython(editor.document))) this.noticeUntrusted();
      return;
    }
    const folder = this.currentFolder();
    const state = folder === undefined ? undefined : this.states.get(folder.uri.toString());
    if (state === undefined) {
      if (this.sessions.size === 0) this.parts.status.hide();
      return;
    }
    this.parts.status.show(state.kind === 'diagnosed' ? statusSummary(state.diagnosis) : stateSummary(state));
  }

  /** Said once per window: in restricted mode nothing is checked, and why. */
  private noticeUntrusted(): void {
    this.parts.status.show(stateSummary({ kind: 'untrusted' }));
    if (this.untrustedNoticeShown) return;
    this.untrustedNoticeShown = true;
    this.parts.logger.info('Workspace is not trusted: no interpreter is run and no setup script is sourced.');
    void vscode.window.showInformationMessage(
      'ROS Env Doctor checks nothing in an untrusted workspace: it would have to run interpreters and source setup scripts from it. Trust the workspace to check your ROS environment.',
    );
  }

  private async updateContextKey(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    let isRos = false;
    for (const folder of folders) {
      for (const marker of WORKSPACE_MARKERS) {
        // VS Code's own file system, not the engine's: deciding a context key must not load the engine.
        if (await exists(vscode.Uri.joinPath(folder.uri, marker))) isRos = true;
      }
    }
    // package.xml anywhere: one bounded search, no process.
    if (!isRos && folders.length > 0)
      isRos = (await vscode.workspace.findFiles(PACKAGE_MANIFEST_GLOB, '**/{node_modules,build,devel,install,log}/**', 1)).length > 0;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.isRosWorkspace, isRos);
  }

  private disposeSessions(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
  }
}
