// Probe results kept per interpreter + environment, valid while the interpreter and its import directories are unchanged.
import type { FileSystem } from '../ports';
import type { InterpreterFacts, SpecResult } from './protocol';
import type { ImportResult } from './probeResult';
import { validateCachedFacts, validateCachedImports, validateCachedSpecs } from './validateProbeDocument';

export type ProbeEnvironmentLabel = 'sourced' | 'plain';

export interface ProbeCacheKey {
  /** The program the probe runs (see prober.ts programFor: a venv link is kept, a pyenv shim resolved). */
  readonly realPath: string;
  readonly environment: ProbeEnvironmentLabel;
  /** stableHash of every variable the probe ran with. */
  readonly envHash: string;
}

/** One path's modification time when the probe ran; null when it did not exist (its appearing is a change too). */
export interface StampEntry {
  readonly path: string;
  readonly mtimeMs: number | null;
}

export interface CachedProbe {
  readonly key: ProbeCacheKey;
  readonly stamp: readonly StampEntry[];
  readonly facts: InterpreterFacts;
  readonly specs: Readonly<Record<string, SpecResult>>;
  readonly imports: Readonly<Record<string, ImportResult>>;
  /**
   * Per imported module, the files and folders of its top-level package (or its one file): an installed module
   * edited in place changes no site directory's modification time, but changes one of these.
   */
  readonly moduleStamps?: Readonly<Record<string, readonly StampEntry[]>>;
}

export type CacheLoadResult =
  { readonly kind: 'ok'; readonly loaded: number; readonly dropped: number } | { readonly kind: 'invalid'; readonly reason: string };

export interface ProbeCache {
  get(key: ProbeCacheKey): CachedProbe | undefined;
  set(entry: CachedProbe): void;
  delete(key: ProbeCacheKey): void;
  readonly size: number;
  /** A plain JSON value the CLI writes to disk. */
  toJSON(): unknown;
  /** Replaces the contents with a saved value; entries that do not validate are dropped, never trusted. */
  load(json: unknown): CacheLoadResult;
}

const CACHE_FORMAT = 1;
/** Enough for every interpreter of a big machine in both environments; the oldest entries go first. */
const MAX_ENTRIES = 200;

export function cacheKeyId(key: ProbeCacheKey): string {
  return JSON.stringify([key.realPath, key.environment, key.envHash]);
}

/**
 * A timeout or an aborted run says nothing lasting about a module, so it is probed again next time; everything
 * else (including a crash, which a broken C extension repeats every time) is kept.
 */
export function isCacheableImport(result: ImportResult): boolean {
  return result.status !== 'timeout' && !(result.status === 'not-run' && result.reason === 'aborted');
}

/** The paths whose modification times decide whether a probe still holds: the binary, site dirs and sys.path dirs. */
export function stampPaths(interpreterRealPath: string, facts: InterpreterFacts): readonly string[] {
  const paths = [interpreterRealPath, ...facts.siteDirs, ...facts.sysPath.filter((entry) => entry.path !== '').map((entry) => entry.path)];
  return [...new Set(paths)];
}

export async function takeStamp(fs: FileSystem, paths: readonly string[]): Promise<readonly StampEntry[]> {
  return Promise.all(paths.map(async (path) => ({ path, mtimeMs: (await fs.stat(path))?.mtimeMs ?? null })));
}

/** True when every stamped path has the same modification time (or is still absent). */
export async function stampHolds(fs: FileSystem, stamp: readonly StampEntry[]): Promise<boolean> {
  const now = await takeStamp(
    fs,
    stamp.map((entry) => entry.path),
  );
  return now.every((entry, index) => entry.mtimeMs === stamp[index]?.mtimeMs);
}

/** Files of one package's tree stamped at most: enough for what a user edits; a 10,000-file torch is not walked whole. */
const MAX_MODULE_STAMP_PATHS = 400;
const MAX_MODULE_STAMP_DEPTH = 4;

/**
 * What to stamp for a module found at `origin`: the file itself, or for a package (`…/__init__.py`) its folder tree
 * (folders too: adding or removing a file changes its folder's time), bounded.
 */
export async function moduleStampPaths(fs: FileSystem, origin: string): Promise<string[]> {
  const slash = origin.lastIndexOf('/');
  if (slash < 0 || !origin.endsWith('/__init__.py')) return [origin];
  const paths: string[] = [];
  const pending: Array<{ readonly dir: string; readonly depth: number }> = [{ dir: origin.slice(0, slash), depth: 0 }];
  while (pending.length > 0 && paths.length < MAX_MODULE_STAMP_PATHS) {
    const next = pending.shift();
    if (next === undefined) break;
    paths.push(next.dir);
    for (const entry of await fs.readDir(next.dir)) {
      if (paths.length >= MAX_MODULE_STAMP_PATHS) break;
      const child = `${next.dir}/${entry.name}`;
      if (entry.kind === 'directory') {
        if (next.depth < MAX_MODULE_STAMP_DEPTH && entry.name !== '__pycache__') pending.push({ dir: child, depth: next.depth + 1 });
      } else if (entry.kind === 'file') paths.push(child);
    }
  }
  return paths;
}

