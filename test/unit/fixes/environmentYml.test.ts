import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { condaEnvironmentFix, environmentYml } from '../../../src/core/fixes/environmentYml';
import type { RosDistro } from '../../../src/core/workspace/workspace';
import { noRos } from '../../support/ruleInputBuilder';

const noetic: RosDistro = { name: 'noetic', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'ROS_DISTRO' };
const humble: RosDistro = { name: 'humble', pythonVersion: 3, pythonMinor: 10, rosVersion: 2, evidence: 'ROS_DISTRO' };

test('puts torch, OpenCV and RoboStack ROS packages in one noetic environment', () => {
  const { name, content } = environmentYml(['torch', 'rospy', 'cv2', 'cv_bridge', 'yaml'], noetic, '/home/me/catkin_ws');
  assert.equal(name, 'ros-noetic');
  const doc = parse(content) as { name: string; channels: string[]; dependencies: string[] };
  assert.deepEqual(doc, {
    name: 'ros-noetic',
    channels: ['robostack-staging', 'conda-forge'],
    dependencies: ['python=3', 'opencv', 'ros-noetic-cv-bridge', 'ros-noetic-rospy', 'pytorch', 'pyyaml'],
  });
  assert.match(content, /RoboStack \(channel robostack-staging\): ros-noetic-cv-bridge, ros-noetic-rospy/);
  assert.match(content, /pytorch # import torch/);
});

test('pins the ROS 2 Python minor and names the environment after the workspace when the distro is not real', () => {
  assert.match(environmentYml(['rclpy'], humble, null).content, /- python=3\.10\n/);
  const debian = environmentYml(['rospy', 'numpy'], { ...noRos, name: 'Debian', pythonVersion: 3 }, '/home/me/demo_ws');
  assert.equal(debian.name, 'ros-demo_ws');
  const doc = parse(debian.content) as { channels: string[]; dependencies: string[] };
  assert.deepEqual(doc.channels, ['conda-forge']);
  assert.deepEqual(doc.dependencies, ['python=3', 'numpy']);
  assert.match(debian.content, /No conda package is known for rospy with ROS distro Debian/);
});

test('writes environment.yml at the workspace root and creates the env from it', () => {
  const fix = condaEnvironmentFix(['torch'], noetic, '/ws', '/ws');
  assert.equal(fix.kind, 'createEnvironment');
  if (fix.kind !== 'createEnvironment') return;
  assert.equal(fix.file, '/ws/environment.yml');
  assert.deepEqual(fix.commands, ['conda env create -f /ws/environment.yml']);
  assert.equal(fix.tool, 'conda');
});
