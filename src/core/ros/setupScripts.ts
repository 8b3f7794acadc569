// Which setup script makes a shell see what `rosrun` sees, and in which order they are preferred. Environment
// capture (what is sourced) and ros-env-not-sourced (what the user is told to source) both read this order.
import type { SetupScript } from '../workspace/workspace';
import { ROS_INSTALLS_ROOT } from './installs';

/** The script every catkin/colcon space writes; its .zsh and .sh twins sit beside it. */
export const SETUP_SCRIPT = 'setup.bash';

/** The workspace's own spaces that hold a setup script, and what each is. */
export const SETUP_SPACES: readonly { readonly folder: string; readonly kind: Exclude<SetupScript['kind'], 'ros-distro'> }[] = [
  { folder: 'devel', kind: 'devel' },
  { folder: 'devel_isolated', kind: 'devel_isolated' },
  { folder: 'install', kind: 'install' },
  { folder: 'install_isolated', kind: 'install' },
];

/** Most preferred first: a workspace's devel space (what `catkin_make` users source), then its install space, then the distro's own. */
export const SETUP_SCRIPT_PREFERENCE: readonly SetupScript['kind'][] = ['devel', 'devel_isolated', 'install', 'ros-distro'];

/** Files next to a setup script that it reads, so that a rebuild (which rewrites any of them) is noticed. */
export const SETUP_COMPANIONS: readonly string[] = [
  'setup.sh',
  'setup.bash',
  'setup.zsh',
  '_setup_util.py',
  'local_setup.sh',
  'local_setup.bash',
  'local_setup.zsh',
  'etc/catkin/profile.d',
];

/** The setup scripts in preference order (stable within a kind). */
export function preferredSetupScripts(scripts: readonly SetupScript[]): SetupScript[] {
  return SETUP_SCRIPT_PREFERENCE.flatMap((kind) => scripts.filter((script) => script.kind === kind));
}

/** A workspace's setup scripts' folders and names as one glob, for a file watcher: `{devel,…}/setup.{bash,sh,zsh}`. */
export const SETUP_SCRIPT_GLOB = `{${[...new Set(SETUP_SPACES.map((space) => space.folder))].join(',')}}/setup.{bash,sh,zsh}`;

/** A distro's own setup script: /opt/ros/<distro>/setup.bash under `root`. */
export function distroSetupScript(distro: string, root: string = ROS_INSTALLS_ROOT): string {
  return `${root.replace(/\/+$/, '')}/${distro}/${SETUP_SCRIPT}`;
}
