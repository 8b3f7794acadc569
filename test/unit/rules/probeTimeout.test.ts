import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probeTimeout } from '../../../src/core/rules/probeTimeout';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

test('says the interpreter hung while starting, naming sitecustomize.py and .pth files', () => {
  const hung = loadProbe('hanging-sitecustomize');
  const venv = loadProbe('system-site-venv');
  const [f, ...rest] = probeTimeout(buildRuleInput({ selected: hung, others: [venv], sources: [NODE] }));
  assert.equal(rest.length, 0);
  assert.equal(f?.code, 'probe-timeout');
  assert.equal(f?.module, null);
  assert.equal(f?.message, 'hanging-sitecustomize did not finish starting within 2 s — a sitecustomize.py or .pth file may hang');
  assert.deepEqual(f?.location, { file: NODE_PATH, line: 2, column: 7, endLine: 2, endColumn: 12 });
  assert.deepEqual(f?.fixes[0], {
    kind: 'selectInterpreter',
    title: `Switch interpreter to ${venv.interpreter.path}`,
    path: venv.interpreter.path,
  });
});

test('names the module whose import hung, at its import', () => {
  const input = buildRuleInput({
    selected: loadProbe('import-hang'),
    sources: [{ path: '/ws/n.py', text: 'import os\nimport hangmod\n' }],
  });
  const [f, ...rest] = probeTimeout(input);
  assert.equal(rest.length, 0);
  assert.equal(f?.module, 'hangmod');
  assert.equal(f?.message, 'import hangmod did not finish within 3 s in venv: venv311');
  assert.deepEqual(f?.location, { file: '/ws/n.py', line: 2, column: 7, endLine: 2, endColumn: 14 });
});

test('stays silent for the healthy interpreter', () => {
  assert.deepEqual(probeTimeout(buildRuleInput({ selected: loadProbe('healthy-system'), sources: [NODE] })), []);
});
