// A big, varied workspace written to a temp folder, for detection/scanning performance checks: `packages` packages
// of FILES_PER_PACKAGE Python files each. Every fourth package is ament_python (module at the top, console_scripts);
// the others are catkin (3 scripts in catkin_install_python, a setup.py module under src/). Packages sit in group
// folders, as repositories cloned into src/ do.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const FILES_PER_PACKAGE = 10;

export interface GeneratedWorkspace {
  readonly root: string;
  readonly packages: number;
  readonly pythonFiles: number;
  dispose(): Promise<void>;
}

const THIRD_PARTY = [
  'rospy',
  'numpy',
  'cv_bridge',
  'torch',
  'yaml',
  'tf2_ros',
  'scipy',
  'sensor_msgs.msg',
  'std_msgs.msg',
  'geometry_msgs.msg',
];

export function generatedModule(seed: number, lines: number, shebang: boolean, ownModule: string): string {
  const out: string[] = [];
  if (shebang) out.push('#!/usr/bin/env python3');
  out.push(`"""Generated module ${seed}."""`, `import ${THIRD_PARTY[seed % THIRD_PARTY.length]}`);
  out.push(`from ${THIRD_PARTY[(seed + 3) % THIRD_PARTY.length]} import (a,`, '    b)', `from ${ownModule} import core`);
  out.push('try:', '    import ujson as json', 'except ImportError:', '    import json');
  for (let i = 0; out.length < lines; i++) {
    out.push(
      '',
      `def handler_${i}(msg, scale=${seed % 9}):`,
      `    """Handles 'msg' # not a comment."""`,
      `    return {"k": [msg, scale * ${i}]}`,
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function manifest(name: string, buildType: 'catkin' | 'ament_python'): string {
  const exportSection = buildType === 'ament_python' ? '\n  <export>\n    <build_type>ament_python</build_type>\n  </export>' : '';
  const tool = buildType === 'catkin' ? '\n  <buildtool_depend>catkin</buildtool_depend>' : '';
  return `<?xml version="1.0"?>
<package format="${buildType === 'catkin' ? 2 : 3}">
  <name>${name}</name>
  <version>0.1.0</version>
  <description>Generated package ${name}</description>
  <maintainer email="gen@example.com">gen</maintainer>
  <license>MIT</license>${tool}
  <depend>rospy</depend>
  <exec_depend>python3-numpy</exec_depend>${exportSection}
</package>
`;
}

async function writeCatkinPackage(dir: string, name: string, index: number, lines: number): Promise<void> {
  const module = path.join(dir, 'src', name);
  await mkdir(path.join(dir, 'scripts'), { recursive: true });
  await mkdir(path.join(module, 'sub'), { recursive: true });
  const files: [string, string][] = [
    [path.join(dir, 'package.xml'), manifest(name, 'catkin')],
    [
      path.join(dir, 'CMakeLists.txt'),
      `cmake_minimum_required(VERSION 3.0.2)\nproject(${name})\nfind_package(catkin REQUIRED COMPONENTS rospy)\ncatkin_python_setup()\ncatkin_package()\ncatkin_install_python(PROGRAMS\n  scripts/node_0.py scripts/node_1.py scripts/node_2.py\n  DESTINATION \${CATKIN_PACKAGE_BIN_DESTINATION})\n`,
    ],
    [
      path.join(dir, 'setup.py'),
      `from catkin_pkg.python_setup import generate_distutils_setup\nfrom setuptools import setup\nsetup(**generate_distutils_setup(packages=['${name}', '${name}.sub'], package_dir={'': 'src'}))\n`,
    ],
  ];
  for (let n = 0; n < 3; n++) files.push([path.join(dir, 'scripts', `node_${n}.py`), generatedModule(index * 10 + n, lines, true, name)]);
  ['__init__.py', 'core.py', 'util.py', 'msgs.py', 'sub/__init__.py', 'sub/a.py', 'sub/b.py'].forEach((file, n) =>
    files.push([path.join(module, file), generatedModule(index * 10 + 3 + n, lines, false, name)]),
  );
  await Promise.all(files.map(([file, text]) => writeFile(file, text)));
  await Promise.all([0, 1, 2].map((n) => chmod(path.join(dir, 'scripts', `node_${n}.py`), 0o755)));
}

async function writeAmentPackage(dir: string, name: string, index: number, lines: number): Promise<void> {
  await mkdir(path.join(dir, name, 'nodes'), { recursive: true });
  await mkdir(path.join(dir, 'resource'), { recursive: true });
  const files: [string, string][] = [
    [path.join(dir, 'package.xml'), manifest(name, 'ament_python')],
    [path.join(dir, 'resource', name), ''],
    [
      path.join(dir, 'setup.py'),
      `from setuptools import find_packages, setup\npackage_name = '${name}'\nsetup(\n    name=package_name,\n    packages=find_packages(exclude=['test']),\n    entry_points={\n        'console_scripts': [\n            'talker = ${name}.talker:main',\n            'listener = ${name}.nodes.listener:main',\n        ],\n    },\n)\n`,
    ],
  ];
  [
    '__init__.py',
    'talker.py',
    'core.py',
    'util.py',
    'msgs.py',
    'extra.py',
    'more.py',
    'nodes/__init__.py',
    'nodes/listener.py',
    'nodes/helper.py',
  ].forEach((file, n) => files.push([path.join(dir, name, file), generatedModule(index * 10 + n, lines, false, name)]));
  await Promise.all(files.map(([file, text]) => writeFile(file, text)));
}

export async function generateWorkspace(packages: number, linesPerFile = 40): Promise<GeneratedWorkspace> {
  const root = await mkdtemp(path.join(tmpdir(), 'ros-env-doctor-generated-ws-'));
  const src = path.join(root, 'src');
  await mkdir(src, { recursive: true });
  await writeFile(
    path.join(root, '.catkin_workspace'),
    '# This file currently only serves to mark the location of a catkin workspace for tool integration\n',
  );
  await writeFile(
    path.join(src, 'CMakeLists.txt'),
    '# toplevel CMakeLists.txt for a catkin workspace\ninclude(/usr/share/catkin/cmake/toplevel.cmake)\n',
  );
  const batch = 50;
  for (let start = 0; start < packages; start += batch) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(packages, start + batch); index++) {
      const name = `pkg_${String(index).padStart(4, '0')}`;
      const dir = path.join(src, `repo_${Math.floor(index / 20)}`, name);
      writes.push(index % 4 === 3 ? writeAmentPackage(dir, name, index, linesPerFile) : writeCatkinPackage(dir, name, index, linesPerFile));
    }
    await Promise.all(writes);
  }
  return { root, packages, pythonFiles: packages * FILES_PER_PACKAGE, dispose: () => rm(root, { recursive: true, force: true }) };
}
