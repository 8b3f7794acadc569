// Every Python interpreter the user could mean, found on disk without running any (a pyenv shim is resolved by
// reading pyenv's files, see resolveInterpreter.ts). Order: the selected one, PATH, /usr/bin and /usr/local/bin,
// pyenv versions, conda environments, the workspace's own venvs, pixi environments and uv's .venv in the workspace
// and the folders above it; duplicates (same real binary) keep the first.
import * as path from 'node:path';
import type { FileSystem, ProcessRunner } from '../core/ports';
import type { InterpreterRef, InterpreterSource } from '../core/interpreters/interpreter';
import { isInterpreterName } from '../core/interpreters/interpreterFacts';
import { sortVersions } from '../core/interpreters/pyenvShim';
import { createInterpreterResolver, findPyenvRoot } from './resolveInterpreter';
import { isExecutableFile, splitPathVariable } from '../core/interpreters/pathLookup';

export interface DiscoveryOptions {
  readonly fs: FileSystem;
  /** Only for a pyenv shim whose files do not settle what it runs (see resolveInterpreter.ts). */
  readonly runner: ProcessRunner;
  readonly env: Readonly<Record<string, string>>;
  readonly home: string;
  readonly workspaceRoot: string | null;
  /** The interpreter the user selected: listed first, never skipped (the prober reports it when it is no interpreter). */
  readonly selected?: string;
}

interface Candidate {
  readonly path: string;
  readonly source: InterpreterSource;
}

const WELL_KNOWN_DIRS = ['/usr/bin', '/usr/local/bin'];
const CONDA_ROOT_NAMES = ['miniconda3', 'anaconda3', 'miniforge3', 'mambaforge'];
const WORKSPACE_VENV_NAMES = ['.venv', 'venv', 'env'];

/** python, python2, python3, pythonX.Y in a directory, in a stable order (python, python2, python3, python3.9, python3.10…). */
async function interpretersIn(dir: string, fs: FileSystem): Promise<string[]> {
  const names = (await fs.readDir(dir)).filter((e) => e.kind !== 'directory' && isInterpreterName(e.name)).map((e) => e.name);
  const rank = (name: string): number[] =>
    name
      .slice('python'.length)
      .split('.')
      .filter((p) => p !== '')
      .map(Number);
  return names
    .sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
        const diff = (ra[i] ?? -1) - (rb[i] ?? -1);
        if (diff !== 0) return diff;
      }
      return 0;
    })
    .map((name) => path.join(dir, name));
}

/** The first of bin/python, bin/python3 that exists in an environment prefix. */
async function envPython(prefix: string, fs: FileSystem): Promise<string | null> {
  for (const name of ['python', 'python3']) {
    const candidate = path.join(prefix, 'bin', name);
    if ((await fs.stat(candidate)) !== undefined) return candidate;
  }
  return null;
}

async function condaPrefixes(options: DiscoveryOptions): Promise<string[]> {
  const { fs, env, home } = options;
  const prefixes: string[] = [];
  const environmentsTxt = await fs.readFile(path.join(home, '.conda', 'environments.txt'));
  if (environmentsTxt !== undefined) {
    prefixes.push(
      ...environmentsTxt
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#')),
    );
  }
  const roots: string[] = [];
  // CONDA_EXE is <root>/bin/conda (or <root>/condabin/conda): the root is two levels up.
  if (env.CONDA_EXE !== undefined && env.CONDA_EXE !== '') roots.push(path.dirname(path.dirname(env.CONDA_EXE)));
  if (env.CONDA_PREFIX !== undefined && env.CONDA_PREFIX !== '') prefixes.push(env.CONDA_PREFIX);
  roots.push(...CONDA_ROOT_NAMES.map((name) => path.join(home, name)), '/opt/conda');
  for (const root of roots) {
    if ((await fs.stat(path.join(root, 'conda-meta')))?.kind !== 'directory') continue;
    prefixes.push(root);
    const envs = await fs.readDir(path.join(root, 'envs'));
    prefixes.push(
      ...envs
        .filter((e) => e.kind === 'directory' || e.kind === 'symlink')
        .map((e) => path.join(root, 'envs', e.name))
        .sort(),
    );
  }
  return prefixes;
}

