import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rosEnvNotSourced } from '../../../src/core/rules/rosEnvNotSourced';
import { runRules } from '../../../src/core/rules/index';
import { bareWorkspace, buildRuleInput, loadProbe } from '../../support/ruleInputBuilder';
import type { LaunchCheck } from '../../../src/core/launch/probeLaunchPaths';
import { NO_LAUNCH_FACTS } from '../../../src/core/launch/launchFacts';
import type { RuleInput } from '../../../src/core/rules/ruleInput';

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

// ROS 2: `ros2 run` of a colcon entry point whose package metadata the runner cannot find (what the probe reported).
const installSetup = '/ws/install/setup.bash';
const entry = '/ws/install/demo_py/lib/demo_py/node';
const nodeSource = '/ws/src/demo_py/demo_py/node.py';
const declaredAt = { file: '/ws/src/demo_py/setup.py', line: 17, column: 13, endLine: 17, endColumn: 38 };

function entryPointInput(metadata: LaunchCheck['metadata'], environment: RuleInput['environment']): RuleInput {
  const selected = loadProbe('healthy-system');
  const check: LaunchCheck = {
    path: {
      kind: 'ros2-run',
      file: nodeSource,
      packageName: 'demo_py',
      command: 'ros2 run demo_py node',
      script: entry,
      shebang: { text: '/usr/bin/python3', command: '/usr/bin/python3', viaEnv: false, length: 18 },
      runner: { kind: 'interpreter', path: '/usr/bin/python3' },
      environment: { overrides: {} },
      declaredAt,
      distribution: 'demo-py',
    },
    files: [nodeSource],
    modules: [],
    interpreter: selected.interpreter,
    probe: selected,
    sameAsSelected: true,
    metadata,
  };
  const base = buildRuleInput({
    selected,
    sources: [{ path: nodeSource, text: 'def main():\n    pass\n' }],
    workspace: bareWorkspace('/ws', [{ path: installSetup, kind: 'install' }]),
    environment,
  });
  return { ...base, launch: { ...NO_LAUNCH_FACTS, checks: [check] } };
}

test('ros2 run whose entry point finds no package metadata (workspace not sourced): on its setup.py line, saying to source install/setup.bash', () => {
  const findings = rosEnvNotSourced(
    entryPointInput(
      { found: false, message: 'No package metadata was found for demo-py' },
      { kind: 'plain', reason: 'disabled', vars: {} },
    ),
  );
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.equal(finding?.code, 'ros-env-not-sourced');
  assert.equal(
    finding?.message,
    '"ros2 run demo_py node" fails in /usr/bin/python3 before the node starts, with PackageNotFoundError for demo-py, because install/setup.bash is not sourced; source install/setup.bash first',
  );
  assert.match(finding?.detail ?? '', /^importlib\.metadata\.PackageNotFoundError: No package metadata was found for demo-py/);
  assert.deepEqual(finding?.location, declaredAt);
  assert.deepEqual(finding?.fixes[0], { kind: 'runInTerminal', title: 'Source install/setup.bash', commands: [`source ${installSetup}`] });
  assert.deepEqual(
    finding?.related.map((r) => r.file),
    [entry, installSetup],
  );
});

test('no PackageNotFoundError finding when the metadata is found, when install/setup.bash was sourced, or before Python 3.8', () => {
  const plain = { kind: 'plain', reason: 'disabled', vars: {} } as const;
  const sourced = { kind: 'sourced', scripts: [installSetup], shell: '/bin/bash', vars: {} } as const;
  const notFound = { found: false, message: 'No package metadata was found for demo-py' } as const;
  assert.deepEqual(rosEnvNotSourced(entryPointInput({ found: true, version: '0.1.0' }, plain)), []);
  assert.deepEqual(rosEnvNotSourced(entryPointInput(notFound, sourced)), []);
  assert.deepEqual(rosEnvNotSourced(entryPointInput({ found: 'not-applicable' }, plain)), []);
  assert.deepEqual(rosEnvNotSourced(entryPointInput(null, plain)), []);
});
