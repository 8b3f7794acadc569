// From an interpreter path (given by the user, the Python extension, a shebang or discovery) to an InterpreterRef:
// pyenv shims resolved to the real binary, links resolved, and the facts classification needs read from disk.
//
// Shims are resolved by reading pyenv's own files (PYENV_VERSION, .python-version from `cwd` up, $PYENV_ROOT/version),
// which costs no process; see src/core/interpreters/pyenvShim.ts. Only when that finds nothing and a runner is given,
// `pyenv which` runs once, so that plugins or future pyenv rules still get the answer pyenv itself would give.
import * as path from 'node:path';
import type { FileSystem, ProcessRunner } from '../core/ports';
import type { InterpreterRef, InterpreterSource } from '../core/interpreters/interpreter';
import { isEnvironmentPrefix, pyvenvCfgVersion, type InterpreterLocation, type PrefixFacts } from '../core/interpreters/interpreterFacts';
import { interpreterRef } from '../core/interpreters/classifyInterpreter';
import { parsePyenvShim, parseVersionFile, parseVersionVariable, resolveVersionName } from '../core/interpreters/pyenvShim';
import { findOnPath, isExecutableFile, splitPathVariable } from '../core/interpreters/pathLookup';

export interface ResolveDeps {
  readonly fs: FileSystem;
  /** The environment the interpreter would start in (PATH, PYENV_VERSION, PYENV_ROOT). */
  readonly env: Readonly<Record<string, string>>;
  readonly home: string;
  /** The directory a shim would run in (the workspace root): .python-version files are looked up from here upward. */
  readonly cwd: string | null;
  /** Only used to run `pyenv which` when pyenv's files do not settle which binary a shim runs. */
  readonly runner?: ProcessRunner;
  readonly timeoutMs?: number;
}

export interface InterpreterResolver {
  resolve(interpreterPath: string, source: InterpreterSource): Promise<InterpreterRef>;
  /** The binary a pyenv shim runs. */
  resolveShim(file: string): Promise<ShimResolution>;
}

export type ShimResolution =
  | { readonly kind: 'not-a-shim' }
  | { readonly kind: 'resolved'; readonly pyenvRoot: string; readonly target: string }
  /** pyenv would fail ("command not found" for this version); the shim itself is what would run. */
  | { readonly kind: 'unresolved'; readonly pyenvRoot: string };

/** The pyenv installation the user has: $PYENV_ROOT, else ~/.pyenv when it exists. */
export async function findPyenvRoot(env: Readonly<Record<string, string>>, home: string, fs: FileSystem): Promise<string | null> {
  const root = env.PYENV_ROOT !== undefined && env.PYENV_ROOT !== '' ? env.PYENV_ROOT : path.join(home, '.pyenv');
  const stat = await fs.stat(path.join(root, 'versions'));
  return stat?.kind === 'directory' ? root : null;
}

/** A shim is a few hundred bytes; anything bigger (a real binary) is not read. */
const MAX_SHIM_BYTES = 4096;

