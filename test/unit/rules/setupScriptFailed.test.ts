import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setupScriptFailed } from '../../../src/core/rules/setupScriptFailed';
import { buildRuleInput, loadProbe, NODE } from '../../support/ruleInputBuilder';

test('warns that sourcing devel/setup.bash failed, with the shell message as detail', () => {
  const script = '/ws/devel/setup.bash';
  const detail = '/ws/devel/setup.bash: line 8: /opt/ros/noetic/setup.sh: No such file or directory';
  const input = buildRuleInput({
    selected: loadProbe('healthy-system'),
    sources: [NODE],
    environment: { kind: 'failed', script, shell: '/bin/bash', detail, vars: {} },
  });
  assert.deepEqual(setupScriptFailed(input), [
    {
      code: 'setup-script-failed',
      severity: 'warning',
      message: 'Sourcing /ws/devel/setup.bash in /bin/bash failed, so imports were checked without the ROS environment',
      detail,
      location: null,
      related: [{ message: 'the setup script that failed', file: script, range: null }],
      fixes: [
        { kind: 'runInTerminal', title: 'Source /ws/devel/setup.bash to see the error', commands: ['source /ws/devel/setup.bash'] },
        { kind: 'openDocs', title: 'Read about setup-script-failed', anchor: 'setup-script-failed' },
      ],
      interpreter: null,
      module: null,
    },
  ]);
});

test('stays silent when sourcing worked', () => {
  const input = buildRuleInput({
    selected: loadProbe('healthy-system'),
    sources: [NODE],
    environment: { kind: 'sourced', scripts: ['/ws/devel/setup.bash'], shell: '/bin/bash', vars: {} },
  });
  assert.deepEqual(setupScriptFailed(input), []);
});
