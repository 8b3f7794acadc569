// Each conflict of shared/SCENARIOS.md, built from real interpreters, gives the real outcome.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEBIAN_DIST_PACKAGES, needs, pyenvPython, pyenvVersion, rosStack } from '../support/prerequisites';
import { condaStyleEnv, isolatedVenv, rosPrefix, systemSiteVenv, withPythonPath } from '../support/scenarios';
import { probeOk, realProber } from './probeSupport';

test('an isolated pyenv venv finds no rospy, torch or cv_bridge', async (t) => {
  if (!needs(t, pyenvVersion('3.11'))) return;
  const venv = await isolatedVenv('3.11');
  try {
    const result = await probeOk(realProber(), venv.python, venv.env, ['rospy', 'torch', 'cv_bridge']);
    assert.equal(result.facts.isVenv, true);
    assert.equal(result.facts.prefix, venv.venv);
    for (const module of ['rospy', 'torch', 'cv_bridge'])
      assert.deepEqual(result.imports[module], { status: 'not-run', reason: 'spec-missing' }, module);
  } finally {
    await venv.cleanup();
  }
});

test('a venv with system site packages imports rospy from Debian and is not externally managed', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const venv = await systemSiteVenv();
  try {
    const result = await probeOk(realProber(), venv.python, venv.env, ['rospy']);
    assert.equal(result.facts.isVenv, true);
    assert.equal(result.facts.externallyManaged, false);
    assert.equal(result.imports.rospy?.status, 'ok');
  } finally {
    await venv.cleanup();
  }
});

test('Python 2.7 with the Python 3 ROS packages on PYTHONPATH: rospy fails with a SyntaxError in yaml, rospkg imports', async (t) => {
  if (!needs(t, pyenvVersion('2.7'), ...rosStack)) return;
  const scenario = await withPythonPath(pyenvPython('2.7') ?? '', [DEBIAN_DIST_PACKAGES]);
  const result = await probeOk(realProber(), scenario.python, scenario.env, ['rospy', 'rospkg', 'torch', 'Torch']);
  const rospy = result.imports.rospy;
  assert.equal(rospy?.status, 'error');
  if (rospy?.status !== 'error') return;
  assert.equal(rospy.exceptionType, 'SyntaxError');
  assert.equal(rospy.raisedAt?.file, `${DEBIAN_DIST_PACKAGES}/yaml/__init__.py`);
  assert.equal(result.imports.rospkg?.status, 'ok');
  assert.equal(result.imports.torch?.status === 'error' && result.imports.torch.exceptionType, 'SyntaxError');
  assert.deepEqual(result.specs.Torch, { found: false, foreignExtensions: [], caseVariants: ['torch'] });
});

test("Python 3.12 with Debian's 3.11 packages: torch, numpy and cv_bridge fail on C extensions, cv2 is skipped", async (t) => {
  if (!needs(t, pyenvVersion('3.12'), ...rosStack)) return;
  const scenario = await withPythonPath(pyenvPython('3.12') ?? '', [DEBIAN_DIST_PACKAGES]);
  const result = await probeOk(realProber(), scenario.python, scenario.env, ['rospy', 'torch', 'numpy', 'cv_bridge', 'cv2']);
  assert.equal(result.imports.rospy?.status, 'ok');
  const torch = result.imports.torch;
  assert.ok(torch?.status === 'error' && torch.message.includes('Failed to load PyTorch C extensions'), JSON.stringify(torch));
  const numpy = result.imports.numpy;
  assert.ok(numpy?.status === 'error' && numpy.message.includes('_multiarray_umath'), JSON.stringify(numpy));
  const cvBridge = result.imports.cv_bridge;
  assert.equal(cvBridge?.status === 'error' && cvBridge.stage, 'deep-check');
  assert.ok(cvBridge?.status === 'error' && cvBridge.extensions.some((e) => e.abiTag === 'cpython-311-x86_64-linux-gnu'));
  const cv2 = result.specs.cv2;
  assert.equal(cv2?.found, false);
  assert.deepEqual(cv2?.found === false && cv2.foreignExtensions, [`${DEBIAN_DIST_PACKAGES}/cv2.cpython-311-x86_64-linux-gnu.so`]);
  assert.deepEqual(result.imports.cv2, { status: 'not-run', reason: 'spec-missing' });
});

test('a conda env with the ROS prefix on PYTHONPATH: import rospy fails for want of rospkg', async (t) => {
  if (!needs(t, pyenvVersion('3.11'), ...rosStack)) return;
  const ros = await rosPrefix();
  const conda = await condaStyleEnv({ pythonPath: [ros.distPackages] });
  try {
    const result = await probeOk(realProber(), conda.python, conda.env, ['rospy', 'rospkg']);
    assert.equal(result.facts.isConda, true);
    assert.equal(result.facts.pythonPathEnv, ros.distPackages);
    assert.ok(result.facts.sysPath.some((entry) => entry.path === ros.distPackages && entry.origin === 'pythonpath'));
    const rospy = result.imports.rospy;
    assert.equal(rospy?.status, 'error');
    assert.equal(rospy?.status === 'error' && rospy.missingName, 'rospkg');
    assert.match(rospy?.status === 'error' ? (rospy.raisedAt?.file ?? '') : '', /roslib\/launcher\.py$/);
    assert.deepEqual(result.imports.rospkg, { status: 'not-run', reason: 'spec-missing' });
  } finally {
    await conda.cleanup();
    await ros.cleanup();
  }
});
