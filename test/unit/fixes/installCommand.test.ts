import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFix } from '../../../src/core/fixes/installCommand';
import type { InterpreterProbe } from '../../../src/core/probe/probeResult';
import { loadProbe } from '../../support/ruleInputBuilder';

function ok(name: string): Extract<InterpreterProbe, { kind: 'ok' }> {
  const probe = loadProbe(name);
  if (probe.kind !== 'ok') throw new Error(`${name} is ${probe.kind}`);
  return probe;
}

test("installs what Debian packages with apt into Debian's python3", () => {
  const fix = installFix(ok('healthy-system'), ['torch', 'cv2'], '/home/me/catkin ws');
  assert.deepEqual(fix, {
    kind: 'installPackages',
    title: 'Install python3-torch, python3-opencv with apt',
    interpreter: '/usr/bin/python3',
    packages: ['python3-torch', 'python3-opencv'],
    tool: 'apt',
    command: 'sudo apt-get install python3-torch python3-opencv',
  });
});

test("offers a venv with --system-site-packages instead of pip on Debian's externally managed python3, for what apt lacks", () => {
  const system = ok('healthy-system');
  assert.equal(system.facts.externallyManaged, true, 'Debian 12 marks its Python EXTERNALLY-MANAGED');
  const fix = installFix(system, ['ultralytics', 'open3d'], '/home/me/catkin ws');
  assert.deepEqual(fix, {
    kind: 'createEnvironment',
    title: 'Create a venv from /usr/bin/python3 with --system-site-packages and install ultralytics, open3d',
    tool: 'venv',
    file: '/home/me/catkin ws/requirements.txt',
    content: 'ultralytics\nopen3d\n',
    commands: [
      "/usr/bin/python3 -m venv --system-site-packages '/home/me/catkin ws/.venv'",
      "'/home/me/catkin ws/.venv/bin/python' -m pip install -r '/home/me/catkin ws/requirements.txt'",
    ],
  });
  assert.doesNotMatch(JSON.stringify(fix), /break-system-packages/);
});

test("pip-installs into a venv with the venv's own python, never its base", () => {
  const venv = ok('isolated-venv');
  const fix = installFix(venv, ['yaml', 'rospy'], null);
  assert.equal(fix?.kind, 'installPackages');
  if (fix?.kind !== 'installPackages') return;
  assert.notEqual(venv.interpreter.realPath, venv.interpreter.path);
  assert.equal(fix.command, `${venv.interpreter.path} -m pip install PyYAML`);
  assert.deepEqual(fix.packages, ['PyYAML'], 'rospy is not on PyPI');
});

test('has nothing to install when only ROS packages are missing', () => {
  assert.equal(installFix(ok('isolated-venv'), ['rospy', 'cv_bridge'], '/ws'), null);
});
