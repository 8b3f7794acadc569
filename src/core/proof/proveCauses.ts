// The proven cause of a failed import: each suspect is bypassed in a second, isolated run of the same import (the
// user site left out with -s, a PYTHONPATH or LD_LIBRARY_PATH entry removed, a .pth file's entries dropped — never
// -S, which would hide the environment's own packages too). Only a suspect whose bypass makes the import work is
// blamed; when every run still fails, nothing is. Runs go through the prober, which caches them.
import * as path from 'node:path';
import type { FileSystem } from '../ports';
import type { Prober, ProbeRequest, ProofVariant } from '../probe/prober';
import type { InterpreterProbe } from '../probe/probeResult';
import type { LoadedPackage } from '../probe/protocol';
import { loaderError, splitPathList, suspectsOf, type FailedImport, type Suspect } from './suspects';

export type Cause =
  | {
      /** A package from outside the environment (or an outside library) shadows the one the import needs. */
      readonly kind: 'shadowed';
      readonly module: string;
      readonly suspect: Suspect;
      /** What the import found instead once the suspect was bypassed (the shadowed packages). */
      readonly instead: readonly LoadedPackage[];
      readonly env: Readonly<Record<string, string>>;
    }
  | {
      /** The loader could not find a library that is there, in a folder missing from LD_LIBRARY_PATH. */
      readonly kind: 'library-not-on-path';
      readonly module: string;
      readonly library: string;
      readonly dir: string;
      readonly requiredBy: string | null;
      readonly env: Readonly<Record<string, string>>;
    };

type OkProbe = Extract<InterpreterProbe, { kind: 'ok' }>;

export interface ProofDeps {
  readonly prober: Prober;
  readonly fs: FileSystem;
}

/** At most this many modules and suspects per module are put to the proof: each costs one interpreter start and import. */
const MAX_MODULES = 4;
const MAX_SUSPECTS = 3;

function withoutPath(env: Readonly<Record<string, string>>, key: string, dir: string): Record<string, string> {
  const next = { ...env };
  const kept = splitPathList(env[key]).filter((part) => part.replace(/\/+$/, '') !== dir.replace(/\/+$/, ''));
  if (kept.length === 0) delete next[key];
  else next[key] = kept.join(':');
  return next;
}

function plan(
  suspect: Suspect,
  env: Readonly<Record<string, string>>,
): { readonly variant: ProofVariant; readonly env: Readonly<Record<string, string>> } {
  const watch = suspect.kind === 'ld-library-path' ? [] : suspect.packages.map((p) => p.module);
  switch (suspect.kind) {
    case 'user-site':
      return { variant: { flags: ['-s'], drop: [], watch }, env };
    case 'pythonpath':
      return { variant: { flags: [], drop: [], watch }, env: withoutPath(env, 'PYTHONPATH', suspect.entry) };
    case 'pth':
      return { variant: { flags: [], drop: suspect.entries, watch }, env };
    case 'ld-library-path':
      return { variant: { flags: [], drop: [], watch }, env: withoutPath(env, 'LD_LIBRARY_PATH', suspect.dir) };
  }
}

/** Folders where a library the loader missed may be: beside and above the extension (and their lib/), ROS installs. */
async function findLibrary(fs: FileSystem, library: string, near: string | null, extraDirs: readonly string[]): Promise<string | null> {
  const dirs: string[] = [];
  if (near !== null) {
    let dir = path.dirname(near);
    for (let level = 0; level < 6 && dir !== path.dirname(dir); level++) {
      dirs.push(dir, path.join(dir, 'lib'));
      dir = path.dirname(dir);
    }
  }
  dirs.push(...extraDirs);
  for (const dir of [...new Set(dirs)]) {
    if ((await fs.readDir(dir)).some((entry) => entry.name === library && entry.kind !== 'directory')) return dir;
  }
  return null;
}

async function proveOne(
  deps: ProofDeps,
  base: ProbeRequest,
  probe: OkProbe,
  module: string,
  failure: FailedImport,
  libraryDirs: readonly string[],
): Promise<Cause | null> {
  for (const suspect of suspectsOf(probe.facts, failure, base.env).slice(0, MAX_SUSPECTS)) {
    const { variant, env } = plan(suspect, base.env);
    const run = await deps.prober.prove({ ...base, env }, module, variant);
    if (run.kind === 'ran' && run.outcome.status === 'ok')
      return { kind: 'shadowed', module, suspect, instead: run.watched, env: base.env };
  }
  const loader = loaderError(failure.message);
  if (loader?.kind !== 'library-not-found') return null;
  const near = failure.errorPath ?? failure.raisedAt?.file ?? failure.file;
  const dir = await findLibrary(deps.fs, loader.library, near ?? null, libraryDirs);
  if (dir === null) return null;
  const env = { ...base.env, LD_LIBRARY_PATH: [dir, ...splitPathList(base.env.LD_LIBRARY_PATH)].join(':') };
  const run = await deps.prober.prove({ ...base, env }, module, { flags: [], drop: [], watch: [] });
  if (run.kind !== 'ran' || run.outcome.status !== 'ok') return null;
  return { kind: 'library-not-on-path', module, library: loader.library, dir, requiredBy: failure.errorPath ?? null, env: base.env };
}

/**
 * The proven cause of each failed import of the selected interpreter, by module. `base` is the request its probe
 * ran with (interpreter, env, timeout, signal); `libraryDirs` are more folders to look in for a missing library.
 */
export async function proveCauses(
  deps: ProofDeps,
  base: ProbeRequest,
  probe: OkProbe,
  libraryDirs: readonly string[] = [],
): Promise<Map<string, Cause>> {
  const failures = Object.entries(probe.imports)
    .flatMap(([module, result]) => (result.status === 'error' ? [{ module, failure: result }] : []))
    .slice(0, MAX_MODULES);
  const causes = new Map<string, Cause>();
  const found = await Promise.all(failures.map(({ module, failure }) => proveOne(deps, base, probe, module, failure, libraryDirs)));
  found.forEach((cause) => {
    if (cause !== null) causes.set(cause.module, cause);
  });
  return causes;
}
