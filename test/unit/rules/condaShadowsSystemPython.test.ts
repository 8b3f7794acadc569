import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { condaShadowsSystemPython } from '../../../src/core/rules/condaShadowsSystemPython';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

const conda = loadProbe('conda-ros-prefix');
const condaBin = path.dirname(conda.interpreter.path);

test('warns when an activated conda env comes before /usr/bin and cannot import rospy', () => {
  const input = buildRuleInput({
    selected: loadProbe('healthy-system'),
    others: [conda],
    sources: [NODE],
    pathDirs: [condaBin, '/usr/local/bin', '/usr/bin', '/bin'],
  });
  const findings = condaShadowsSystemPython(input);
  assert.deepEqual(
    findings.map((f) => f.location?.line ?? null),
    [null, 1],
    'once for the machine, once at the /usr/bin/env shebang',
  );
  assert.equal(findings[0]?.severity, 'warning');
  assert.equal(
    findings[0]?.message,
    `conda-ros-prefix comes before /usr/bin on PATH, so python3 runs ${conda.interpreter.path}, which cannot import rospy, instead of /usr/bin/python3, which can`,
  );
  assert.equal(findings[1]?.location?.file, NODE_PATH);
  assert.deepEqual(findings[0]?.fixes.slice(0, 2), [
    { kind: 'runInTerminal', title: 'Deactivate conda in this terminal', commands: ['conda deactivate'] },
    { kind: 'runInTerminal', title: 'Stop conda activating base in new shells', commands: ['conda config --set auto_activate_base false'] },
  ]);
});

test('stays silent when /usr/bin comes first', () => {
  const input = buildRuleInput({
    selected: loadProbe('healthy-system'),
    others: [conda],
    sources: [NODE],
    pathDirs: ['/usr/bin', condaBin],
  });
  assert.deepEqual(condaShadowsSystemPython(input), []);
});
