// What the doctor knows about a ROS workspace from its files alone (nothing is run to learn it).

import type { WorkspaceProblem } from './workspaceProblem';

export type WorkspaceKind = 'catkin_make' | 'catkin_tools' | 'colcon' | 'none';

export type DependencyKind =
  'depend' | 'build_depend' | 'buildtool_depend' | 'build_export_depend' | 'exec_depend' | 'run_depend' | 'test_depend' | 'doc_depend';

export interface PackageDependency {
  readonly name: string;
  readonly kind: DependencyKind;
}

export interface RosPackage {
  readonly name: string;
  /** The folder holding package.xml. */
  readonly path: string;
  readonly manifestPath: string;
  readonly format: 1 | 2 | 3;
  /** From <export><build_type>, defaulting to 'catkin' (format 1–3 default) — e.g. 'ament_python', 'ament_cmake', 'cmake'. */
  readonly buildType: string;
  readonly dependencies: readonly PackageDependency[];
  /** Top-level Python module names this package provides (its own src/<pkg>/, setup.py packages), so imports of them are local. */
  readonly pythonModules: readonly string[];
}

/** How a Python file is known to be part of the workspace. */
export type PythonSourceRole = 'node' | 'module';

export type PythonSourceEvidence =
  | 'catkin_install_python'
  | 'scripts-dir'
  | 'nodes-dir'
  | 'entry-point'
  | 'package-module'
  | 'shebang'
  /** launch/*.launch.py: run by the `ros2` command's interpreter (`ros2 launch`), not as a node. */
  | 'launch-file';

export interface PythonSource {
  readonly path: string;
  /** The package it belongs to, or null for a stray file inside the workspace. */
  readonly packageName: string | null;
  readonly role: PythonSourceRole;
  readonly evidence: readonly PythonSourceEvidence[];
}

export interface SetupScript {
  readonly path: string;
  readonly kind: 'devel' | 'devel_isolated' | 'install' | 'ros-distro';
}

/** The ROS distro the workspace targets, and the Python major version it was built for. */
export interface RosDistro {
  readonly name: string | null;
  /** From ROS_PYTHON_VERSION, or the distro's known Python (indigo–melodic: 2, noetic and ROS 2: 3). */
  readonly pythonVersion: 2 | 3 | null;
  /** ROS 2 pins a minor version too (e.g. humble → 3.10 on Ubuntu); null when not known. */
  readonly pythonMinor: number | null;
  /** 1 or 2, from ROS_VERSION or the workspace kind. */
  readonly rosVersion: 1 | 2 | null;
  /** Where the facts came from, for the report. */
  readonly evidence: string;
}

export interface Workspace {
  readonly root: string;
  readonly kind: WorkspaceKind;
  readonly packages: readonly RosPackage[];
  readonly pythonSources: readonly PythonSource[];
  readonly setupScripts: readonly SetupScript[];
  /** devel/lib/<pkg>/<script> relays that rosrun runs instead of the script itself. */
  readonly relays: readonly { readonly packageName: string; readonly path: string; readonly target: string | null }[];
  /** Files detection skipped or could not use (invalid package.xml, a FIFO, over a size limit); absent means none. */
  readonly problems?: readonly WorkspaceProblem[];
}
