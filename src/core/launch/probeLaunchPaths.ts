// Probes what each launch path runs: one probe per (interpreter, environment) pair per run, all pairs in parallel,
// each with the imports of every file the paths sharing it run. The selected interpreter's own probe is reused.
import type { FileSystem } from '../ports';
import type { InterpreterRef } from '../interpreters/interpreter';
import type { InterpreterProbe } from '../probe/probeResult';
import type { DistributionResult } from '../probe/protocol';
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
  /** Whether the runner finds the metadata of path.distribution in its environment; null when not asked or not probed. */
  readonly metadata: DistributionResult | null;
}

/** Probes one launch interpreter: imports `modules`, and looks up the metadata of `distributions` (never cached). */
export type LaunchProbe = (
  interpreter: InterpreterRef,
  modules: readonly string[],
  vars: Readonly<Record<string, string>>,
  distributions: readonly string[],
) => Promise<InterpreterProbe>;

export interface LaunchProbeDeps {
  readonly fs: FileSystem;
  readonly selected: InterpreterProbe;
  readonly describe: (path: string, realPath: string) => Promise<InterpreterRef>;
  /** null when nothing may be probed (the environment hangs every interpreter at start-up). */
  readonly probe: LaunchProbe | null;
  readonly env: Readonly<Record<string, string>>;
  /**
   * Modules every launch interpreter that runs in the captured environment is also asked to import (the workspace's
   * required ones, while the selected interpreter fails some): one that imports them all is a switch candidate.
   */
  readonly switchModules?: readonly string[];
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

  interface Group {
    readonly ref: InterpreterRef;
    readonly overrides: Readonly<Record<string, string>>;
    readonly modules: Set<string>;
    readonly distributions: Set<string>;
  }
  const groups = new Map<string, Group>();
  const groupFor = (key: string, ref: InterpreterRef, overrides: Readonly<Record<string, string>>): Group => {
    const group = groups.get(key) ?? { ref, overrides, modules: new Set<string>(), distributions: new Set<string>() };
    groups.set(key, group);
    return group;
  };
  // The selected interpreter's own probe answers imports, not metadata: an entry point it runs gets a metadata-only probe.
  const metadataKey = (entry: (typeof prepared)[number]): string | null =>
    entry.sameAsSelected ? `${selectedReal}\u0000metadata` : entry.key;
  for (const entry of prepared) {
    const distribution = entry.launch.distribution;
    if (entry.key === null || entry.ref === null) continue;
    const overrides = entry.launch.environment.overrides;
    const extra = Object.keys(overrides).length === 0 ? (deps.switchModules ?? []) : [];
    if (!entry.sameAsSelected && entry.modules.length + extra.length > 0) {
      const group = groupFor(entry.key, entry.ref, overrides);
      for (const module of [...entry.modules, ...extra]) group.modules.add(module);
    }
    const key = metadataKey(entry);
    if (distribution !== undefined && key !== null) groupFor(key, entry.ref, overrides).distributions.add(distribution);
  }
  const probed = new Map<string, Promise<InterpreterProbe>>();
  const probe = deps.probe;
  if (probe !== null)
    for (const [key, group] of groups)
      probed.set(key, probe(group.ref, [...group.modules].sort(), { ...deps.env, ...group.overrides }, [...group.distributions].sort()));

  const metadataOf = async (entry: (typeof prepared)[number]): Promise<DistributionResult | null> => {
    const key = metadataKey(entry);
    const distribution = entry.launch.distribution;
    if (key === null || distribution === undefined) return null;
    const result = await probed.get(key);
    return (result?.kind === 'ok' ? result.distributions?.[distribution] : undefined) ?? null;
  };
  return Promise.all(
    prepared.map(async (entry): Promise<LaunchCheck> => {
      const base = {
        path: entry.launch,
        files: entry.files,
        modules: entry.modules,
        sameAsSelected: entry.sameAsSelected,
        metadata: await metadataOf(entry),
      };
      if (entry.sameAsSelected) return { ...base, interpreter: entry.ref ?? deps.selected.interpreter, probe: deps.selected };
      const result = entry.key === null ? undefined : probed.get(entry.key);
      return { ...base, interpreter: entry.ref, probe: result === undefined ? null : await result };
    }),
  );
}
