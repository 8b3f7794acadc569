// The probe runs unchanged on every Python we support and reports valid facts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEBIAN_PYTHON, jython, needs, pyenvPython, pyenvVersion, rosStack } from '../support/prerequisites';
import { baseEnv } from '../support/scenarios';
import { probeOk, realProber } from './probeSupport';

const VERSIONS = ['2.7', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];

for (const version of VERSIONS) {
  test(`pyenv Python ${version} reports its version, stdlib and sys.path, and that rospy is not installed`, async (t) => {
    if (!needs(t, pyenvVersion(version))) return;
    const python = pyenvPython(version) ?? '';
    const result = await probeOk(realProber(), python, baseEnv(), ['rospy', 'json']);
    const [major, minor] = version.split('.').map(Number);
    assert.equal(result.facts.implementation, 'cpython');
    assert.equal(result.facts.version.major, major);
    assert.equal(result.facts.version.minor, minor);
    assert.ok(result.facts.stdlibModules.includes('json'), 'json is in the standard library');
    assert.ok(result.facts.sysPath.some((entry) => entry.origin === 'stdlib' && entry.exists));
    assert.equal(result.facts.isVenv, false);
    assert.equal(result.facts.extSuffix === null, version === '2.7');
    assert.deepEqual(result.specs.rospy, { found: false, foreignExtensions: [], caseVariants: [] });
    assert.deepEqual(result.imports.rospy, { status: 'not-run', reason: 'spec-missing' });
    assert.equal(result.imports.json, undefined, 'standard library modules are not imported');
  });
}

test("Debian's python3 imports rospy, cv_bridge (with its deep checks), torch and numpy", async (t) => {
  if (!needs(t, ...rosStack)) return;
  const result = await probeOk(realProber(), DEBIAN_PYTHON, baseEnv(), ['rospy', 'cv_bridge', 'torch', 'numpy', 'Torch']);
  assert.equal(result.facts.externallyManaged, true);
  assert.equal(result.facts.soabi, 'cpython-311-x86_64-linux-gnu');
  for (const module of ['rospy', 'cv_bridge', 'torch', 'numpy']) assert.equal(result.imports[module]?.status, 'ok', module);
  const cvBridge = result.imports.cv_bridge;
  assert.deepEqual(cvBridge?.status === 'ok' && cvBridge.deepChecks.map((check) => check.target), [
    'cv_bridge.boost.cv_bridge_boost',
    'cv2',
  ]);
  const torch = result.imports.torch;
  assert.ok(torch?.status === 'ok' && torch.extensions.some((e) => e.abiTag === 'cpython-311-x86_64-linux-gnu'));
  assert.deepEqual(result.specs.Torch, { found: false, foreignExtensions: [], caseVariants: ['torch'] });
});

test('Jython reports valid facts', async (t) => {
  if (!needs(t, jython)) return;
  const result = await probeOk(realProber(), '/usr/bin/jython', baseEnv(), ['rospy'], { timeoutMs: 90000 });
  assert.equal(result.facts.implementation, 'jython');
  assert.equal(result.facts.version.major, 2);
  assert.equal(result.facts.extSuffix, null);
  assert.equal(result.specs.rospy?.found, false);
  // Its standard library lives inside jython.jar: `import os` must not look like a missing module.
  assert.ok(result.facts.stdlibModules.includes('os') && result.facts.stdlibModules.includes('json'), result.facts.stdlibModules.join(','));
});
