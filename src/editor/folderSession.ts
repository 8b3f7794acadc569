// One workspace folder's lifetime: when to check it (debounce), cancelling the check in flight (an AbortController:
// a newer run cancels the older one), and publishing what the engine answers. The engine owns everything else.
import * as vscode from 'vscode';
import type { Diagnosis } from '../core/engine/doctorApi';
import type { Logger } from '../core/ports';
import { SETUP_SCRIPT_GLOB } from '../core/ros/setupScripts';
import { PACKAGE_MANIFEST } from '../core/ros/workspaceMarkers';
import { presentDiagnosis } from '../core/present/presentation';
import type { DoctorState } from '../core/present/statusSummary';
import { readSettings } from './configuration';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { InterpreterProvider } from './interpreterProvider';
import { Disposable, toDisposable } from './lifecycle';
import type { LazyEngine } from './engineLoader';

export interface SessionDeps {
  readonly engine: LazyEngine;
  readonly publisher: DiagnosticsPublisher;
  readonly logger: Logger;
  interpreters(): Promise<InterpreterProvider>;
  /** Tells the status item and the report what this folder is doing now. */
  onState(session: FolderSession, state: DoctorState | { readonly kind: 'diagnosed'; readonly diagnosis: Diagnosis }): void;
}

export type RunOutcome =
  | { readonly kind: 'diagnosed'; readonly diagnosis: Diagnosis }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'no-interpreter'; readonly detail: string };

export interface RunOptions {
  /** Ignore cached probe results (Probe Environment, after a fix). */
  readonly fresh?: boolean;
  /** A caller's cancel (the progress notification's button). */
  readonly signal?: AbortSignal;
  /** A run for a keystroke: no proof runs (they come with the next save, open or Probe Environment). */
  readonly typing?: boolean;
}

export const TYPING_DELAY_MS = 300;

