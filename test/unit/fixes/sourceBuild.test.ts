import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceBuildFix } from '../../../src/core/fixes/sourceBuild';
import type { InterpreterRef } from '../../../src/core/interpreters/interpreter';
import type { RosDistro } from '../../../src/core/workspace/workspace';
import { bareWorkspace, noRos } from '../../support/ruleInputBuilder';

const pyenv312: InterpreterRef = {
  path: '/root/.pyenv/versions/3.12.1/bin/python3.12',
  realPath: '/root/.pyenv/versions/3.12.1/bin/python3.12',
  kind: 'pyenv',
  source: 'selected',
  envPrefix: null,
  displayName: 'pyenv 3.12.1',
};
const noetic: RosDistro = { name: 'noetic', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'ROS_DISTRO' };

test('builds torch from source with the selected interpreter, as PyTorch documents', () => {
  const fix = sourceBuildFix(pyenv312, 'torch', null, noRos);
  if (fix?.kind !== 'buildFromSource') return assert.fail(String(fix?.kind));
  assert.equal(fix.title, 'Build torch from source for pyenv 3.12.1');
  assert.deepEqual(fix.commands, [
    'git clone --recursive https://github.com/pytorch/pytorch',
    'cd pytorch',
    '/root/.pyenv/versions/3.12.1/bin/python3.12 -m pip install -r requirements.txt',
    '/root/.pyenv/versions/3.12.1/bin/python3.12 setup.py develop',
  ]);
  assert.equal(fix.docsUrl, 'https://github.com/pytorch/pytorch#from-source');
});

test('builds cv_bridge in the catkin workspace with PYTHON_EXECUTABLE set to the selected interpreter', () => {
  const fix = sourceBuildFix(pyenv312, 'cv_bridge', bareWorkspace('/home/me/catkin ws'), noetic);
  if (fix?.kind !== 'buildFromSource') return assert.fail(String(fix?.kind));
  assert.deepEqual(fix.commands, [
    "cd '/home/me/catkin ws'",
    'git clone -b noetic https://github.com/ros-perception/vision_opencv.git src/vision_opencv',
    'catkin_make -DPYTHON_EXECUTABLE=/root/.pyenv/versions/3.12.1/bin/python3.12',
  ]);
  assert.equal(fix.docsUrl, 'http://wiki.ros.org/cv_bridge');
  const tools = sourceBuildFix(pyenv312, 'cv_bridge', { ...bareWorkspace('/ws'), kind: 'catkin_tools' }, noRos);
  if (tools?.kind !== 'buildFromSource') return assert.fail(String(tools?.kind));
  assert.ok(tools.commands.includes('catkin config -DPYTHON_EXECUTABLE=/root/.pyenv/versions/3.12.1/bin/python3.12'));
});

test('builds other packages with pip --no-binary under their PyPI name', () => {
  const fix = sourceBuildFix(pyenv312, 'cv2', null, noRos);
  if (fix?.kind !== 'buildFromSource') return assert.fail(String(fix?.kind));
  assert.deepEqual(fix.commands, ['/root/.pyenv/versions/3.12.1/bin/python3.12 -m pip install --no-binary :all: opencv-python']);
});

test('offers no generic source build for a ROS package outside a catkin workspace', () => {
  assert.equal(sourceBuildFix(pyenv312, 'cv_bridge', null, noRos), null);
});
