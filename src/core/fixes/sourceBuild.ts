// Building a compiled package from source with THIS interpreter: the cure when its binaries were built for another Python.
import * as path from 'node:path';
import type { FixSpec } from '../findings/fixSpec';
import type { InterpreterRef } from '../interpreters/interpreter';
import type { RosDistro, Workspace } from '../workspace/workspace';
import { packageNames } from './packageNames';
import { isRealRosDistro } from '../ros/distros';
import { shellLine } from './shellQuote';
import { interpreterCommand } from './interpreterCommand';

export function sourceBuildFix(
  interpreter: InterpreterRef,
  module: string,
  workspace: Workspace | null,
  distro: RosDistro,
): FixSpec | null {
  const python = interpreterCommand(interpreter);
  const title = `Build ${module} from source for ${interpreter.displayName}`;
  const base = { kind: 'buildFromSource', title, interpreter: interpreter.path, package: module } as const;
  if (module === 'torch') {
    return {
      ...base,
      commands: [
        shellLine(['git', 'clone', '--recursive', 'https://github.com/pytorch/pytorch']),
        shellLine(['cd', 'pytorch']),
        shellLine([python, '-m', 'pip', 'install', '-r', 'requirements.txt']),
        shellLine([python, 'setup.py', 'develop']),
      ],
      docsUrl: 'https://github.com/pytorch/pytorch#from-source',
    };
  }
  if (module === 'cv_bridge' && workspace !== null) {
    const branch = isRealRosDistro(distro.name) ? ['-b', distro.name] : [];
    const configure =
      workspace.kind === 'catkin_tools'
        ? [shellLine(['catkin', 'config', `-DPYTHON_EXECUTABLE=${python}`]), shellLine(['catkin', 'build', 'cv_bridge'])]
        : [shellLine(['catkin_make', `-DPYTHON_EXECUTABLE=${python}`])];
    return {
      ...base,
      commands: [
        shellLine(['cd', workspace.root]),
        shellLine(['git', 'clone', ...branch, 'https://github.com/ros-perception/vision_opencv.git', path.join('src', 'vision_opencv')]),
        ...configure,
      ],
      docsUrl: 'http://wiki.ros.org/cv_bridge',
    };
  }
  // Other ROS packages build only inside a catkin workspace, from their repositories: nothing generic to offer.
  const pipName = packageNames(module).pip;
  if (pipName === null) return null;
  return {
    ...base,
    commands: [shellLine([python, '-m', 'pip', 'install', '--no-binary', ':all:', pipName])],
    docsUrl: 'https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-no-binary',
  };
}