export class FolderSession extends Disposable {
  private latestDiagnosis: Diagnosis | undefined;
  private inFlight: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending = 0;
  /** A fresh run (Probe Environment, after a fix) was superseded before it finished. */
  private freshOwed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly deps: SessionDeps,
  ) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, SETUP_SCRIPT_GLOB)));
    const setupChanged = (): void => {
      this.deps.logger.info(`A setup script changed in ${folder.name}; capturing the environment again.`);
      this.invalidate();
      this.schedule(0);
    };
    this._register(watcher.onDidChange(setupChanged));
    this._register(watcher.onDidCreate(setupChanged));
    this._register(watcher.onDidDelete(setupChanged));
    // A new node or package changes the workspace model (which files are nodes, which shebangs matter).
    const layout = this._register(
      vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(folder, `**/{*.py,${PACKAGE_MANIFEST},CMakeLists.txt,setup.py,setup.cfg}`),
        false,
        true,
        false,
      ),
    );
    const layoutChanged = (): void => {
      this.forgetWorkspace();
      this.schedule(TYPING_DELAY_MS);
    };
    this._register(layout.onDidCreate(layoutChanged));
    this._register(layout.onDidDelete(layoutChanged));
    this._register(toDisposable(() => this.cancelRun()));
  }

  /** Detect the workspace again on the next run (files only, no process). */
  forgetWorkspace(): void {
    this.deps.engine.loaded()?.forgetWorkspace(this.folder.uri.fsPath);
  }

  get diagnosis(): Diagnosis | undefined {
    return this.latestDiagnosis;
  }

  /** Forget the workspace model and environment (a setting or the interpreter's variables changed). */
  invalidate(): void {
    this.deps.engine.loaded()?.forgetFolder(this.folder.uri.fsPath);
  }

  /** Diagnose after `delayMs` unless something newer asks first; typing uses TYPING_DELAY_MS. */
  schedule(delayMs: number, options: RunOptions = {}): void {
    if (this.isDisposed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    else this.pending++;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run(options).then(
        () => this.settle(),
        (error: unknown) => {
          this.deps.logger.error(
            `Diagnosing ${this.folder.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          this.settle();
        },
      );
    }, delayMs);
  }

  /** Resolves once no run is scheduled or in flight (tests and the Probe command wait on it). */
  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async run(options: RunOptions = {}): Promise<RunOutcome> {
    this.pending++;
    try {
      return await this.runOnce(options);
    } finally {
      this.settle();
    }
  }

  /**
   * A run whose caller needs its answer (Probe Environment, the report): when a newer run supersedes it (a file
   * was created or deleted meanwhile), the newer run inherits `fresh`, and this waits for it instead of
   * returning nothing — a report that never opens is what the user would otherwise see.
   */
  async runToAnswer(options: RunOptions = {}): Promise<RunOutcome> {
    const outcome = await this.run(options);
    if (outcome.kind !== 'superseded' || options.signal?.aborted === true || this.isDisposed) return outcome;
    await this.whenIdle();
    const diagnosis = this.latestDiagnosis;
    return diagnosis === undefined ? outcome : { kind: 'diagnosed', diagnosis };
  }

  private async runOnce(options: RunOptions): Promise<RunOutcome> {
    this.cancelRun();
    const controller = new AbortController();
    this.inFlight = controller;
    const abortFromCaller = (): void => controller.abort();
    options.signal?.addEventListener('abort', abortFromCaller, { once: true });
    // A fresh run cut short by a newer one passes its freshness on: the newer run owes what was asked.
    const fresh = options.fresh === true || this.freshOwed;
    this.freshOwed = fresh;
    try {
      const outcome = await this.diagnose(controller.signal, fresh, options.typing === true);
      if (outcome.kind !== 'superseded' || options.signal?.aborted === true) this.freshOwed = false;
      return outcome;
    } finally {
      options.signal?.removeEventListener('abort', abortFromCaller);
      if (this.inFlight === controller) this.inFlight = undefined;
    }
  }

  private settle(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private cancelRun(): void {
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  private async diagnose(signal: AbortSignal, fresh: boolean, typing: boolean): Promise<RunOutcome> {
    const { logger } = this.deps;
    const root = this.folder.uri.fsPath;
    const settings = readSettings(this.folder, logger);
    const provider = await this.deps.interpreters();
    const choice = await provider.active(this.folder);
    if ('kind' in choice) return this.noInterpreter(choice.detail);
    const openDocuments = new Map<string, string>();
    const openFiles: string[] = [];
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== 'python' || document.uri.scheme !== 'file') continue;
      if (vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString() !== this.folder.uri.toString()) continue;
      openFiles.push(document.uri.fsPath);
      if (document.isDirty) openDocuments.set(document.uri.fsPath, document.getText());
    }
    const engine = await this.deps.engine.get();
    const updates = engine.checkFolder({
      folder: root,
      selected: { command: choice.path, source: choice.source },
      settings: {
        setupScript: settings.setupScript.kind === 'path' ? settings.setupScript.path : settings.setupScript.kind,
        shell: settings.shell,
        timeoutMs: settings.probeTimeoutSeconds * 1000,
        extraModules: settings.extraModules,
        ignoredModules: settings.ignoreModules,
        discoverInterpreters: settings.probeAllInterpreters,
      },
      baseEnv: { ...processEnv(), ...(await provider.environmentVariables(this.folder)) },
      // Sessions exist only in a trusted workspace (the controller checks nothing in restricted mode).
      trusted: vscode.workspace.isTrusted,
      knownInterpreters: provider.known(),
      openFiles,
      openDocuments,
      looseFolder: 'open-files',
      // The full matrix only when asked for (Probe Environment); otherwise other interpreters get the cheap spec pass.
      probeAll: fresh,
      // A keystroke never starts a proof run; the next save, open or Probe Environment does (and they are cached).
      proveCauses: !typing,
      fresh,
      signal,
    });
    for await (const update of updates) {
      if (signal.aborted || this.isDisposed) return { kind: 'superseded' };
      switch (update.kind) {
        case 'no-interpreter':
          return this.noInterpreter(
            update.command === null
              ? 'No Python interpreter: python.defaultInterpreterPath is not set and neither python3 nor python is on PATH.'
              : `No Python interpreter: ${update.command} is not on PATH.`,
          );
        case 'refused':
          return this.noInterpreter(update.detail);
        case 'started':
          this.deps.onState(this, { kind: 'probing', interpreter: update.selected.displayName });
          break;
        case 'diagnosis':
          // The selected interpreter's answer comes first and is shown at once; the final one (every interpreter,
          // every launch path) refines it. A file whose diagnostics do not change is not touched (no flicker).
          this.show(update.diagnosis, update.final);
          if (update.final) return { kind: 'diagnosed', diagnosis: update.diagnosis };
          break;
      }
    }
    return { kind: 'superseded' };
  }

  private show(diagnosis: Diagnosis, final: boolean): void {
    const name = diagnosis.selected.interpreter.displayName;
    if (final) {
      this.deps.logger.info(
        `${this.folder.name}: ${name} — ${diagnosis.findings.length} finding(s), ${diagnosis.modules.length} module(s), ` +
          `${diagnosis.processesSpawned} process(es) in ${diagnosis.durationMs} ms.`,
      );
    }
    this.latestDiagnosis = diagnosis;
    const publication = this.deps.publisher.publish(this.folder.uri.fsPath, presentDiagnosis(diagnosis).diagnostics, final);
    // The event `npm run bench`'s firstDiagnostic waits for (through the API's onDidPublish); it counts for "no problems" too.
    this.deps.logger.info(
      final
        ? `${this.folder.name}: published the answer with every interpreter (${publication.diagnostics} diagnostic(s)).`
        : `${this.folder.name}: published ${name}'s complete answer (${publication.diagnostics} diagnostic(s)); other interpreters follow.`,
    );
    this.deps.onState(this, { kind: 'diagnosed', diagnosis });
  }

  private noInterpreter(detail: string): RunOutcome {
    this.deps.onState(this, { kind: 'no-interpreter', detail });
    return { kind: 'no-interpreter', detail };
  }
}

function processEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return env;
}
