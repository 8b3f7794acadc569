// Builds a REAL catkin workspace with Debian's catkin in a temp folder: catkin_create_pkg, a Python node installed with
// catkin_install_python, a catkin_python_setup() library, then catkin_make. PATH holds only system folders so catkin
// picks /usr/bin/python3 (pyenv shims first on PATH make catkin_make fail: see shared/SCENARIOS.md).
// COMPONENTS is only rospy: std_msgs/cv_bridge need CMake config files Debian ships in other packages
// (ros-std-msgs-dev, libcv-bridge-dev); package.xml still declares std_msgs, which catkin does not check at build.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { debianPackage, type Prerequisite } from './prerequisites';

const run = promisify(execFile);

export const SYSTEM_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';

export const catkinTools: Prerequisite[] = [
  debianPackage('/usr/bin/catkin_make', 'catkin'),
  debianPackage('/usr/bin/catkin_create_pkg', 'python3-catkin-pkg'),
  debianPackage('/usr/bin/cmake', 'cmake'),
  debianPackage('/usr/bin/make', 'make'),
];

export interface CatkinWorkspace {
  readonly root: string;
  readonly packageName: string;
  /** src/<pkg>/scripts/node.py: imports rospy, std_msgs and the package's own module. */
  readonly nodeScript: string;
  /** src/<pkg>/src/<pkg>/helper.py */
  readonly libraryModule: string;
  /** How long catkin_create_pkg + catkin_make took. */
  readonly buildMs: number;
  readonly buildLog: string;
  cleanup(): Promise<void>;
}

const NODE_SCRIPT = `#!/usr/bin/env python3
"""A minimal node: publishes what its helper computes."""
import rospy
from std_msgs.msg import String

from demo_pkg.helper import greeting


def main():
    rospy.init_node('demo')
    publisher = rospy.Publisher('chatter', String, queue_size=1)
    publisher.publish(String(data=greeting()))


if __name__ == '__main__':
    main()
`;

const CMAKE_LISTS = `cmake_minimum_required(VERSION 3.0.2)
project(demo_pkg)
find_package(catkin REQUIRED COMPONENTS rospy)
catkin_python_setup()
catkin_package()
catkin_install_python(PROGRAMS
  scripts/node.py
  DESTINATION \${CATKIN_PACKAGE_BIN_DESTINATION}
)
`;

const SETUP_PY = `from setuptools import setup
from catkin_pkg.python_setup import generate_distutils_setup

setup(**generate_distutils_setup(packages=['demo_pkg'], package_dir={'': 'src'}))
`;

export async function buildCatkinWorkspace(): Promise<CatkinWorkspace> {
  const root = await mkdtemp(path.join(tmpdir(), 'ros-env-doctor-catkin-'));
  const cleanup = (): Promise<void> => rm(root, { recursive: true, force: true });
  const env = { PATH: SYSTEM_PATH, HOME: process.env.HOME ?? root, LANG: 'C.UTF-8' };
  const started = performance.now();
  const log: string[] = [];
  try {
    const src = path.join(root, 'src');
    await mkdir(src);
    const created = await run('catkin_create_pkg', ['demo_pkg', 'rospy', 'std_msgs'], { cwd: src, env });
    log.push(created.stdout, created.stderr);
    const pkg = path.join(src, 'demo_pkg');
    const nodeScript = path.join(pkg, 'scripts', 'node.py');
    const libraryModule = path.join(pkg, 'src', 'demo_pkg', 'helper.py');
    await mkdir(path.dirname(nodeScript), { recursive: true });
    await mkdir(path.dirname(libraryModule), { recursive: true });
    await writeFile(nodeScript, NODE_SCRIPT);
    await chmod(nodeScript, 0o755);
    await writeFile(path.join(pkg, 'src', 'demo_pkg', '__init__.py'), '');
    await writeFile(libraryModule, 'import yaml\n\n\ndef greeting():\n    return yaml.safe_dump({"hello": "world"})\n');
    await writeFile(path.join(pkg, 'CMakeLists.txt'), CMAKE_LISTS);
    await writeFile(path.join(pkg, 'setup.py'), SETUP_PY);
    const built = await run('catkin_make', [], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
    log.push(built.stdout, built.stderr);
    return {
      root,
      packageName: 'demo_pkg',
      nodeScript,
      libraryModule,
      buildMs: performance.now() - started,
      buildLog: log.join('\n'),
      cleanup,
    };
  } catch (error) {
    await cleanup();
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`building a catkin workspace failed: ${detail}\n${log.join('\n')}`, { cause: error });
  }
}
