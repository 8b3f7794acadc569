// What the engine learned about how the workspace's nodes start: handed to the rules and shown in the report.
import type { EntryPoint } from './colconEntryPoints';
import type { BuildInterpreter } from './launchPath';
import type { LaunchCheck } from './probeLaunchPaths';

export interface LaunchFacts {
  readonly checks: readonly LaunchCheck[];
  readonly entryPoints: readonly EntryPoint[];
  readonly buildInterpreters: readonly BuildInterpreter[];
  /** colcon only: the flags of the last build, so a rebuild keeps them (--symlink-install, --merge-install…). */
  readonly colconBuildArgs: readonly string[];
}

export const NO_LAUNCH_FACTS: LaunchFacts = { checks: [], entryPoints: [], buildInterpreters: [], colconBuildArgs: [] };
