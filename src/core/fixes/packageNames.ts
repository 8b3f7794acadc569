// Import names are not package names: `import cv2` comes from opencv-python (pip), opencv (conda), python3-opencv (apt).
import type { RosDistro } from '../workspace/workspace';

export interface PackageNames {
  /** The PyPI distribution, or null when pip cannot install it (ROS packages are not on PyPI). */
  readonly pip: string | null;
  /** The conda-forge package, or null when conda-forge has none (ROS packages live on RoboStack). */
  readonly conda: string | null;
  /** Debian/Ubuntu's package for Python 3, or null when unknown. */
  readonly apt: string | null;
  /** A ROS package: comes with a ROS install (apt ros-<distro>-*, RoboStack), never from PyPI. */
  readonly ros: boolean;
}

const third = (pip: string, conda: string, apt: string | null): PackageNames => ({ pip, conda, apt, ros: false });

const KNOWN: Readonly<Record<string, PackageNames>> = {
  torch: third('torch', 'pytorch', 'python3-torch'),
  torchvision: third('torchvision', 'torchvision', 'python3-torchvision'),
  cv2: third('opencv-python', 'opencv', 'python3-opencv'),
  yaml: third('PyYAML', 'pyyaml', 'python3-yaml'),
  PIL: third('pillow', 'pillow', 'python3-pil'),
  sklearn: third('scikit-learn', 'scikit-learn', 'python3-sklearn'),
  skimage: third('scikit-image', 'scikit-image', 'python3-skimage'),
  // rospy's generators need empy 3; empy 4 changed its API.
  em: third('empy==3.3.4', 'empy=3.3.4', 'python3-empy'),
  Crypto: third('pycryptodome', 'pycryptodome', 'python3-pycryptodome'),
  Cryptodome: third('pycryptodomex', 'pycryptodomex', 'python3-pycryptodome'),
  gnupg: third('python-gnupg', 'python-gnupg', 'python3-gnupg'),
  netifaces: third('netifaces', 'netifaces', 'python3-netifaces'),
  defusedxml: third('defusedxml', 'defusedxml', 'python3-defusedxml'),
  rospkg: third('rospkg', 'rospkg', 'python3-rospkg'),
  catkin_pkg: third('catkin_pkg', 'catkin_pkg', 'python3-catkin-pkg'),
  numpy: third('numpy', 'numpy', 'python3-numpy'),
  scipy: third('scipy', 'scipy', 'python3-scipy'),
  matplotlib: third('matplotlib', 'matplotlib', 'python3-matplotlib'),
  serial: third('pyserial', 'pyserial', 'python3-serial'),
  google: third('protobuf', 'protobuf', 'python3-protobuf'),
};

/** ROS packages with a Python module of the same name (plus every *_msgs, *_srvs, *_actions). */
const ROS_MODULES: ReadonlySet<string> = new Set([
  'rospy',
  'roslib',
  'rosbag',
  'rosgraph',
  'rosnode',
  'rostopic',
  'rosservice',
  'rosparam',
  'roslaunch',
  'rosmsg',
  'rosunit',
  'rostest',
  'genpy',
  'genmsg',
  'rosmaster',
  'rospy_tutorials',
  'rclpy',
  'rosidl_runtime_py',
  'cv_bridge',
  'image_geometry',
  'tf',
  'tf2_ros',
  'tf2_py',
  'tf2_geometry_msgs',
  'tf_conversions',
  'message_filters',
  'actionlib',
  'dynamic_reconfigure',
  'catkin',
  'launch',
  'launch_ros',
  'ament_index_python',
]);

/** A module that only a ROS install provides. */
export function isRosModule(module: string): boolean {
  return ROS_MODULES.has(module) || /_(msgs|srvs|actions)$/.test(module);
}

/** How to install the module named by an import; unknown modules are assumed to share their name on PyPI and conda-forge. */
export function packageNames(module: string): PackageNames {
  const known = KNOWN[module];
  if (known !== undefined) return known;
  if (isRosModule(module)) return { pip: null, conda: null, apt: `python3-${dashed(module)}`, ros: true };
  return { pip: module, conda: module, apt: null, ros: false };
}

const ROS1_DISTROS = ['boxturtle', 'cturtle', 'diamondback', 'electric', 'fuerte', 'groovy', 'hydro', 'indigo', 'jade', 'kinetic', 'lunar', 'melodic', 'noetic'];
const ROS2_DISTROS = ['ardent', 'bouncy', 'crystal', 'dashing', 'eloquent', 'foxy', 'galactic', 'humble', 'iron', 'jazzy', 'kilted', 'rolling'];

/** A name the ROS apt repositories use (`noetic`, `humble`), as opposed to Debian's own "Debian" or nothing. */
export function isRealRosDistro(name: string | null): name is string {
  return name !== null && (ROS1_DISTROS.includes(name) || ROS2_DISTROS.includes(name));
}

/** Distros RoboStack builds conda packages for. */
const ROBOSTACK_DISTROS = ['noetic', 'humble', 'jazzy', 'kilted'];

/** ROS packages are spelt with dashes by apt and conda (`cv_bridge` → `cv-bridge`). */
function dashed(module: string): string {
  return module.replaceAll('_', '-');
}

/** The apt package: `ros-noetic-cv-bridge` when a real distro is known, else Debian's `python3-cv-bridge`. */
export function aptPackage(module: string, distro: RosDistro, pythonMajor: number): string | null {
  const names = packageNames(module);
  if (names.ros && isRealRosDistro(distro.name)) return `ros-${distro.name}-${dashed(module)}`;
  if (names.apt === null) return null;
  return pythonMajor === 2 ? names.apt.replace(/^python3-/, 'python-') : names.apt;
}

/** The RoboStack conda package (channel robostack-staging) for a ROS module, or null when the distro has none. */
export function robostackPackage(module: string, distro: RosDistro): string | null {
  if (!isRosModule(module) || distro.name === null || !ROBOSTACK_DISTROS.includes(distro.name)) return null;
  return `ros-${distro.name}-${dashed(module)}`;
}
