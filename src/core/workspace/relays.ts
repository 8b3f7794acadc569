// The relays catkin writes into devel/lib/<pkg>/ for catkin_install_python programs. rosrun runs the relay, whose
// shebang is the Python catkin was configured with, and the relay exec()s the source script.
import { posix as path } from 'node:path';
import type { FileSystem } from '../ports';
import type { PythonSource, Workspace } from './workspace';

export type Relay = Workspace['relays'][number];

const RELAY_MARKER = /generated from catkin\/cmake\/template\/script\.py\.in|python_script\s*=/;
/** catkin ≥ 0.7 writes `python_script = '<path>'`; older ones `execfile('<path>')`. */
const RELAY_TARGET = /python_script\s*=\s*(['"])((?:\\.|(?!\1).)*)\1|execfile\(\s*(['"])((?:\\.|(?!\3).)*)\3/;

export function relayTarget(text: string): { readonly isRelay: boolean; readonly target: string | null } {
  if (!RELAY_MARKER.test(text)) return { isRelay: false, target: null };
  const match = RELAY_TARGET.exec(text);
  const raw = match?.[2] ?? match?.[4];
  return { isRelay: true, target: raw === undefined ? null : raw.replace(/\\(.)/g, '$1') };
}

/** Folders rosrun looks in for a package's executables, per devel layout. */
function relayFolders(root: string, packageName: string, rootNames: ReadonlySet<string>): string[] {
  const folders: string[] = [];
  if (rootNames.has('devel')) folders.push(path.join(root, 'devel', 'lib', packageName));
  if (rootNames.has('devel_isolated')) folders.push(path.join(root, 'devel_isolated', packageName, 'lib', packageName));
  return folders;
}

export async function findRelays(
  fs: FileSystem,
  root: string,
  rootNames: ReadonlySet<string>,
  sources: readonly PythonSource[],
): Promise<Relay[]> {
  if (!rootNames.has('devel') && !rootNames.has('devel_isolated')) return [];
  // Only files named like one of the package's Python files are read: devel/lib also holds compiled binaries.
  const basenames = new Map<string, Set<string>>();
  for (const source of sources) {
    if (source.packageName === null) continue;
    const names = basenames.get(source.packageName) ?? new Set<string>();
    names.add(path.basename(source.path));
    basenames.set(source.packageName, names);
  }
  const relays: Relay[] = [];
  await Promise.all(
    [...basenames.entries()].flatMap(([packageName, names]) =>
      relayFolders(root, packageName, rootNames).map(async (folder) => {
        const entries = await fs.readDir(folder);
        await Promise.all(
          entries
            .filter((entry) => entry.kind !== 'directory' && (names.has(entry.name) || entry.name.endsWith('.py')))
            .map(async (entry) => {
              const file = path.join(folder, entry.name);
              const text = await fs.readFile(file);
              if (text === undefined) return;
              const { isRelay, target } = relayTarget(text);
              if (isRelay) relays.push({ packageName, path: file, target });
            }),
        );
      }),
    ),
  );
  return relays.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
