// A big catkin_make workspace written to a temp folder: `packages` packages of 10 Python files each
// (3 node scripts installed with catkin_install_python, 7 files of a setup.py-declared module).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const FILES_PER_PACKAGE = 10;

export interface GeneratedWorkspace {
  readonly root: string;
  readonly packages: number;
  readonly pythonFiles: number;
  dispose(): Promise<void>;
}

const THIRD_PARTY = ['rospy', 'numpy', 'cv_bridge', 'torch', 'yaml', 'tf2_ros', 'scipy', 'sensor_msgs.msg', 'std_msgs.msg', 'geometry_msgs.msg'];

/** A plausible module: imports of every form, a try/except ImportError, docstrings and code with brackets and strings. */
export function pythonModule(seed: number, lines: number, shebang: boolean, ownModule: string): string {
  const out: string[] = [];
  if (shebang) out.push('#!/usr/bin/env python3');
  out.push('# -*- coding: utf-8 -*-', `"""Generated module ${seed}: it looks like a ROS node's code."""`);
  out.push(`import ${THIRD_PARTY[seed % THIRD_PARTY.length]}`, `from ${THIRD_PARTY[(seed + 3) % THIRD_PARTY.length]} import (a, b,`, '    c)', 'import os, sys');
  out.push(`from ${ownModule} import core`, 'try:', '    import ujson as json', 'except ImportError:', '    import json');
  let i = 0;
  while (out.length < lines) {
    const n = seed + i;
    out.push(
      '',
      `class Worker${i}(object):`,
      `    """Handles topic /robot_${n % 7}/data; 'quotes' and "quotes" and # not a comment."""`,
      `    RATE = ${n % 50} + 0.5`,
      `    def __init__(self, name='w${i}', *args, **kwargs):`,
      `        self.values = [x * ${n % 9} for x in range(${n % 13}) if x % 2]`,
      `        self.lookup = {'k${i}': (1, 2, 3), "v": [4, 5, {6: 7}]}`,
      `        if kwargs.get('lazy'):`,
      `            import importlib  # a local import in a function`,
      `        self.text = f"{name}: {len(self.values)} \\\\ done"`,
      `    def run(self, msg):`,
      `        return sum(self.values) + \\`,
      `            len(str(msg))`,
    );
    i++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function packageXml(name: string): string {
  return `<?xml version="1.0"?>
<package format="2">
  <name>${name}</name>
  <version>0.1.0</version>
  <description>Generated package ${name}</description>
  <maintainer email="bench@example.com">bench</maintainer>
  <license>MIT</license>
  <buildtool_depend>catkin</buildtool_depend>
  <depend>rospy</depend>
  <depend>std_msgs</depend>
  <exec_depend>python3-numpy</exec_depend>
</package>
`;
}

function cmakeLists(name: string): string {
  return `cmake_minimum_required(VERSION 3.0.2)
project(${name})
find_package(catkin REQUIRED COMPONENTS rospy std_msgs)
catkin_python_setup()
catkin_package()
catkin_install_python(PROGRAMS scripts/node_0.py scripts/node_1.py scripts/node_2.py
  DESTINATION \${CATKIN_PACKAGE_BIN_DESTINATION}
)
`;
}

function setupPy(name: string): string {
  return `from setuptools import setup
from catkin_pkg.python_setup import generate_distutils_setup

d = generate_distutils_setup(packages=['${name}', '${name}.sub'], package_dir={'': 'src'})
setup(**d)
`;
}

async function writePackage(src: string, index: number, linesPerFile: number): Promise<void> {
  const name = `pkg_${String(index).padStart(4, '0')}`;
  const dir = path.join(src, name);
  const module = path.join(dir, 'src', name);
  await mkdir(path.join(dir, 'scripts'), { recursive: true });
  await mkdir(path.join(module, 'sub'), { recursive: true });
  const files: [string, string][] = [
    [path.join(dir, 'package.xml'), packageXml(name)],
    [path.join(dir, 'CMakeLists.txt'), cmakeLists(name)],
    [path.join(dir, 'setup.py'), setupPy(name)],
  ];
  for (let n = 0; n < 3; n++) files.push([path.join(dir, 'scripts', `node_${n}.py`), pythonModule(index * 10 + n, linesPerFile, true, name)]);
  const moduleFiles = ['__init__.py', 'core.py', 'util.py', 'msgs.py', 'sub/__init__.py', 'sub/a.py', 'sub/b.py'];
  moduleFiles.forEach((file, n) => files.push([path.join(module, file), pythonModule(index * 10 + 3 + n, linesPerFile, false, name)]));
  await Promise.all(files.map(([file, text]) => writeFile(file, text)));
}

export async function generateWorkspace(packages: number, linesPerFile = 40): Promise<GeneratedWorkspace> {
  const root = await mkdtemp(path.join(tmpdir(), 'ros-env-doctor-bench-ws-'));
  const src = path.join(root, 'src');
  await mkdir(src, { recursive: true });
  await writeFile(path.join(root, '.catkin_workspace'), '# This file currently only serves to mark the location of a catkin workspace for tool integration\n');
  await writeFile(path.join(src, 'CMakeLists.txt'), '# toplevel CMakeLists.txt for a catkin workspace\ninclude(/opt/ros/noetic/share/catkin/cmake/toplevel.cmake)\n');
  const batch = 50;
  for (let start = 0; start < packages; start += batch) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(packages, start + batch); index++) writes.push(writePackage(src, index, linesPerFile));
    await Promise.all(writes);
  }
  return { root, packages, pythonFiles: packages * FILES_PER_PACKAGE, dispose: () => rm(root, { recursive: true, force: true }) };
}
