import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betterInterpreterAvailable } from '../../../src/core/rules/betterInterpreterAvailable';
import { buildRuleInput, loadProbe, NODE } from '../../support/ruleInputBuilder';

test('suggests the venv with system site packages when the selected pyenv 3.12 fails torch', () => {
  const venv = loadProbe('system-site-venv');
  const input = buildRuleInput({
    selected: loadProbe('py312-debian-dist-packages'),
    others: [loadProbe('isolated-venv'), venv],
    sources: [NODE],
  });
  assert.deepEqual(betterInterpreterAvailable(input), [
    {
      code: 'better-interpreter-available',
      severity: 'info',
      message:
        'system-site-venv imports every module this workspace needs, unlike the selected py312-debian-dist-packages, which fails cv2, cv_bridge, numpy, torch',
      detail: `${venv.interpreter.path}: cv2, cv_bridge, numpy, rospy, torch, yaml`,
      location: null,
      related: [],
      fixes: [
        { kind: 'selectInterpreter', title: `Switch interpreter to ${venv.interpreter.path}`, path: venv.interpreter.path },
        { kind: 'openDocs', title: 'Read about better-interpreter-available', anchor: 'better-interpreter-available' },
      ],
      interpreter: '/root/.pyenv/versions/3.12.1/bin/python3',
      module: null,
    },
  ]);
});

test('stays silent when no other interpreter does better, or the selected one is fine', () => {
  assert.deepEqual(
    betterInterpreterAvailable(
      buildRuleInput({ selected: loadProbe('py312-debian-dist-packages'), others: [loadProbe('isolated-venv')], sources: [NODE] }),
    ),
    [],
  );
  assert.deepEqual(
    betterInterpreterAvailable(
      buildRuleInput({ selected: loadProbe('healthy-system'), others: [loadProbe('system-site-venv')], sources: [NODE] }),
    ),
    [],
  );
});
