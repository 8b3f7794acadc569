// Where a shared library the loader missed usually is, besides the extension's own folders: the ROS installs'
// and the workspace's lib/ folders, which sourcing a setup script puts on LD_LIBRARY_PATH.
import * as path from 'node:path';
import type { DiagnoseRequest } from '../engine/doctorApi';

export function libraryDirs(request: Pick<DiagnoseRequest, 'rosInstalls' | 'workspace'>): string[] {
  // rosInstalls are distro folder names under /opt/ros (a full path is taken as it is).
  const dirs = (request.rosInstalls ?? []).map((install) =>
    path.join(path.isAbsolute(install) ? install : path.join('/opt/ros', install), 'lib'),
  );
  const root = request.workspace?.root;
  if (root !== undefined) dirs.push(path.join(root, 'devel', 'lib'), path.join(root, 'install', 'lib'));
  return dirs;
}
