// Which ROS distro a workspace targets and the Python it was built for: the environment says it when a setup script
// was sourced; otherwise the only /opt/ros/<distro> on the machine, read against the table of known distros. The
// ABI tag of a ROS module's compiled files, where the probes saw one, beats the table's Python.
import type { RosDistro, Workspace } from '../workspace/workspace';
import { distroFacts } from './distros';
import { pythonOfAbiTag } from './installs';

/** A compiled file of a ROS Python module that a probe saw (imported, or skipped as built for another Python). */
export interface RosExtensionFile {
  readonly module: string;
  /** The file name or its ABI tag ("cpython-311-x86_64-linux-gnu"). */
  readonly file: string;
}

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

/** The one Python every tagged ROS extension file agrees on, with the file that says so; null when none or they disagree. */
function pythonOfExtensions(
  files: readonly RosExtensionFile[],
): { readonly major: 2 | 3; readonly minor: number; readonly evidence: string } | null {
  let found: { readonly major: 2 | 3; readonly minor: number; readonly evidence: string } | null = null;
  for (const { module, file } of files) {
    const python = pythonOfAbiTag(file);
    if (python === null) continue;
    if (found !== null && (found.major !== python.major || found.minor !== python.minor)) return null;
    found ??= { ...python, evidence: `${module}'s compiled module is built for Python ${python.major}.${python.minor}` };
  }
  return found;
}

/**
 * `rosInstalls` are the distro names found under /opt/ros (the caller lists the folder). Environment variables win
 * over the table; the table fills in what they leave out, and ROS extension files found on disk beat the table's Python.
 */
export function rosDistroFrom(
  env: Readonly<Record<string, string>>,
  workspace: Workspace | null,
  rosInstalls: readonly string[],
  rosExtensions: readonly RosExtensionFile[] = [],
): RosDistro {
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
  const known = distroFacts(name);
  const onDisk = pythonOfExtensions(rosExtensions);

  let pythonVersion = pythonVersionOf(env['ROS_PYTHON_VERSION']);
  if (pythonVersion !== null) evidence.push(`ROS_PYTHON_VERSION=${env['ROS_PYTHON_VERSION']?.trim()}`);
  else if (onDisk !== null) pythonVersion = onDisk.major;
  else if (known !== undefined) {
    pythonVersion = known.python.major;
    evidence.push(`${name} uses Python ${known.python.major}`);
  }

  let rosVersion = rosVersionOf(env['ROS_VERSION']);
  if (rosVersion !== null) evidence.push(`ROS_VERSION=${rosVersion}`);
  else if (known !== undefined) rosVersion = known.generation;
  else {
    rosVersion = rosVersionOfWorkspace(workspace);
    if (rosVersion !== null) evidence.push(`the workspace is built with ${workspace?.kind ?? ''}`);
  }

  // A minor only holds when its major agrees: the files on disk first, then the table's default.
  let pythonMinor: number | null = null;
  if (onDisk !== null && pythonVersion === onDisk.major) {
    pythonMinor = onDisk.minor;
    evidence.push(onDisk.evidence);
  } else if (known !== undefined && pythonVersion === known.python.major) pythonMinor = known.python.minor;
  if (evidence.length === 0) evidence.push('no ROS_DISTRO and no ROS under /opt/ros');
  return { name, pythonVersion, pythonMinor, rosVersion, evidence: evidence.join('; ') };
}
