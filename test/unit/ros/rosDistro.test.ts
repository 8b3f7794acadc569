import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DISTROS } from '../../../src/core/ros/distros';
import { rosDistroFrom } from '../../../src/core/ros/rosDistro';
import type { Workspace } from '../../../src/core/workspace/workspace';

const colcon: Workspace = {
  root: '/ws',
  kind: 'colcon',
  packages: [
    {
      name: 'p',
      path: '/ws/src/p',
      manifestPath: '/ws/src/p/package.xml',
      format: 3,
      buildType: 'ament_python',
      dependencies: [],
      pythonModules: ['p'],
    },
  ],
  pythonSources: [],
  setupScripts: [],
  relays: [],
};

test('a sourced noetic environment says ROS 1 on Python 3', () => {
  const distro = rosDistroFrom({ ROS_DISTRO: 'noetic', ROS_VERSION: '1', ROS_PYTHON_VERSION: '3' }, null, []);
  assert.deepEqual(
    { ...distro, evidence: undefined },
    { name: 'noetic', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: undefined },
  );
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

test('ROS 2 distros pin the Ubuntu Python minor, end-of-life ones included', () => {
  const minors: Record<string, number | null> = {
    ardent: 5,
    dashing: 6,
    foxy: 8,
    galactic: 8,
    humble: 10,
    iron: 10,
    jazzy: 12,
    kilted: 12,
    lyrical: 14,
    rolling: 14,
  };
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
  assert.equal(Object.keys(DISTROS).includes('future'), false);
});

test("RoboStack's humble is built for Python 3.11: the ABI tag of rclpy's compiled module beats the table's 3.10", () => {
  const distro = rosDistroFrom(
    { ROS_DISTRO: 'humble', ROS_VERSION: '2' },
    null,
    [],
    [{ module: 'rclpy', file: 'cpython-311-x86_64-linux-gnu' }],
  );
  assert.deepEqual([distro.pythonVersion, distro.pythonMinor], [3, 11]);
  assert.match(distro.evidence, /rclpy's compiled module is built for Python 3\.11/);
});

test('a foreign extension file name counts as evidence too; files that disagree leave the table in charge', () => {
  const skipped = rosDistroFrom(
    { ROS_DISTRO: 'jazzy' },
    null,
    [],
    [
      {
        module: 'cv_bridge',
        file: '/opt/ros/jazzy/lib/python3.12/site-packages/cv_bridge/boost/cv_bridge_boost.cpython-312-x86_64-linux-gnu.so',
      },
    ],
  );
  assert.equal(skipped.pythonMinor, 12);
  const mixed = rosDistroFrom(
    { ROS_DISTRO: 'humble' },
    null,
    [],
    [
      { module: 'rclpy', file: 'cpython-311-x86_64-linux-gnu' },
      { module: 'rclpy', file: 'cpython-310-x86_64-linux-gnu' },
    ],
  );
  assert.equal(mixed.pythonMinor, 10);
});

test('the /opt/ros listing is of distro names: a lone jazzy there is ROS 2 on Python 3.12', () => {
  const distro = rosDistroFrom({}, null, ['jazzy']);
  assert.deepEqual([distro.name, distro.rosVersion, distro.pythonVersion, distro.pythonMinor], ['jazzy', 2, 3, 12]);
  assert.match(distro.evidence, /^\/opt\/ros\/jazzy is the only ROS installed/);
});
