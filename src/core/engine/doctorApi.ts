// The engine's public face, shared by the CLI and the editor layer. Implemented in doctor.ts.
import type { Finding } from '../findings/finding';
import type { InterpreterRef } from '../interpreters/interpreter';
import type { InterpreterProbe } from '../probe/probeResult';
import type { RosDistro, Workspace } from '../workspace/workspace';
import type { ScannedSource } from '../rules/ruleInput';
import type { CapturedEnvironment } from './environment';
import type { LaunchFacts } from '../launch/launchFacts';

export interface DiagnoseRequest {
  /** The workspace as detected; null for a loose folder (the doctor still probes what its files import). */
  readonly workspace: Workspace | null;
  /** Python files to scan; defaults to the workspace's Python sources. */
  readonly files?: readonly string[];
  /** Text of files that have unsaved edits, by path; read instead of the disk. */
  readonly openDocuments?: ReadonlyMap<string, string>;
  readonly selected: InterpreterRef;
  /** Other known interpreters: probed for the matrix and to find one that works. */
  readonly candidates: readonly InterpreterRef[];
  readonly environment: CapturedEnvironment;
  /** The environment without any setup script sourced (for ros-env-not-sourced); defaults to environment.vars. */
  readonly plainEnvironment?: Readonly<Record<string, string>>;
  readonly extraModules: readonly string[];
  readonly ignoredModules: readonly string[];
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Only the spec pass, no real imports: the fast first answer. */
  readonly specOnly?: boolean;
  /**
   * Fully probe every candidate (the matrix). Otherwise candidates get a cheap spec pass, and real imports
   * only when the selected interpreter fails something and the candidate's specs find what failed.
   */
  readonly probeAll?: boolean;
  /** Whether an interpreter found by a shebang may be run (an untrusted workspace's own are not); all when absent. */
  readonly mayRun?: (interpreterPath: string) => boolean;
  /** The distros installed under /opt/ros (folder names), for the distro when no ROS_DISTRO is set. */
  readonly rosInstalls?: readonly string[];
  /**
   * Prove the cause of each failed import of the selected interpreter with isolated re-runs (default true; the
   * runs are cached). The editor's typing path passes false: a keystroke never starts a proof run.
   */
  readonly proveCauses?: boolean;
  /**
   * The selected interpreter alone (the early answer): no interpreter that a shebang or a launch path names is run,
   * so their findings come with the full answer, which adds them and changes nothing this one shows.
   */
  readonly selectedOnly?: boolean;
  /**
   * The selected interpreter's probe from the early answer of the same check, taken as is: an import that timed out
   * is not cached, and must not be made to hang a second time.
   */
  readonly selectedProbe?: InterpreterProbe;
}

export interface Diagnosis {
  readonly workspace: Workspace | null;
  readonly rosDistro: RosDistro;
  readonly environment: CapturedEnvironment;
  readonly files: readonly ScannedSource[];
  /** Every third-party module the workspace imports, sorted. */
  readonly modules: readonly string[];
  readonly selected: InterpreterProbe;
  readonly others: readonly InterpreterProbe[];
  readonly findings: readonly Finding[];
  /** How each node starts and what runs it (src/core/launch); absent when not collected. */
  readonly launch?: LaunchFacts;
  readonly durationMs: number;
  /** How many processes this diagnosis spawned (0 when every probe came from the cache). */
  readonly processesSpawned: number;
  /** The selected interpreter's answer alone (DiagnoseRequest.selectedOnly): other interpreters are still to come. */
  readonly selectedOnly?: boolean;
}
