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

/**
 * When a missing dependency makes the node fail. A dependency is one or the other, never both: the spec-only pass
 * and the full import must agree that only an import-time one makes `import rospy` fail.
 */
export type DependencyNeed =
  /** Imported when a core module is imported: without it `import <core module>` fails. */
  | { readonly kind: 'import' }
  /**
   * Imported only once the node starts (`call`), and only on a machine whose host name is a loopback one (see
   * isLoopbackHostName): the import itself works. `escapeVariables`, set in the node's environment, skip the code
   * that imports it.
   */
  | { readonly kind: 'node-start'; readonly call: string; readonly escapeVariables: readonly string[] };

/** A Python package a ROS core module needs that a non-ROS environment (a conda env, a venv) usually lacks. */
export interface RosDependency {
  /** The top-level module name ("yaml", not "PyYAML"): what the probe asks for and what an ImportError names. */
  readonly module: string;
  /** The core modules that need it. */
  readonly neededBy: readonly string[];
  readonly need: DependencyNeed;
}

export interface GenerationModules {
  /** Modules that need some of ROS's own Python dependencies (see `dependencies`). */
  readonly coreModules: readonly string[];
  readonly dependencies: readonly RosDependency[];
}

const IMPORT: DependencyNeed = { kind: 'import' };

// Measured with Debian's python3-rospy 1.15.15 under /usr/bin/python3 (3.11): the top-level modules in sys.modules
// after `import rospy` / `import roslib`, and the import lines of the sources under /usr/lib/python3/dist-packages.
// rosgraph imports none of them (netifaces only inside rosgraph.network.get_local_addresses), so it is no core module.
// Not dependencies of a node: empy (genmsg's templates, at build time: the build interpreter's concern), defusedxml.
export const ROS_PYTHON_MODULES: Readonly<Record<RosGeneration, GenerationModules>> = {
  1: {
    coreModules: ['rospy', 'roslib', 'rosbag'],
    dependencies: [
      // rospy/core.py and every roslib module import rospkg at the top; rospkg reads package.xml with catkin_pkg.
      { module: 'rospkg', neededBy: ['rospy', 'roslib', 'rosbag'], need: IMPORT },
      { module: 'catkin_pkg', neededBy: ['rospy', 'roslib', 'rosbag'], need: IMPORT },
      // rospy/client.py and rosbag/bag.py import yaml at the top (roslib does not).
      { module: 'yaml', neededBy: ['rospy', 'rosbag'], need: IMPORT },
      // rosbag/bag.py (Debian's 1.15.15, apt-get download python3-rosbag) imports its encryption at the top:
      // Cryptodome.Cipher and gnupg (the package depends on python3-pycryptodome and python3-gnupg).
      { module: 'Cryptodome', neededBy: ['rosbag'], need: IMPORT },
      { module: 'gnupg', neededBy: ['rosbag'], need: IMPORT },
      // rosgraph.network.get_local_addresses imports netifaces; init_node's XML-RPC server reaches it through
      // get_local_address only when socket.gethostname() is empty, "localhost" or 127.x and neither ROS_IP nor
      // ROS_HOSTNAME is set (rosgraph/xmlrpc.py, _run_init). Measured: with a real host name init_node never imports
      // it; with gethostname() patched to "localhost" the XML-RPC thread dies on it and init_node is interrupted.
      // Debian's python3-rosgraph does not even depend on python3-netifaces.
      {
        module: 'netifaces',
        neededBy: ['rospy'],
        need: {
          kind: 'node-start',
          call: 'rospy.init_node',
          escapeVariables: ['ROS_IP', 'ROS_HOSTNAME'],
        },
      },
    ],
  },
  2: {
    // rclpy's parameters read YAML when rclpy is imported (not measured here: no rclpy can be installed on this machine).
    coreModules: ['rclpy'],
    dependencies: [{ module: 'yaml', neededBy: ['rclpy'], need: IMPORT }],
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

/** Every generation's dependencies' modules (what the engine adds to a spec pass when a core module is imported). */
export const ROS_RUNTIME_DEPENDENCIES: readonly string[] = [
  ...new Set([...ROS_PYTHON_MODULES[1].dependencies, ...ROS_PYTHON_MODULES[2].dependencies].map((d) => d.module)),
];

/** What a core module needs, import-time and node-start alike; empty for any other module. */
export function dependenciesOf(module: string): readonly RosDependency[] {
  const generation = generationOfCoreModule(module);
  return generation === null ? [] : ROS_PYTHON_MODULES[generation].dependencies.filter((d) => d.neededBy.includes(module));
}

/** The modules whose absence makes `import <module>` itself fail. */
export function importDependenciesOf(module: string): readonly string[] {
  return dependenciesOf(module)
    .filter((d) => d.need.kind === 'import')
    .map((d) => d.module);
}

/**
 * A host name rosgraph.network.get_host_name cannot use as the node's address, so it asks get_local_address, which
 * imports netifaces: empty, "localhost" or 127.x (rosgraph/network.py and rosgraph/xmlrpc.py, the same test).
 */
export function isLoopbackHostName(hostName: string): boolean {
  return hostName === '' || hostName === 'localhost' || hostName.startsWith('127.');
}
