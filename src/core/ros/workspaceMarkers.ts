// The files and folders that make a folder a ROS workspace. Read by detection (src/core/workspace), by the editor's
// context key, and checked against package.json's activationEvents by a test: one list, so they cannot drift.

export const CATKIN_WORKSPACE_FILE = '.catkin_workspace';
export const CATKIN_TOOLS_FOLDER = '.catkin_tools';
/** catkin_make's top-level CMakeLists.txt (a link to or copy of catkin's toplevel.cmake). */
export const CATKIN_TOPLEVEL_CMAKE = 'src/CMakeLists.txt';
/** Written into devel/ by `catkin build` or catkin_make. */
export const BUILT_BY_FILE = '.built_by';
export const COLCON_META_FILE = 'colcon.meta';
export const COLCON_DEFAULTS_FILE = 'colcon_defaults.yaml';
/** colcon writes it into build/, install/ and log/ so that it never treats them as packages. */
export const COLCON_IGNORE_FILE = 'COLCON_IGNORE';
export const COLCON_INSTALL_LAYOUT_FILE = '.colcon_install_layout';
export const PACKAGE_MANIFEST = 'package.xml';
/** A package folder holding one of these is skipped by catkin or colcon. */
export const IGNORE_MARKERS: readonly string[] = ['CATKIN_IGNORE', COLCON_IGNORE_FILE, 'AMENT_IGNORE'];

/** The workspace build spaces colcon marks. */
export const COLCON_SPACES: readonly string[] = ['install', 'build', 'log'];

/**
 * Paths relative to a workspace folder whose presence makes it a ROS workspace: package.json's `workspaceContains:`
 * activation events and the editor's context key. A package.xml anywhere is one more (a glob: PACKAGE_MANIFEST_GLOB).
 */
export const WORKSPACE_MARKERS: readonly string[] = [
  CATKIN_WORKSPACE_FILE,
  CATKIN_TOOLS_FOLDER,
  CATKIN_TOPLEVEL_CMAKE,
  'devel/setup.bash',
  'install/setup.bash',
  COLCON_META_FILE,
  COLCON_DEFAULTS_FILE,
  `build/${COLCON_IGNORE_FILE}`,
  `install/${COLCON_IGNORE_FILE}`,
  `install/${COLCON_INSTALL_LAYOUT_FILE}`,
];

export const PACKAGE_MANIFEST_GLOB = `**/${PACKAGE_MANIFEST}`;