async function candidates(options: DiscoveryOptions, pyenvRoot: string | null): Promise<Candidate[]> {
  const { fs } = options;
  const list: Candidate[] = [];
  const add = (paths: readonly string[], source: InterpreterSource): void => {
    for (const p of paths) list.push({ path: p, source });
  };

  const pathDirs = splitPathVariable(options.env.PATH).filter((d) => path.isAbsolute(d));
  for (const paths of await Promise.all(pathDirs.map((dir) => interpretersIn(dir, fs)))) add(paths, 'path');
  for (const paths of await Promise.all(WELL_KNOWN_DIRS.map((dir) => interpretersIn(dir, fs)))) add(paths, 'well-known');

  if (pyenvRoot !== null) {
    const versions = (await fs.readDir(path.join(pyenvRoot, 'versions')))
      .filter((e) => e.kind === 'directory' || e.kind === 'symlink')
      .map((e) => e.name);
    const bins = await Promise.all(sortVersions(versions).map((v) => interpretersIn(path.join(pyenvRoot, 'versions', v, 'bin'), fs)));
    for (const paths of bins) add(paths, 'pyenv');
  }

  const condaPythons = await Promise.all((await condaPrefixes(options)).map((prefix) => envPython(prefix, fs)));
  add(
    condaPythons.filter((p): p is string => p !== null),
    'conda',
  );

  if (options.workspaceRoot !== null) {
    const root = options.workspaceRoot;
    const venvs = await Promise.all(
      WORKSPACE_VENV_NAMES.map(async (name) => {
        const prefix = path.join(root, name);
        return (await fs.stat(path.join(prefix, 'pyvenv.cfg')))?.kind === 'file' ? envPython(prefix, fs) : null;
      }),
    );
    add(
      venvs.filter((p): p is string => p !== null),
      'workspace-venv',
    );
    const [pixiEnvs, parentVenvs] = await projectEnvironments(root, fs);
    add(pixiEnvs, 'pixi');
    add(parentVenvs, 'workspace-venv');
  }
  return list;
}

/** How far up from the workspace pixi projects and uv venvs are looked for (a ROS workspace often sits inside one). */
const MAX_PARENT_LEVELS = 4;

/**
 * pixi environments (`.pixi/envs/<name>`, next to pixi.toml or a pyproject.toml with [tool.pixi]) and `.venv`s
 * (uv's default name) in the workspace and the folders above it, nearest first.
 */
async function projectEnvironments(root: string, fs: FileSystem): Promise<[string[], string[]]> {
  const pixi: string[] = [];
  const venvs: string[] = [];
  let dir = root;
  for (let level = 0; level <= MAX_PARENT_LEVELS; level++) {
    const envs = (await fs.readDir(path.join(dir, '.pixi', 'envs')))
      .filter((e) => e.kind === 'directory' || e.kind === 'symlink')
      .map((e) => e.name)
      .sort();
    for (const name of envs) {
      const python = await envPython(path.join(dir, '.pixi', 'envs', name), fs);
      if (python !== null) pixi.push(python);
    }
    // The workspace's own .venv is already listed with the other workspace venv names.
    if (level > 0 && (await fs.stat(path.join(dir, '.venv', 'pyvenv.cfg')))?.kind === 'file') {
      const python = await envPython(path.join(dir, '.venv'), fs);
      if (python !== null) venvs.push(python);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return [pixi, venvs];
}

/**
 * The same interpreter is the same binary; but a venv's python, python3 and python3.11 all link to one base binary
 * and are one environment, distinct from that base: environments dedupe by their (resolved) folder.
 */
async function dedupeKey(ref: InterpreterRef, fs: FileSystem): Promise<string> {
  if (ref.envPrefix === null) return `binary:${ref.realPath}`;
  return `env:${(await fs.realPath(ref.envPrefix)) ?? ref.envPrefix}`;
}

export async function discoverInterpreters(options: DiscoveryOptions): Promise<InterpreterRef[]> {
  const { fs } = options;
  const pyenvRoot = await findPyenvRoot(options.env, options.home, fs);
  const deps = { fs, env: options.env, home: options.home, cwd: options.workspaceRoot };
  // Discovery runs nothing; only a selected shim that pyenv's files do not settle may cost one `pyenv which`.
  const resolver = createInterpreterResolver(deps);
  const selected =
    options.selected === undefined
      ? null
      : await createInterpreterResolver({ ...deps, runner: options.runner }).resolve(options.selected, 'selected');
  const found = await candidates(options, pyenvRoot);
  // Resolving is only I/O through the FileSystem port; all at once, then deduplicated in discovery order.
  const refs = await Promise.all(
    found.map(async (candidate): Promise<InterpreterRef | null> => {
      const shim = await resolver.resolveShim(candidate.path);
      // A shim pyenv cannot resolve here ("command not found") runs nothing: not an interpreter to offer.
      if (shim.kind === 'unresolved') return null;
      if (!(await isExecutableFile(shim.kind === 'resolved' ? shim.target : candidate.path, fs))) return null;
      // A shim on PATH runs whatever pyenv selects at the moment: offer the binary it runs now, which stays put.
      return resolver.resolve(shim.kind === 'resolved' ? shim.target : candidate.path, candidate.source);
    }),
  );

  const seen = new Set<string>();
  const result: InterpreterRef[] = [];
  for (const ref of [selected, ...refs]) {
    if (ref === null) continue;
    const key = await dedupeKey(ref, fs);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(ref);
  }
  return result;
}
