// The Python modules only a ROS install provides, and per ROS generation the modules that need ROS's own Python
// dependencies to import, with those dependencies.
import type { RosGeneration } from './distros';

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

export interface GenerationModules {
  /** Modules that import ROS's Python dependencies at import time. */
  readonly coreModules: readonly string[];
  /** What the core modules import that a non-ROS environment (a conda env, a venv) usually lacks. */
  readonly runtimeDependencies: readonly string[];
  /** What every Python environment of this generation needs besides the ROS packages themselves. */
  readonly baseSet: readonly string[];
}

export const ROS_PYTHON_MODULES: Readonly<Record<RosGeneration, GenerationModules>> = {
  1: {
    coreModules: ['rospy', 'roslib', 'rosbag', 'rosgraph'],
    runtimeDependencies: ['rospkg', 'catkin_pkg', 'netifaces', 'yaml', 'em', 'defusedxml', 'Crypto', 'Cryptodome', 'gnupg'],
    baseSet: ['rospkg', 'catkin_pkg', 'netifaces'],
  },
  2: {
    // rclpy's parameters read YAML when rclpy is imported.
    coreModules: ['rclpy'],
    runtimeDependencies: ['yaml'],
    baseSet: ['yaml'],
  },
};

/** The generation whose core module this is, or null. */
export function generationOfCoreModule(module: string): RosGeneration | null {
  if (ROS_PYTHON_MODULES[1].coreModules.includes(module)) return 1;
  if (ROS_PYTHON_MODULES[2].coreModules.includes(module)) return 2;
  return null;
}

/** Every generation's core modules. */
export const ROS_CORE_MODULES: readonly string[] = [...ROS_PYTHON_MODULES[1].coreModules, ...ROS_PYTHON_MODULES[2].coreModules];

/** Every generation's runtime dependencies (what the engine adds to a spec pass when a core module is imported). */
export const ROS_RUNTIME_DEPENDENCIES: readonly string[] = [
  ...new Set([...ROS_PYTHON_MODULES[1].runtimeDependencies, ...ROS_PYTHON_MODULES[2].runtimeDependencies]),
];

/** The dependencies a core module needs (its generation's); empty for any other module. */
export function runtimeDependenciesOf(module: string): readonly string[] {
  const generation = generationOfCoreModule(module);
  return generation === null ? [] : ROS_PYTHON_MODULES[generation].runtimeDependencies;
}
