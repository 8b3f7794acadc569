import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KNOWN_DISTROS, rosDistroFrom } from '../../../src/core/workspace/rosDistro';
import type { Workspace } from '../../../src/core/workspace/workspace';

const colcon: Workspace = {
  root: '/ws',
  kind: 'colcon',
  packages: [{ name: 'p', path: '/ws/src/p', manifestPath: '/ws/src/p/package.xml', format: 3, buildType: 'ament_python', dependencies: [], pythonModules: ['p'] }],
  pythonSources: [],
  setupScripts: [],
  relays: [],
};

test('a sourced noetic environment says ROS 1 on Python 3', () => {
  const distro = rosDistroFrom({ ROS_DISTRO: 'noetic', ROS_VERSION: '1', ROS_PYTHON_VERSION: '3' }, null, []);
  assert.deepEqual({ ...distro, evidence: undefined }, { name: 'noetic', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: undefined });
  assert.match(distro.evidence, /ROS_DISTRO=noetic/);
});

test('melodic and older are Python 2 even when only /opt/ros tells the distro', () => {
  for (const name of ['kinetic', 'melodic', 'indigo', 'boxturtle']) {
    const distro = rosDistroFrom({}, null, [name]);
    assert.equal(distro.name, name);
    assert.equal(distro.pythonVersion, 2, name);
    assert.equal(distro.rosVersion, 1, name);
    assert.match(distro.evidence, new RegExp(`/opt/ros/${name}`));
  }
});

test('ROS 2 distros pin the Ubuntu Python minor where there is one', () => {
  const minors: Record<string, number | null> = { foxy: 8, galactic: 8, humble: 10, iron: 10, jazzy: 12, rolling: null, kilted: null, dashing: null };
  for (const [name, minor] of Object.entries(minors)) {
    const distro = rosDistroFrom({ ROS_DISTRO: name }, null, []);
    assert.deepEqual([distro.rosVersion, distro.pythonVersion, distro.pythonMinor], [2, 3, minor], name);
  }
});

test('ROS_PYTHON_VERSION wins over the table, and then no table minor is claimed', () => {
  const distro = rosDistroFrom({ ROS_DISTRO: 'melodic', ROS_PYTHON_VERSION: '3' }, null, []);
  assert.equal(distro.pythonVersion, 3);
  assert.equal(distro.pythonMinor, null);
  assert.match(distro.evidence, /ROS_PYTHON_VERSION=3/);
});

test("Debian's own ROS packages (ROS_DISTRO=Debian) are ROS 1 on the system Python 3", () => {
  const distro = rosDistroFrom({ ROS_DISTRO: 'Debian', ROS_VERSION: '1', ROS_PYTHON_VERSION: '3' }, null, []);
  assert.deepEqual([distro.name, distro.rosVersion, distro.pythonVersion], ['Debian', 1, 3]);
  assert.equal(rosDistroFrom({ ROS_DISTRO: 'Debian' }, null, []).pythonVersion, 3);
});

test('several /opt/ros installs and no ROS_DISTRO: no distro is guessed, the workspace still says ROS 2', () => {
  const distro = rosDistroFrom({}, colcon, ['humble', 'jazzy']);
  assert.equal(distro.name, null);
  assert.equal(distro.pythonVersion, null);
  assert.equal(distro.rosVersion, 2);
  assert.match(distro.evidence, /humble, jazzy/);
});

test('nothing known at all', () => {
  const distro = rosDistroFrom({}, null, []);
  assert.deepEqual([distro.name, distro.pythonVersion, distro.pythonMinor, distro.rosVersion], [null, null, null, null]);
  assert.ok(distro.evidence.length > 0);
});

test('an unknown distro name from the environment is kept, with no invented facts', () => {
  const distro = rosDistroFrom({ ROS_DISTRO: 'future' }, null, []);
  assert.deepEqual([distro.name, distro.pythonVersion, distro.rosVersion], ['future', null, null]);
  assert.equal(Object.keys(KNOWN_DISTROS).includes('future'), false);
});
