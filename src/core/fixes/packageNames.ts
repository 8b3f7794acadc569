// Import names are not package names: `import cv2` comes from opencv-python (pip), opencv (conda), python3-opencv (apt).
import type { RosDistro } from '../workspace/workspace';
import { isRosModule } from '../ros/pythonModules';
import { dashed, rosAptPackage } from '../ros/packageNames';

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

/**
 * ROS modules Debian/Ubuntu do not package as python3-<name> (checked with apt-cache on Debian 12): ROS 2's come
 * only from the ROS apt repositories (ros-<distro>-<name>) or RoboStack, so no `python3-…` apt line is offered.
 */
const NOT_IN_DEBIAN: ReadonlySet<string> = new Set([
  'rclpy',
  'rosidl_runtime_py',
  'launch',
  'launch_ros',
  'ament_index_python',
  'tf2_py',
  'rospy_tutorials',
]);

/** How to install the module named by an import; unknown modules are assumed to share their name on PyPI and conda-forge. */
export function packageNames(module: string): PackageNames {
  const known = KNOWN[module];
  if (known !== undefined) return known;
  if (isRosModule(module))
    return { pip: null, conda: null, apt: NOT_IN_DEBIAN.has(module) ? null : `python3-${dashed(module)}`, ros: true };
  return { pip: module, conda: module, apt: null, ros: false };
}

/** The apt package: `ros-noetic-cv-bridge` when a real distro is known, else Debian's `python3-cv-bridge`. */
export function aptPackage(module: string, distro: RosDistro, pythonMajor: number): string | null {
  const names = packageNames(module);
  const rosApt = names.ros ? rosAptPackage(module, distro) : null;
  if (rosApt !== null) return rosApt;
  if (names.apt === null) return null;
  return pythonMajor === 2 ? names.apt.replace(/^python3-/, 'python-') : names.apt;
}
