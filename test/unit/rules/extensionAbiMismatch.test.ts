import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionAbiMismatch } from '../../../src/core/rules/extensionAbiMismatch';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

const py312 = loadProbe('py312-debian-dist-packages');
const healthy = loadProbe('healthy-system');
const input = buildRuleInput({ selected: py312, sources: [NODE], others: [healthy] });
const byModule = new Map(extensionAbiMismatch(input).map((f) => [f.module, f]));

test('says cv2 here is built for cpython-311 when Python 3.12 skips the file', () => {
  const cv2 = byModule.get('cv2');
  assert.equal(cv2?.message, 'cv2 here is built for cpython-311 but py312-debian-dist-packages is Python 3.12 (cpython-312)');
  assert.deepEqual(cv2?.location, { file: NODE_PATH, line: 5, column: 7, endLine: 5, endColumn: 10 });
  assert.match(cv2?.detail ?? '', /cv2\.cpython-311-x86_64-linux-gnu\.so/);
  assert.equal(cv2?.severity, 'error');
});

test('catches cv_bridge, whose import succeeds but whose compiled part is for cpython-311', () => {
  const cvBridge = byModule.get('cv_bridge');
  assert.equal(cvBridge?.message, 'cv_bridge here is built for cpython-311 but py312-debian-dist-packages is Python 3.12 (cpython-312)');
  assert.deepEqual(
    cvBridge?.fixes.map((f) => f.kind),
    ['selectInterpreter', 'openDocs'],
    'no pip fix for a ROS package, no workspace to build in',
  );
});

test("reports torch's 'Failed to load PyTorch C extensions' with the source build for this Python", () => {
  const torch = byModule.get('torch');
  assert.match(
    torch?.message ?? '',
    /^torch here is built for another Python but py312-debian-dist-packages is Python 3\.12 \(cpython-312\) \(ImportError: Failed to load PyTorch C extensions/,
  );
  assert.deepEqual(
    torch?.fixes.map((f) => f.kind),
    ['selectInterpreter', 'buildFromSource', 'installPackages', 'openDocs'],
  );
  assert.deepEqual(torch?.fixes[0], {
    kind: 'selectInterpreter',
    title: 'Switch interpreter to /usr/bin/python3',
    path: '/usr/bin/python3',
  });
  const build = torch?.fixes[1];
  assert.equal(build?.kind === 'buildFromSource' ? build.commands.at(-1) : null, `${py312.interpreter.path} setup.py develop`);
});

test("reports numpy's missing _multiarray_umath by its real cause", () => {
  assert.match(byModule.get('numpy')?.message ?? '', /\(ImportError: No module named 'numpy\.core\._multiarray_umath'\)$/);
});

test('leaves rospy alone: it is pure Python and imports under 3.12', () => {
  assert.deepEqual([...byModule.keys()].sort(), ['cv2', 'cv_bridge', 'numpy', 'torch']);
});

test('stays silent for the healthy interpreter', () => {
  assert.deepEqual(extensionAbiMismatch(buildRuleInput({ selected: healthy, sources: [NODE] })), []);
});