/** A resolver with per-instance caches, so that discovery reads each prefix and pyenv's version files once. */
export function createInterpreterResolver(deps: ResolveDeps): InterpreterResolver {
  const prefixCache = new Map<string, Promise<PrefixFacts>>();
  const versionCache = new Map<string, Promise<readonly string[]>>();
  const installedCache = new Map<string, Promise<readonly string[]>>();
  const shimCache = new Map<string, Promise<ShimResolution>>();
  let pyenvRoot: Promise<string | null> | undefined;

  const isDir = async (file: string): Promise<boolean> => (await deps.fs.stat(file))?.kind === 'directory';

  function prefixFacts(prefix: string): Promise<PrefixFacts> {
    let facts = prefixCache.get(prefix);
    if (facts === undefined) {
      facts = (async () => {
        const cfgPath = path.join(prefix, 'pyvenv.cfg');
        const [cfgStat, condaMeta, condabin, envs] = await Promise.all([
          deps.fs.stat(cfgPath),
          isDir(path.join(prefix, 'conda-meta')),
          isDir(path.join(prefix, 'condabin')),
          isDir(path.join(prefix, 'envs')),
        ]);
        let pyvenvCfg: PrefixFacts['pyvenvCfg'] = null;
        if (cfgStat?.kind === 'file') pyvenvCfg = { version: pyvenvCfgVersion((await deps.fs.readFile(cfgPath)) ?? '') };
        return { prefix, pyvenvCfg, condaMeta, condaBase: condaMeta && (condabin || envs) };
      })();
      prefixCache.set(prefix, facts);
    }
    return facts;
  }

  function prefixOf(binary: string): string | null {
    const dir = path.dirname(binary);
    return path.basename(dir) === 'bin' ? path.dirname(dir) : null;
  }

  function installedVersions(root: string): Promise<readonly string[]> {
    let versions = installedCache.get(root);
    if (versions === undefined) {
      versions = deps.fs
        .readDir(path.join(root, 'versions'))
        .then((entries) => entries.filter((e) => e.kind === 'directory' || e.kind === 'symlink').map((e) => e.name));
      installedCache.set(root, versions);
    }
    return versions;
  }

  /** The versions pyenv would try, in order, for a shim run in deps.cwd. */
  function selectedVersions(root: string): Promise<readonly string[]> {
    let versions = versionCache.get(root);
    if (versions === undefined) {
      versions = (async () => {
        const fromEnv = deps.env.PYENV_VERSION;
        if (fromEnv !== undefined && fromEnv !== '') return parseVersionVariable(fromEnv);
        if (deps.cwd !== null) {
          for (let dir = deps.cwd; ; dir = path.dirname(dir)) {
            const text = await deps.fs.readFile(path.join(dir, '.python-version'));
            if (text !== undefined) return parseVersionFile(text);
            if (path.dirname(dir) === dir) break;
          }
        }
        const global = await deps.fs.readFile(path.join(root, 'version'));
        const versionsInFile = global === undefined ? [] : parseVersionFile(global);
        return versionsInFile.length > 0 ? versionsInFile : ['system'];
      })();
      versionCache.set(root, versions);
    }
    return versions;
  }

  async function pyenvWhich(root: string, program: string): Promise<string | null> {
    if (deps.runner === undefined) return null;
    const outcome = await deps.runner.run(path.join(root, 'libexec', 'pyenv'), ['which', program], {
      env: { ...deps.env, PYENV_ROOT: root },
      ...(deps.cwd === null ? {} : { cwd: deps.cwd }),
      timeoutMs: deps.timeoutMs ?? 5000,
      maxOutputBytes: 64 * 1024,
    });
    if (outcome.kind !== 'exited' || outcome.exitCode !== 0) return null;
    const line = outcome.stdout.trim().split('\n').at(-1) ?? '';
    return path.isAbsolute(line) && (await isExecutableFile(line, deps.fs)) ? line : null;
  }

  function resolveShim(file: string): Promise<ShimResolution> {
    let resolution = shimCache.get(file);
    if (resolution === undefined) {
      resolution = resolveShimUncached(file);
      shimCache.set(file, resolution);
    }
    return resolution;
  }

  async function resolveShimUncached(file: string): Promise<ShimResolution> {
    if (path.basename(path.dirname(file)) !== 'shims') return { kind: 'not-a-shim' };
    const stat = await deps.fs.stat(file);
    if (stat === undefined || stat.kind !== 'file' || stat.size > MAX_SHIM_BYTES) return { kind: 'not-a-shim' };
    const shim = parsePyenvShim((await deps.fs.readFile(file)) ?? '');
    if (shim === null) return { kind: 'not-a-shim' };
    const root = shim.pyenvRoot;
    const program = path.basename(file);
    const installed = await installedVersions(root);
    for (const requested of await selectedVersions(root)) {
      const version = resolveVersionName(requested, installed);
      if (version === 'system') {
        // pyenv looks the command up on PATH without its own shims directory.
        const shimsDir = path.dirname(file);
        const dirs = splitPathVariable(deps.env.PATH).filter((dir) => path.resolve(dir) !== shimsDir);
        const found = await findOnPath(program, dirs, deps.fs);
        if (found !== null) return { kind: 'resolved', pyenvRoot: root, target: found };
      } else if (version !== null) {
        const candidate = path.join(root, 'versions', version, 'bin', program);
        if (await isExecutableFile(candidate, deps.fs)) return { kind: 'resolved', pyenvRoot: root, target: candidate };
      }
    }
    const which = await pyenvWhich(root, program);
    return which === null ? { kind: 'unresolved', pyenvRoot: root } : { kind: 'resolved', pyenvRoot: root, target: which };
  }

  return {
    resolveShim,
    async resolve(interpreterPath, source) {
      const shim = await resolveShim(interpreterPath);
      const target = shim.kind === 'resolved' ? shim.target : interpreterPath;
      const resolved = (await deps.fs.realPath(target)) ?? target;
      pyenvRoot ??= findPyenvRoot(deps.env, deps.home, deps.fs);
      const targetPrefixPath = prefixOf(target);
      const realPrefixPath = prefixOf(resolved);
      const [targetPrefix, realPrefix, root] = await Promise.all([
        targetPrefixPath === null ? null : prefixFacts(targetPrefixPath),
        realPrefixPath === null || realPrefixPath === targetPrefixPath ? null : prefixFacts(realPrefixPath),
        pyenvRoot,
      ]);
      // A venv's bin/python links to its base interpreter; run through the link, or Python leaves the venv.
      const realPath = isEnvironmentPrefix(targetPrefix)
        ? path.join((await deps.fs.realPath(path.dirname(target))) ?? path.dirname(target), path.basename(target))
        : resolved;
      const location: InterpreterLocation = {
        path: interpreterPath,
        target,
        realPath,
        targetPrefix,
        realPrefix,
        pyenvRoot: shim.kind === 'not-a-shim' ? root : shim.pyenvRoot,
      };
      return interpreterRef(location, source);
    },
  };
}

/** One interpreter path (--python, the Python extension's choice, a shebang's target) as an InterpreterRef. */
export function resolveInterpreter(interpreterPath: string, source: InterpreterSource, deps: ResolveDeps): Promise<InterpreterRef> {
  return createInterpreterResolver(deps).resolve(interpreterPath, source);
}
