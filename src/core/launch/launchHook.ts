// The engine's one call into the launch-path model: collect the paths from files, probe what they run.
import type { FileSystem } from '../ports';
import type { InterpreterRef } from '../interpreters/interpreter';
import { splitPathVariable } from '../interpreters/pathLookup';
import type { InterpreterProbe } from '../probe/probeResult';
import type { ImportUse, ScannedSource } from '../rules/ruleInput';
import type { Workspace } from '../workspace/workspace';
import { colconBuildArgs } from './buildInterpreter';
import { collectLaunchPaths } from './collectLaunchPaths';
import type { LaunchFacts } from './launchFacts';
import { probeLaunchPaths, type LaunchProbe } from './probeLaunchPaths';

export interface LaunchHookInput {
  readonly fs: FileSystem;
  readonly workspace: Workspace | null;
  readonly sources: readonly ScannedSource[];
  readonly needed: ReadonlyMap<string, readonly ImportUse[]>;
  readonly selected: InterpreterProbe;
  readonly env: Readonly<Record<string, string>>;
  /**
   * Nothing is probed: the selected interpreter hung at start-up (the environment would hang the others too), or
   * this is the selected interpreter's answer alone.
   */
  readonly probeNothing: boolean;
  readonly describe: (path: string, realPath: string) => Promise<InterpreterRef>;
  readonly probe: LaunchProbe;
  /** See LaunchProbeDeps.switchModules. */
  readonly switchModules: readonly string[];
}

export async function launchFactsFor(input: LaunchHookInput): Promise<LaunchFacts> {
  const model = await collectLaunchPaths(input.fs, input.workspace, input.sources, splitPathVariable(input.env.PATH));
  const buildArgs = input.workspace?.kind === 'colcon' ? colconBuildArgs(input.fs, input.workspace) : Promise.resolve([]);
  const checks = await probeLaunchPaths(model.paths, input.sources, input.needed, {
    fs: input.fs,
    selected: input.selected,
    describe: input.describe,
    probe: input.probeNothing ? null : input.probe,
    env: input.env,
    switchModules: input.switchModules,
  });
  return { checks, entryPoints: model.entryPoints, buildInterpreters: model.buildInterpreters, colconBuildArgs: await buildArgs };
}