/**
 * A cache that forwards to whichever cache `current()` returns now (the engine replaces its cache on forgetProbes()).
 * With `reads: false` nothing is read and every result still refreshes it: the cache as the prober sees it under --no-cache.
 */
export function forwardingCache(current: () => ProbeCache, options: { readonly reads: boolean } = { reads: true }): ProbeCache {
  return {
    get: (key) => (options.reads ? current().get(key) : undefined),
    set: (entry) => current().set(entry),
    delete: (key) => current().delete(key),
    get size() {
      return current().size;
    },
    toJSON: () => current().toJSON(),
    load: (json) => current().load(json),
  };
}

/** The cache as the prober sees it under --no-cache: nothing is read, every result still refreshes it. */
export function refreshOnly(cache: ProbeCache): ProbeCache {
  return forwardingCache(() => cache, { reads: false });
}

export function createProbeCache(): ProbeCache {
  const entries = new Map<string, CachedProbe>();
  return {
    get: (key) => entries.get(cacheKeyId(key)),
    set(entry) {
      const id = cacheKeyId(entry.key);
      entries.delete(id);
      entries.set(id, entry);
      while (entries.size > MAX_ENTRIES) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
    delete: (key) => {
      entries.delete(cacheKeyId(key));
    },
    get size() {
      return entries.size;
    },
    toJSON: () => ({ format: CACHE_FORMAT, entries: [...entries.values()] }),
    load(json) {
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        return { kind: 'invalid', reason: 'the probe cache is not a JSON object' };
      const saved = json as Readonly<Record<string, unknown>>;
      if (saved.format !== CACHE_FORMAT)
        return { kind: 'invalid', reason: `probe cache format ${String(saved.format)}, expected ${CACHE_FORMAT}` };
      if (!Array.isArray(saved.entries)) return { kind: 'invalid', reason: 'the probe cache has no entries array' };
      entries.clear();
      let dropped = 0;
      for (const raw of saved.entries) {
        const entry = readEntry(raw);
        if (entry === undefined) dropped += 1;
        else entries.set(cacheKeyId(entry.key), entry);
      }
      return { kind: 'ok', loaded: entries.size, dropped };
    },
  };
}

function readEntry(raw: unknown): CachedProbe | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Readonly<Record<string, unknown>>;
  const key = readKey(o.key);
  const stamp = readStamp(o.stamp);
  const facts = validateCachedFacts(o.facts);
  const specs = validateCachedSpecs(o.specs);
  const imports = validateCachedImports(o.imports);
  if (key === undefined || stamp === undefined || facts.kind !== 'ok' || specs.kind !== 'ok' || imports.kind !== 'ok') return undefined;
  const moduleStamps: Record<string, readonly StampEntry[]> = {};
  if (typeof o.moduleStamps === 'object' && o.moduleStamps !== null) {
    for (const [module, value] of Object.entries(o.moduleStamps as Record<string, unknown>)) {
      const moduleStamp = readStamp(value);
      // An import whose stamp does not validate is dropped with it: probed again rather than trusted.
      if (moduleStamp === undefined) delete imports.document[module];
      else moduleStamps[module] = moduleStamp;
    }
  }
  return {
    key,
    stamp,
    facts: facts.document,
    specs: specs.document,
    imports: imports.document,
    ...(o.moduleStamps === undefined ? {} : { moduleStamps }),
  };
}

function readKey(raw: unknown): ProbeCacheKey | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Readonly<Record<string, unknown>>;
  if (typeof o.realPath !== 'string' || typeof o.envHash !== 'string') return undefined;
  if (o.environment !== 'sourced' && o.environment !== 'plain') return undefined;
  return { realPath: o.realPath, environment: o.environment, envHash: o.envHash };
}

function readStamp(raw: unknown): readonly StampEntry[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const stamp: StampEntry[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) return undefined;
    const o = item as Readonly<Record<string, unknown>>;
    if (typeof o.path !== 'string' || !(o.mtimeMs === null || typeof o.mtimeMs === 'number')) return undefined;
    stamp.push({ path: o.path, mtimeMs: o.mtimeMs });
  }
  // An empty stamp would hold forever; a real one always has at least the interpreter binary.
  return stamp.length > 0 ? stamp : undefined;
}
