// Finds the ROS workspace a file or folder belongs to, and what is in it: packages, Python sources, relays, setup
// scripts. Reads each folder and file at most once; folders are read in parallel, bounded.
import { posix as path } from 'node:path';
import type { DirEntry, FileSystem } from '../ports';
import type { RosPackage, Workspace, WorkspaceKind } from './workspace';
import { mapBounded } from './boundedParallel';
import { DEFAULT_LIMITS, findPackages, type FindPackagesLimits } from './findPackages';
import { packagePythonSources, type TextCache } from './pythonSources';
import { findRelays } from './relays';
import { findSetupScripts } from './setupScripts';
import { withReadCache } from '../readCache';
import type { WorkspaceProblem } from './workspaceProblem';
import {
  BUILT_BY_FILE,
  CATKIN_TOOLS_FOLDER,
  CATKIN_TOPLEVEL_CMAKE,
  CATKIN_WORKSPACE_FILE,
  COLCON_IGNORE_FILE,
  COLCON_INSTALL_LAYOUT_FILE,
  COLCON_META_FILE,
  COLCON_SPACES,
  PACKAGE_MANIFEST,
} from '../ros/workspaceMarkers';

export interface WorkspaceRoot {
  readonly root: string;
  readonly kind: Exclude<WorkspaceKind, 'none'>;
  /** Which marker decided, for the report ("src/CMakeLists.txt includes catkin's toplevel.cmake"). */
  readonly marker: string;
}

export interface WorkspaceDetection {
  readonly workspace: Workspace | null;
  readonly root: WorkspaceRoot | null;
  readonly problems: readonly WorkspaceProblem[];
  /** Text of Python files detection read (node scripts, to see their shebang), by path. */
  readonly texts: ReadonlyMap<string, string>;
}

const names = (entries: readonly DirEntry[]): Map<string, DirEntry['kind']> => new Map(entries.map((entry) => [entry.name, entry.kind]));
const isDir = (kind: DirEntry['kind'] | undefined): boolean => kind === 'directory' || kind === 'symlink';
/** catkin's toplevel.cmake, linked or copied (its first comment names itself), or a small file including it. */
const CATKIN_TOPLEVEL = /toplevel\.cmake|toplevel CMakeLists\.txt for a catkin workspace/;
const AMENT_BUILD_TYPE = /<build_type[^>]*>\s*ament_/;

async function colconMarker(fs: FileSystem, dir: string, entries: ReadonlyMap<string, DirEntry['kind']>): Promise<string | null> {
  if (entries.get(COLCON_META_FILE) === 'file' && isDir(entries.get('src'))) return COLCON_META_FILE;
  const spaces = COLCON_SPACES.filter((space) => isDir(entries.get(space)));
  const listings = await Promise.all(spaces.map(async (space) => ({ space, entries: names(await fs.readDir(path.join(dir, space))) })));
  for (const { space, entries: inside } of listings) {
    if (space === 'install' && inside.has(COLCON_INSTALL_LAYOUT_FILE)) return `install/${COLCON_INSTALL_LAYOUT_FILE}`;
    if (inside.has(COLCON_IGNORE_FILE) && (space !== 'install' || [...inside.keys()].some((name) => name.startsWith('setup.'))))
      return `${space}/${COLCON_IGNORE_FILE}`;
  }
  return null;
}

/** A source space with ament packages is a colcon workspace even before its first build. */
async function hasAmentPackages(fs: FileSystem, src: string): Promise<boolean> {
  const budget = { folders: 200 };
  const search = async (dir: string, depth: number): Promise<boolean> => {
    if (budget.folders-- <= 0) return false;
    const entries = await fs.readDir(dir);
    if (entries.some((entry) => entry.name === PACKAGE_MANIFEST)) {
      const text = await fs.readFile(path.join(dir, PACKAGE_MANIFEST));
      return text !== undefined && AMENT_BUILD_TYPE.test(text);
    }
    if (depth >= 3) return false;
    const subdirs = entries.filter((entry) => entry.kind === 'directory' && !entry.name.startsWith('.'));
    const found = await Promise.all(subdirs.map((entry) => search(path.join(dir, entry.name), depth + 1)));
    return found.some(Boolean);
  };
  return search(src, 0);
}

