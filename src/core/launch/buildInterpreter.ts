// The Python a build baked in: colcon records the Python that ran it in install/local_setup.sh; catkin keeps
// PYTHON_EXECUTABLE in its CMake cache (catkin_make: build/CMakeCache.txt; catkin_tools: build/<pkg>/CMakeCache.txt).
import { posix as path } from 'node:path';
import type { FileSystem } from '../ports';
import type { Workspace } from '../workspace/workspace';
import type { BuildInterpreter } from './launchPath';
import { COLCON_INSTALL_LAYOUT_FILE } from '../ros/workspaceMarkers';

/** colcon writes `_colcon_python_executable="<python>"` for the case COLCON_PYTHON_EXECUTABLE is unset. */
const COLCON_PYTHON = /^\s*_colcon_python_executable="([^"$`\\]+)"\s*$/m;
const CMAKE_PYTHON = /^PYTHON_EXECUTABLE:[A-Z]+=(.+)$/m;

export function colconPythonIn(localSetupSh: string): string | null {
  return COLCON_PYTHON.exec(localSetupSh)?.[1] ?? null;
}

export function cmakeCachePython(cmakeCache: string): string | null {
  const value = CMAKE_PYTHON.exec(cmakeCache)?.[1]?.trim();
  return value === undefined || value === '' || value.endsWith('-NOTFOUND') ? null : value;
}

async function exists(fs: FileSystem, file: string): Promise<boolean> {
  return (await fs.stat(file))?.kind === 'file';
}

export async function findBuildInterpreters(fs: FileSystem, workspace: Workspace): Promise<BuildInterpreter[]> {
  const root = workspace.root;
  if (workspace.kind === 'colcon') {
    const file = path.join(root, 'install', 'local_setup.sh');
    const text = await fs.readFile(file);
    const python = text === undefined ? null : colconPythonIn(text);
    return python === null ? [] : [{ tool: 'colcon', path: python, recordedIn: file, exists: await exists(fs, python) }];
  }
  if (workspace.kind !== 'catkin_make' && workspace.kind !== 'catkin_tools') return [];
  const caches = [
    path.join(root, 'build', 'CMakeCache.txt'),
    ...workspace.packages.map((pkg) => path.join(root, 'build', pkg.name, 'CMakeCache.txt')),
  ];
  const found = await Promise.all(
    caches.map(async (file): Promise<BuildInterpreter | null> => {
      const text = await fs.readFile(file);
      const python = text === undefined ? null : cmakeCachePython(text);
      return python === null ? null : { tool: 'catkin', path: python, recordedIn: file, exists: await exists(fs, python) };
    }),
  );
  // One per distinct Python: catkin_tools repeats it in every package's cache.
  const seen = new Set<string>();
  return found.filter((entry): entry is BuildInterpreter => entry !== null && !seen.has(entry.path) && (seen.add(entry.path), true));
}

const COMMAND_LINE = /Command line arguments: \[(.*)\]\s*$/m;
const PY_STRING = /'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"/g;

/** The words after `build` in colcon's log of its last build (`['/usr/bin/colcon', 'build', '--symlink-install']`). */
export function colconBuildArgsIn(loggerAll: string): string[] | null {
  const list = COMMAND_LINE.exec(loggerAll)?.[1];
  if (list === undefined) return null;
  const words = [...list.matchAll(PY_STRING)].map((match) => (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1'));
  const build = words.indexOf('build');
  return build === -1 ? null : words.slice(build + 1);
}

/** The flags the workspace was last built with: from colcon's log, else what the install space shows. */
export async function colconBuildArgs(fs: FileSystem, workspace: Workspace): Promise<string[]> {
  const logged = await fs.readFile(path.join(workspace.root, 'log', 'latest_build', 'logger_all.log'));
  const fromLog = logged === undefined ? null : colconBuildArgsIn(logged);
  if (fromLog !== null) return fromLog;
  const layout = (await fs.readFile(path.join(workspace.root, 'install', COLCON_INSTALL_LAYOUT_FILE)))?.trim();
  return layout === 'merged' ? ['--merge-install'] : [];
}
