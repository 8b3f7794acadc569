import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpreterInvalid } from '../../../src/core/rules/interpreterInvalid';
import { runRules } from '../../../src/core/rules/index';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

const second = { path: '/ws/src/demo/scripts/listener.py', text: '#!/usr/bin/env python3\n"""Listens."""\n\nimport yaml\nimport rospy\n' };

for (const name of [
  'hostile-exits-127',
  'hostile-fake-version',
  'hostile-not-executable',
  'hostile-directory',
  'hostile-dangling-link',
  'hostile-truncated-elf',
  'hostile-bad-shebang',
]) {
  test(`says the selected ${name} cannot run Python, at the first import of each file`, () => {
    const probe = loadProbe(name);
    if (probe.kind !== 'invalid') return assert.fail(probe.kind);
    const venv = loadProbe('system-site-venv');
    const input = buildRuleInput({ selected: probe, others: [loadProbe('isolated-venv'), venv], sources: [NODE, second] });
    const findings = interpreterInvalid(input);
    assert.deepEqual(
      findings.map((f) => [f.location?.file, f.location?.line]),
      [
        [NODE_PATH, 2],
        [second.path, 4],
      ],
    );
    assert.equal(findings[0]?.message, `The selected interpreter ${name} cannot run Python (${probe.detail})`);
    assert.deepEqual(findings[0]?.fixes[0], {
      kind: 'selectInterpreter',
      title: `Switch interpreter to ${venv.interpreter.path}`,
      path: venv.interpreter.path,
    });
    assert.deepEqual([...new Set(runRules(input).map((f) => f.code))], ['interpreter-invalid'], 'nothing else is judged');
  });
}

test('puts an interpreter-wide finding at the first unguarded import, at full severity', () => {
  const guarded = { path: '/ws/g.py', text: 'try:\n    import torch\nexcept ImportError:\n    torch = None\nimport rospy\n' };
  const findings = interpreterInvalid(buildRuleInput({ selected: loadProbe('hostile-directory'), sources: [guarded] }));
  assert.deepEqual(
    findings.map((f) => [f.location?.line, f.severity]),
    [[5, 'error']],
  );
  const onlyGuarded = { path: '/ws/h.py', text: 'try:\n    import torch\nexcept ImportError:\n    pass\n' };
  assert.deepEqual(
    interpreterInvalid(buildRuleInput({ selected: loadProbe('hostile-directory'), sources: [onlyGuarded] })).map((f) => f.severity),
    ['info'],
  );
});
