// The seed's case, built from this machine's real interpreters: torch in a venv, rospy in the system Python, and
// the venv chosen in a folder settings.json with comments (no Python extension), as the user who filed it had.
import { execFile } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { commentedSettings } from './commentedSettings';

export const DEBIAN_DIST_PACKAGES = '/usr/lib/python3/dist-packages';

/**
 * What the venv gets from Debian's python3-torch, linked into its site-packages. A LABELLED STAND-IN for
 * `pip install torch` (no network for pip here, and a pip torch is gigabytes): the same torch, found by the venv's
 * own site-packages, while rospy, cv_bridge and the ROS messages stay out of its reach.
 */
const LINKED_INTO_VENV = ['torch', 'typing_extensions.py', 'numpy'] as const;

export type SeedCase = {
  /** <workspace>/.venv/bin/python: imports torch and numpy, not rospy. */
  readonly venvPython: string;
  readonly settingsFile: string;
  /** The settings file as written, to compare with after Undo. */
  readonly settingsText: string;
};

export async function makeSeedCase(workspace: string): Promise<SeedCase> {
  const venv = join(workspace, '.venv');
  await promisify(execFile)('/usr/bin/python3', ['-m', 'venv', '--without-pip', venv], { timeout: 120_000 });
  const { stdout } = await promisify(execFile)(join(venv, 'bin', 'python'), [
    '-c',
    'import sysconfig; print(sysconfig.get_path("purelib"))',
  ]);
  const sitePackages = stdout.trim();
  for (const name of LINKED_INTO_VENV) await symlink(join(DEBIAN_DIST_PACKAGES, name), join(sitePackages, name));
  const venvPython = join(venv, 'bin', 'python');
  const settingsFile = join(workspace, '.vscode', 'settings.json');
  await mkdir(join(workspace, '.vscode'), { recursive: true });
  const settingsText = commentedSettings(venvPython);
  await writeFile(settingsFile, settingsText);
  return { venvPython, settingsFile, settingsText };
}

/**
 * The extension host's environment for the seed's user: `python3` on PATH is Debian's. code-server builds the host's
 * environment from the login shell (`$SHELL -i -l`), and this machine's ~/.bashrc puts pyenv's shims first, so the
 * shebang `#!/usr/bin/env python3` would run pyenv's python3 (a real finding, but not the seed's case): /bin/sh as
 * the login shell does not read ~/.bashrc, and PATH loses pyenv's folders.
 */
export function seedUserEnvironment(): Record<string, string> {
  const path = (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => dir !== '' && !dir.includes('/.pyenv/'))
    .join(':');
  return { SHELL: '/bin/sh', PATH: path };
}
