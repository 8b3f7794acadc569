// How ROS packages are named by apt and RoboStack: `ros-<distro>-<name>`, with dashes for underscores.
import type { RosDistro } from '../workspace/workspace';
import { DISTROS, isRealRosDistro } from './distros';
import { isRosModule } from './pythonModules';

/** ROS packages are spelt with dashes by apt and conda (`cv_bridge` → `cv-bridge`). */
export function dashed(module: string): string {
  return module.replaceAll('_', '-');
}

/** The ROS apt repositories' package for a ROS module, or null without a real distro (`ros-noetic-cv-bridge`). */
export function rosAptPackage(module: string, distro: RosDistro): string | null {
  return isRealRosDistro(distro.name) ? `ros-${distro.name}-${dashed(module)}` : null;
}

/** The RoboStack conda package (channel robostack-staging) for a ROS module, or null when the distro has none. */
export function robostackPackage(module: string, distro: RosDistro): string | null {
  if (!isRosModule(module) || distro.name === null || DISTROS[distro.name]?.robostack !== true) return null;
  return `ros-${distro.name}-${dashed(module)}`;
}

/** The conda environment name for a distro's workspace (`ros-noetic`), or null without a real distro. */
export function rosEnvironmentName(distro: RosDistro): string | null {
  return isRealRosDistro(distro.name) ? `ros-${distro.name}` : null;
}
