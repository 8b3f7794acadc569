// The workspace's own setup scripts that exist. Only the .bash ones are listed; a zsh user's caller swaps the
// extension (every catkin/colcon space writes setup.bash, setup.zsh and setup.sh side by side).
import { posix as path } from 'node:path';
import type { FileSystem } from '../ports';
import type { SetupScript } from './workspace';

const CANDIDATES: readonly { readonly folder: string; readonly kind: SetupScript['kind'] }[] = [
  { folder: 'devel', kind: 'devel' },
  { folder: 'devel_isolated', kind: 'devel_isolated' },
  { folder: 'install', kind: 'install' },
  { folder: 'install_isolated', kind: 'install' },
];

export async function findSetupScripts(fs: FileSystem, root: string, rootNames: ReadonlySet<string>): Promise<SetupScript[]> {
  const found = await Promise.all(
    CANDIDATES.filter((candidate) => rootNames.has(candidate.folder)).map(async (candidate): Promise<SetupScript | null> => {
      const script = path.join(root, candidate.folder, 'setup.bash');
      return (await fs.stat(script))?.kind === 'file' ? { path: script, kind: candidate.kind } : null;
    }),
  );
  return found.filter((script): script is SetupScript => script !== null);
}
