import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rosEnvNotSourced } from '../../../src/core/rules/rosEnvNotSourced';
import { runRules } from '../../../src/core/rules/index';
import { bareWorkspace, buildRuleInput, loadProbe } from '../../support/ruleInputBuilder';

const file = '/ws/src/demo/scripts/talker.py';
const source = { path: file, text: '#!/usr/bin/env python3\nimport rospy\n' };
const devel = '/ws/devel/setup.bash';

test('warns that rospy imports only after sourcing devel/setup.bash, and offers to source it', () => {
  const input = buildRuleInput({
    selected: loadProbe('venv311-sourced'),
    selectedPlain: loadProbe('venv311-plain'),
    sources: [source],
    workspace: bareWorkspace('/ws', [{ path: devel, kind: 'devel' }]),
    environment: { kind: 'sourced', scripts: ['/opt/ros/noetic/setup.bash', devel], shell: '/bin/bash', vars: {} },
  });
  const findings = rosEnvNotSourced(input);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.severity, 'warning');
  assert.equal(
    findings[0]?.message,
    'rospy imports in venv: venv311 only after sourcing devel/setup.bash; a terminal or launch configuration without it fails',
  );
  assert.deepEqual(findings[0]?.location, { file, line: 2, column: 7, endLine: 2, endColumn: 12 });
  assert.deepEqual(findings[0]?.fixes[0], {
    kind: 'runInTerminal',
    title: 'Source devel/setup.bash',
    commands: ['source /ws/devel/setup.bash'],
  });
});

test('reports a missing rospy as not sourced, not as missing, when nothing was sourced and the workspace has a setup script', () => {
  const input = buildRuleInput({
    selected: loadProbe('venv311-plain'),
    sources: [source],
    workspace: bareWorkspace('/ws', [{ path: devel, kind: 'devel' }]),
    environment: { kind: 'plain', reason: 'disabled', vars: {} },
  });
  const findings = runRules(input);
  assert.deepEqual(
    findings.map((f) => f.code),
    ['ros-env-not-sourced'],
  );
  assert.equal(findings[0]?.message, 'rospy is missing in venv: venv311 because devel/setup.bash is not sourced');
});

test('stays silent when rospy imports with and without sourcing', () => {
  const healthy = loadProbe('healthy-system');
  const input = buildRuleInput({
    selected: loadProbe('healthy-system-sourced'),
    selectedPlain: healthy,
    sources: [source],
    environment: { kind: 'sourced', scripts: [devel], shell: '/bin/bash', vars: {} },
  });
  assert.deepEqual(rosEnvNotSourced(input), []);
});

test('with a devel_isolated and an install space, the user is told to source the devel_isolated one: the script auto sourcing picks', () => {
  const input = buildRuleInput({
    selected: loadProbe('venv311-plain'),
    sources: [source],
    workspace: bareWorkspace('/ws', [
      { path: '/ws/install/setup.bash', kind: 'install' },
      { path: '/ws/devel_isolated/setup.bash', kind: 'devel_isolated' },
    ]),
    environment: { kind: 'plain', reason: 'disabled', vars: {} },
  });
  const findings = rosEnvNotSourced(input);
  assert.equal(findings[0]?.message, 'rospy is missing in venv: venv311 because devel_isolated/setup.bash is not sourced');
});
