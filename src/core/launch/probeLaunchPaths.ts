// Probes what each launch path runs: one probe per (interpreter, environment) pair per run, all pairs in parallel,
// each with the imports of every file the paths sharing it run. The selected interpreter's own probe is reused.
import type { FileSystem } from '../ports';
import type { InterpreterRef } from '../interpreters/interpreter';
import type { InterpreterProbe } from '../probe/probeResult';
import type { ImportUse, ScannedSource } from '../rules/ruleInput';
import { filesRunBy } from './filesRun';
import type { LaunchPath } from './launchPath';

export interface LaunchCheck {
  readonly path: LaunchPath;
  /** The node and the workspace modules it imports, transitively. */
  readonly files: readonly string[];
  /** Third-party modules those files import at run time. */
  readonly modules: readonly string[];
  /** The interpreter the path runs, described; null when its runner is missing. */
  readonly interpreter: InterpreterRef | null;
  /** null when the runner is missing or nothing needs probing. */
  readonly probe: InterpreterProbe | null;
  /** Runs the selected interpreter in the captured environment: the selected interpreter's findings already say it all. */
  readonly sameAsSelected: boolean;
}

export interface LaunchProbeDeps {
  readonly fs: FileSystem;
  readonly selected: InterpreterProbe;
  readonly describe: (path: string, realPath: string) => Promise<InterpreterRef>;
  /** null when nothing may be probed (the environment hangs every interpreter at start-up). */
  readonly probe:
    ((interpreter: InterpreterRef, modules: readonly string[], vars: Readonly<Record<string, string>>) => Promise<InterpreterProbe>) | null;
  readonly env: Readonly<Record<string, string>>;
}

export function modulesOf(files: readonly string[], needed: ReadonlyMap<string, readonly ImportUse[]>): string[] {
  const inFiles = new Set(files);
  return [...needed.entries()]
    .filter(([, uses]) => uses.some((use) => inFiles.has(use.file) && !use.site.typeOnly))
    .map(([module]) => module)
    .sort();
}

export async function probeLaunchPaths(
  paths: readonly LaunchPath[],
  sources: readonly ScannedSource[],
  needed: ReadonlyMap<string, readonly ImportUse[]>,
  deps: LaunchProbeDeps,
): Promise<LaunchCheck[]> {
  const selectedReal = deps.selected.interpreter.realPath;
  // Each runner path described once: a venv's bin/python keeps its own path as realPath (its links lead out of the venv).
  const described = new Map<string, Promise<InterpreterRef>>();
  const describe = (file: string): Promise<InterpreterRef> => {
    let ref = described.get(file);
    if (ref === undefined) {
      ref = deps.fs.realPath(file).then((real) => deps.describe(file, real ?? file));
      described.set(file, ref);
    }
    return ref;
  };
  const prepared = await Promise.all(
    paths.map(async (launch) => {
      const files = filesRunBy(launch.file, sources);
      const modules = modulesOf(files, needed);
      const runner = launch.runner;
      const ref =
        runner.kind === 'interpreter' ? await describe(runner.path) : runner.kind === 'selected' ? deps.selected.interpreter : null;
      const overrides = launch.environment.overrides;
      const key = ref === null ? null : `${ref.realPath}\u0000${JSON.stringify(Object.entries(overrides).sort())}`;
      const sameAsSelected = ref !== null && ref.realPath === selectedReal && Object.keys(overrides).length === 0;
      return { launch, files, modules, ref, key, sameAsSelected };
    }),
  );

  const groups = new Map<string, { ref: InterpreterRef; overrides: Readonly<Record<string, string>>; modules: Set<string> }>();
  for (const entry of prepared) {
    if (entry.key === null || entry.ref === null || entry.sameAsSelected || entry.modules.length === 0) continue;
    const group = groups.get(entry.key) ?? { ref: entry.ref, overrides: entry.launch.environment.overrides, modules: new Set<string>() };
    for (const module of entry.modules) group.modules.add(module);
    groups.set(entry.key, group);
  }
  const probed = new Map<string, Promise<InterpreterProbe>>();
  const probe = deps.probe;
  if (probe !== null)
    for (const [key, group] of groups) probed.set(key, probe(group.ref, [...group.modules].sort(), { ...deps.env, ...group.overrides }));

  return Promise.all(
    prepared.map(async (entry): Promise<LaunchCheck> => {
      const base = { path: entry.launch, files: entry.files, modules: entry.modules, sameAsSelected: entry.sameAsSelected };
      if (entry.sameAsSelected) return { ...base, interpreter: entry.ref ?? deps.selected.interpreter, probe: deps.selected };
      const result = entry.key === null ? undefined : probed.get(entry.key);
      return { ...base, interpreter: entry.ref, probe: result === undefined ? null : await result };
    }),
  );
}
