import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siblingModuleNames, workspaceModuleNames } from '../../../src/core/scan/moduleClassifier';
import type { Workspace } from '../../../src/core/workspace/workspace';

test('a helper .py or compiled module next to a script is local, a plain folder is not', () => {
  const siblings = siblingModuleNames(
    [
      { name: 'helper.py', kind: 'file' },
      { name: 'fastmath.cpython-311-x86_64-linux-gnu.so', kind: 'file' },
      { name: 'launch', kind: 'directory' },
      { name: 'utils', kind: 'directory' },
      { name: 'README.md', kind: 'file' },
      { name: 'my-script.py', kind: 'file' },
    ],
    new Set(['utils']),
  );
  assert.deepEqual([...siblings].sort(), ['fastmath', 'helper', 'utils']);
});

test('modules of any workspace package are local; torch is not', () => {
  const workspace: Workspace = {
    root: '/ws',
    kind: 'catkin_make',
    packages: [
      {
        name: 'perception_demo',
        path: '/ws/src/perception_demo',
        manifestPath: '/ws/src/perception_demo/package.xml',
        format: 2,
        buildType: 'catkin',
        dependencies: [],
        pythonModules: ['perception_demo'],
      },
      {
        name: 'tools',
        path: '/ws/src/tools',
        manifestPath: '/ws/src/tools/package.xml',
        format: 2,
        buildType: 'catkin',
        dependencies: [],
        pythonModules: ['tools_lib', 'tools_extra'],
      },
    ],
    pythonSources: [],
    setupScripts: [],
    relays: [],
  };
  const local = workspaceModuleNames(workspace);
  assert.deepEqual([...local].sort(), ['perception_demo', 'tools_extra', 'tools_lib']);
  assert.equal(local.has('torch'), false);
  assert.equal(workspaceModuleNames(null).size, 0);
});
