// Which ROS distro a workspace targets and the Python it was built for: the environment says it when a setup script
// was sourced; otherwise the only /opt/ros/<distro> on the machine, read against the table of known distros.
import type { RosDistro, Workspace } from './workspace';

interface KnownDistro {
  readonly rosVersion: 1 | 2;
  readonly pythonVersion: 2 | 3;
  /** The Python minor of the Ubuntu release the distro's binaries are built for, where there is only one. */
  readonly pythonMinor: number | null;
}

const ros1Python2: KnownDistro = { rosVersion: 1, pythonVersion: 2, pythonMinor: null };
const ros2 = (pythonMinor: number | null): KnownDistro => ({ rosVersion: 2, pythonVersion: 3, pythonMinor });

export const KNOWN_DISTROS: Readonly<Record<string, KnownDistro>> = {
  boxturtle: ros1Python2,
  cturtle: ros1Python2,
  diamondback: ros1Python2,
  electric: ros1Python2,
  fuerte: ros1Python2,
  groovy: ros1Python2,
  hydro: ros1Python2,
  indigo: ros1Python2,
  jade: ros1Python2,
  kinetic: ros1Python2,
  lunar: ros1Python2,
  melodic: ros1Python2,
  noetic: { rosVersion: 1, pythonVersion: 3, pythonMinor: null },
  ardent: ros2(null),
  bouncy: ros2(null),
  crystal: ros2(null),
  dashing: ros2(null),
  eloquent: ros2(null),
  foxy: ros2(8),
  galactic: ros2(8),
  humble: ros2(10),
  iron: ros2(10),
  jazzy: ros2(12),
  kilted: ros2(null),
  rolling: ros2(null),
  // Debian's own ROS 1 packages (python3-rospy …) set ROS_DISTRO=Debian and build for the system python3.
  debian: { rosVersion: 1, pythonVersion: 3, pythonMinor: null },
};

function pythonVersionOf(value: string | undefined): 2 | 3 | null {
  const major = value?.trim().split('.')[0];
  return major === '2' ? 2 : major === '3' ? 3 : null;
}

function rosVersionOf(value: string | undefined): 1 | 2 | null {
  const trimmed = value?.trim();
  return trimmed === '1' ? 1 : trimmed === '2' ? 2 : null;
}

function rosVersionOfWorkspace(workspace: Workspace | null): 1 | 2 | null {
  if (workspace === null) return null;
  if (workspace.kind === 'catkin_make' || workspace.kind === 'catkin_tools') return 1;
  if (workspace.packages.some((pkg) => pkg.buildType.startsWith('ament_'))) return 2;
  return null;
}

/**
 * `rosInstalls` are the distro names found under /opt/ros (the caller lists the folder). Environment variables win
 * over the table; the table fills in what they leave out.
 */
export function rosDistroFrom(env: Readonly<Record<string, string>>, workspace: Workspace | null, rosInstalls: readonly string[]): RosDistro {
  const fromEnv = env['ROS_DISTRO']?.trim();
  const evidence: string[] = [];
  let name: string | null = null;
  if (fromEnv !== undefined && fromEnv !== '') {
    name = fromEnv;
    evidence.push(`ROS_DISTRO=${fromEnv}`);
  } else if (rosInstalls.length === 1 && rosInstalls[0] !== undefined) {
    name = rosInstalls[0];
    evidence.push(`/opt/ros/${name} is the only ROS installed`);
  } else if (rosInstalls.length > 1) {
    evidence.push(`ROS_DISTRO is not set and /opt/ros holds ${rosInstalls.join(', ')}`);
  }
  const known = name === null ? undefined : KNOWN_DISTROS[name.toLowerCase()];

  let pythonVersion = pythonVersionOf(env['ROS_PYTHON_VERSION']);
  if (pythonVersion !== null) evidence.push(`ROS_PYTHON_VERSION=${env['ROS_PYTHON_VERSION']?.trim()}`);
  else if (known !== undefined) {
    pythonVersion = known.pythonVersion;
    evidence.push(`${name} uses Python ${known.pythonVersion}`);
  }

  let rosVersion = rosVersionOf(env['ROS_VERSION']);
  if (rosVersion !== null) evidence.push(`ROS_VERSION=${rosVersion}`);
  else if (known !== undefined) rosVersion = known.rosVersion;
  else {
    rosVersion = rosVersionOfWorkspace(workspace);
    if (rosVersion !== null) evidence.push(`the workspace is built with ${workspace?.kind ?? ''}`);
  }

  // A minor pinned by the table only holds when the Python major agrees with it.
  const pythonMinor = known !== undefined && pythonVersion === known.pythonVersion ? known.pythonMinor : null;
  if (evidence.length === 0) evidence.push('no ROS_DISTRO and no ROS under /opt/ros');
  return { name, pythonVersion, pythonMinor, rosVersion, evidence: evidence.join('; ') };
}
