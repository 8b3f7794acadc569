import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, runRules } from '../../../src/core/rules/index';
import { FINDING_CODES } from '../../../src/core/findings/finding';
import { buildRuleInput, loadProbe, NODE } from '../../support/ruleInputBuilder';

const everyone = [
  'isolated-venv',
  'system-site-venv',
  'py27-debian-dist-packages',
  'py38-debian-dist-packages',
  'py312-debian-dist-packages',
  'conda-ros-prefix',
  'conda-torch-only',
  'jython',
  'hostile-fake-version',
];

test('reports nothing when the selected Debian python3 imports the whole node', () => {
  const input = buildRuleInput({ selected: loadProbe('healthy-system'), sources: [NODE], others: everyone.map((n) => loadProbe(n)) });
  assert.deepEqual([...input.modules.keys()].sort(), ['cv2', 'cv_bridge', 'numpy', 'rospy', 'torch', 'yaml']);
  assert.deepEqual(runRules(input), []);
});

test('lists findings by file and line with unlocated ones last, without duplicates', () => {
  const input = buildRuleInput({ selected: loadProbe('isolated-venv'), sources: [NODE], others: [loadProbe('healthy-system')] });
  const findings = runRules(input, [...allRules, ...allRules]);
  const lines = findings.map((f) => f.location?.line ?? Infinity);
  assert.deepEqual(
    lines,
    [...lines].sort((a, b) => a - b),
  );
  assert.equal(new Set(findings.map((f) => JSON.stringify(f))).size, findings.length);
  assert.equal(findings.at(-1)?.code, 'better-interpreter-available');
  assert.equal(findings.length, 7, 'six missing modules and one better interpreter');
});

test('every finding offers the README section of its code last', () => {
  const input = buildRuleInput({
    selected: loadProbe('py312-debian-dist-packages'),
    sources: [NODE],
    others: [loadProbe('healthy-system')],
  });
  const findings = runRules(input);
  assert.ok(findings.length > 0);
  for (const f of findings) {
    assert.ok(FINDING_CODES.includes(f.code));
    assert.deepEqual(f.fixes.at(-1), { kind: 'openDocs', title: `Read about ${f.code}`, anchor: f.code });
  }
});

test('reports nothing for the sourced system python nor a venv with system site packages', () => {
  for (const name of ['healthy-system-sourced', 'system-site-venv']) {
    const input = buildRuleInput({ selected: loadProbe(name), sources: [NODE], others: everyone.map((n) => loadProbe(n)) });
    assert.deepEqual(runRules(input), [], name);
  }
});
