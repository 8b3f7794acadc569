// What activate() returns: a small surface the in-host e2e suites read (no behaviour of its own).
import type * as vscode from 'vscode';
import type { Diagnosis } from '../core/engine/doctorApi';
import type { StatusSummary } from '../core/present/statusSummary';
import type { LongestTask } from './longTasks';
import type { Publication } from './diagnosticsPublisher';

export interface RosEnvDoctorApi {
  /** Resolves when no folder has a diagnosis scheduled or running. */
  whenIdle(): Promise<void>;
  diagnosis(folder: vscode.WorkspaceFolder): Diagnosis | undefined;
  /** Processes spawned since activation (probes and setup-script sourcing). */
  processesSpawned(): number;
  statusSummary(): StatusSummary | undefined;
  interpreterProviderKind(): 'python-environments' | 'python-extension' | 'fallback' | 'not-started';
  /** The text the last terminal fix typed (never run for the user). */
  lastTerminalText(): string | undefined;
  /** The extension host's longest task so far, when ROS_ENV_DOCTOR_LONG_TASKS asks for the measure. */
  longestTask(): LongestTask | undefined;
  /** What the Undo button of the newest "now uses…"/"is ignored" notification does; false when there is none. */
  undoLatestChange(): Promise<boolean>;
  /** What the last command that could not run (restricted mode, no folder) told the user. */
  lastExplanation(): string | undefined;
  /** Fires whenever diagnostics are handed to VS Code (the bench's firstDiagnostic waits for selectedComplete). */
  readonly onDidPublish: vscode.Event<Publication>;
  /** How long activate() took. */
  readonly activationMs: number;
}
