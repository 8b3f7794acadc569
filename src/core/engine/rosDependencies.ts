// Modules the ROS 1 Python client libraries import at start-up. They are probed alongside rospy/roslib so
// ros-deps-missing can say which one a conda env or venv lacks, even when the workspace never imports them itself.

const ROS_CLIENT_MODULES = new Set(['rospy', 'roslib', 'rosbag', 'rosgraph', 'rosnode', 'rostopic', 'rosservice', 'roslaunch']);

export const ROS_PYTHON_DEPENDENCIES: readonly string[] = ['rospkg', 'catkin_pkg', 'yaml', 'netifaces', 'em'];

export function usesRosClient(modules: Iterable<string>): boolean {
  for (const module of modules) if (ROS_CLIENT_MODULES.has(module)) return true;
  return false;
}
