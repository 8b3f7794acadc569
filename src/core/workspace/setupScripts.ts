// The workspace's own setup scripts that exist. Only the .bash ones are listed; a zsh user's caller swaps the
// extension (every catkin/colcon space writes setup.bash, setup.zsh and setup.sh side by side).
import { posix as path } from 'node:path';
import type { FileSystem } from '../ports';
import type { SetupScript } from './workspace';
import { SETUP_SCRIPT, SETUP_SPACES } from '../ros/setupScripts';

export async function findSetupScripts(fs: FileSystem, root: string, rootNames: ReadonlySet<string>): Promise<SetupScript[]> {
  const found = await Promise.all(
    SETUP_SPACES.filter((candidate) => rootNames.has(candidate.folder)).map(async (candidate): Promise<SetupScript | null> => {
      const script = path.join(root, candidate.folder, SETUP_SCRIPT);
      return (await fs.stat(script))?.kind === 'file' ? { path: script, kind: candidate.kind } : null;
    }),
  );
  return found.filter((script): script is SetupScript => script !== null);
}
