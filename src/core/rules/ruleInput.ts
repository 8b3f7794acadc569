// The facts every rule reads. The engine (src/core/engine) gathers them; rules only look.
import type { Finding } from '../findings/finding';
import type { InterpreterProbe } from '../probe/probeResult';
import type { ImportSite, ScannedFile, Shebang } from '../scan/importSite';
import type { RosDistro, Workspace, PythonSourceRole } from '../workspace/workspace';
import type { CapturedEnvironment } from '../engine/environment';
import type { LaunchFacts } from '../launch/launchFacts';
import type { WorkspaceProblem } from '../workspace/workspaceProblem';
import type { EnvironmentManager } from '../managers/environmentManager';
import type { Cause } from '../proof/proveCauses';

export interface ScannedSource {
  readonly path: string;
  readonly packageName: string | null;
  readonly role: PythonSourceRole;
  readonly scan: ScannedFile;
  /** Imports of the workspace's own modules, which scan.imports leaves out: launch paths follow them to the files they run. */
  readonly localImports?: readonly ImportSite[];
  /** Why the file was not read (not a regular file, too large); its scan is then empty. */
  readonly skipped?: WorkspaceProblem;
}

export interface ImportUse {
  readonly file: string;
  readonly site: ImportSite;
}

/** What runs a node when it is started directly or by rosrun, and whether that can import what the node needs. */
export interface ShebangTarget {
  readonly file: string;
  readonly shebang: Shebang;
  /** The relay in devel/lib/<pkg>/ that rosrun runs instead, when there is one (its own shebang decides). */
  readonly relay: { readonly path: string; readonly shebang: Shebang | null } | null;
  /** The interpreter path the shebang (or relay) resolves to on the environment's PATH; null when it resolves to nothing. */
  readonly resolvedPath: string | null;
  /** The probe of that interpreter, when it is not the selected one; null when it resolves to nothing or to the selected one. */
  readonly probe: InterpreterProbe | null;
}

export interface RuleInput {
  readonly workspace: Workspace | null;
  readonly rosDistro: RosDistro;
  readonly environment: CapturedEnvironment;
  readonly files: readonly ScannedSource[];
  /**
   * Top-level modules the workspace imports that are neither local to it nor in the selected interpreter's
   * standard library, with every place they are imported. Optional and type-only imports are included (rules
   * lower their severity); ignored modules are not.
   */
  readonly modules: ReadonlyMap<string, readonly ImportUse[]>;
  /** The selected interpreter, probed in the captured environment. */
  readonly selected: InterpreterProbe;
  /**
   * The selected interpreter probed without the setup script, only when the environment was sourced;
   * lets ros-env-not-sourced tell "works only once sourced" apart from "never works".
   */
  readonly selectedPlain: InterpreterProbe | null;
  /** Every other known interpreter, probed in the captured environment (for the matrix and better-interpreter). */
  readonly others: readonly InterpreterProbe[];
  readonly shebangs: readonly ShebangTarget[];
  /** The environment's PATH, split, in order. */
  readonly pathDirs: readonly string[];
  readonly ignoredModules: readonly string[];
  /** Every way each node starts (ros2 run, rosrun, direct, launch), each probed; absent means none were collected. */
  readonly launch?: LaunchFacts;
  /** Who manages each probed interpreter, by interpreter path (read by the engine; absent → judged from the facts). */
  readonly managers?: ReadonlyMap<string, EnvironmentManager>;
  /** This machine's host name, where the node runs (absent: unknown). rospy.init_node needs netifaces by it. */
  readonly hostName?: string;
  /** The proven cause of a failed import of the selected interpreter, by module (absent: none proven, or not asked). */
  readonly causes?: ReadonlyMap<string, Cause>;
}

/** A rule: a pure function from facts to findings. One file each in src/core/rules/. */
export type Rule = (input: RuleInput) => readonly Finding[];