async function rootKind(fs: FileSystem, dir: string, cameFromSrc: boolean, isStart: boolean): Promise<WorkspaceRoot | null> {
  const entries = names(await fs.readDir(dir));
  if (entries.size === 0) return null;
  if (isDir(entries.get(CATKIN_TOOLS_FOLDER))) return { root: dir, kind: 'catkin_tools', marker: `${CATKIN_TOOLS_FOLDER}/` };
  if (entries.has(CATKIN_WORKSPACE_FILE)) return { root: dir, kind: 'catkin_make', marker: CATKIN_WORKSPACE_FILE };
  if (isDir(entries.get('src'))) {
    const toplevel = await fs.readFile(path.join(dir, CATKIN_TOPLEVEL_CMAKE));
    if (toplevel !== undefined && CATKIN_TOPLEVEL.test(toplevel))
      return { root: dir, kind: 'catkin_make', marker: `${CATKIN_TOPLEVEL_CMAKE} is catkin's toplevel.cmake` };
  }
  for (const space of ['devel', 'devel_isolated']) {
    if (!isDir(entries.get(space))) continue;
    const builtBy = (await fs.readFile(path.join(dir, space, BUILT_BY_FILE)))?.trim();
    if (builtBy === 'catkin build') return { root: dir, kind: 'catkin_tools', marker: `${space}/${BUILT_BY_FILE}` };
    if (builtBy !== undefined && builtBy.startsWith('catkin_make'))
      return { root: dir, kind: 'catkin_make', marker: `${space}/${BUILT_BY_FILE}` };
  }
  const colcon = await colconMarker(fs, dir, entries);
  if (colcon !== null) return { root: dir, kind: 'colcon', marker: colcon };
  if ((cameFromSrc || isStart) && isDir(entries.get('src')) && (await hasAmentPackages(fs, path.join(dir, 'src')))) {
    return { root: dir, kind: 'colcon', marker: 'src/ holds ament packages' };
  }
  return null;
}

/** The nearest workspace root at or above `start` (a file or a folder), or null for a loose folder. */
export async function findWorkspaceRoot(fs: FileSystem, start: string): Promise<WorkspaceRoot | null> {
  // Callers pass absolute paths; resolving against a current directory would be a hidden input.
  const absolute = path.normalize(start).replace(/(.)\/+$/, '$1');
  const stat = await fs.stat(absolute);
  let dir = stat?.kind === 'file' ? path.dirname(absolute) : absolute;
  let previous: string | null = null;
  const first = dir;
  while (true) {
    const found = await rootKind(fs, dir, previous !== null && path.basename(previous) === 'src', dir === first);
    if (found !== null) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    previous = dir;
    dir = parent;
  }
}

export interface DetectOptions {
  readonly limits?: FindPackagesLimits;
}

export async function detectWorkspaceDetailed(diskFs: FileSystem, start: string, options: DetectOptions = {}): Promise<WorkspaceDetection> {
  const fs = withReadCache(diskFs);
  const texts: TextCache = new Map();
  const root = await findWorkspaceRoot(fs, start);
  if (root === null) return { workspace: null, root: null, problems: [], texts };
  const limits = options.limits ?? DEFAULT_LIMITS;
  const rootNames = new Set((await fs.readDir(root.root)).map((entry) => entry.name));
  const base = rootNames.has('src') ? path.join(root.root, 'src') : root.root;

  const [found, setupScripts] = await Promise.all([findPackages(fs, base, limits), findSetupScripts(fs, root.root, rootNames)]);
  const perPackage = await mapBounded(found.packages, limits.concurrency, (pkg) => packagePythonSources(fs, pkg, texts));
  const packages: RosPackage[] = found.packages.map((pkg, index) => ({
    name: pkg.manifest.name,
    path: pkg.path,
    manifestPath: pkg.manifestPath,
    format: pkg.manifest.format,
    buildType: pkg.manifest.buildType,
    dependencies: pkg.manifest.dependencies,
    pythonModules: perPackage[index]?.pythonModules ?? [],
  }));
  const pythonSources = perPackage.flatMap((python) => python.sources);
  const relays = await findRelays(fs, root.root, rootNames, pythonSources);
  const problems = [...found.problems, ...perPackage.flatMap((python) => python.problems)];
  const workspace: Workspace = { root: root.root, kind: root.kind, packages, pythonSources, setupScripts, relays, problems };
  return { workspace, root, problems, texts };
}

export async function detectWorkspace(fs: FileSystem, start: string): Promise<Workspace | null> {
  return (await detectWorkspaceDetailed(fs, start)).workspace;
}
