import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moduleNameCase } from '../../../src/core/rules/moduleNameCase';
import { runRules } from '../../../src/core/rules/index';
import { buildRuleInput, loadProbe } from '../../support/ruleInputBuilder';

const file = '/ws/src/demo/scripts/detect.py';

test("flags import Torch and offers to change it to 'torch'", () => {
  const input = buildRuleInput({ selected: loadProbe('healthy-system'), sources: [{ path: file, text: 'import rospy\nimport Torch\n' }] });
  const range = { file, line: 2, column: 7, endLine: 2, endColumn: 12 };
  assert.deepEqual(moduleNameCase(input), [
    {
      code: 'module-name-case',
      severity: 'error',
      message: "No module named 'Torch' in healthy-system; did you mean 'torch'?",
      detail: "No module named 'Torch'",
      location: range,
      related: [],
      fixes: [
        { kind: 'replaceText', title: "Change 'Torch' to 'torch'", range, newText: 'torch' },
        { kind: 'openDocs', title: 'Read about module-name-case', anchor: 'module-name-case' },
      ],
      interpreter: '/usr/bin/python3',
      module: 'Torch',
    },
  ]);
  assert.deepEqual(
    runRules(input).map((f) => f.code),
    ['module-name-case'],
    'not also reported as missing',
  );
});
