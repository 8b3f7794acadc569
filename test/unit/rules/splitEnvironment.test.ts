import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { splitEnvironment } from '../../../src/core/rules/splitEnvironment';
import type { RosDistro } from '../../../src/core/workspace/workspace';
import { bareWorkspace, buildRuleInput, loadProbe, NODE } from '../../support/ruleInputBuilder';

const noetic: RosDistro = { name: 'noetic', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'ROS_DISTRO=noetic' };
const source = { path: '/ws/src/demo/scripts/detect.py', text: 'import rospy\nimport torch\n' };

test('flags torch only in a conda env and rospy only in pyenv 3.12, and writes one environment.yml for both', () => {
  const conda = loadProbe('conda-torch-only');
  const py312 = loadProbe('py312-debian-dist-packages');
  const input = buildRuleInput({
    selected: py312,
    others: [conda, loadProbe('isolated-venv')],
    sources: [source],
    rosDistro: noetic,
    workspace: bareWorkspace('/ws'),
  });
  const [f, ...rest] = splitEnvironment(input);
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'error');
  assert.equal(f?.location, null);
  assert.equal(
    f?.message,
    'No interpreter imports everything this workspace needs, but together they do: py312-debian-dist-packages has rospy; conda: condatorch has torch',
  );
  assert.deepEqual(
    f?.related.map((r) => r.file),
    [py312.interpreter.path, conda.interpreter.path],
  );
  const yml = f?.fixes[0];
  if (yml?.kind !== 'createEnvironment') return assert.fail(String(yml?.kind));
  assert.equal(yml.file, '/ws/environment.yml');
  assert.deepEqual(yml.commands, ['conda env create -f /ws/environment.yml']);
  assert.deepEqual(parse(yml.content), {
    name: 'ros-noetic',
    channels: ['robostack-staging', 'conda-forge'],
    dependencies: ['python=3', 'ros-noetic-rospy', 'pytorch'],
  });
  const venv = f?.fixes[1];
  if (venv?.kind !== 'createEnvironment') return assert.fail(String(venv?.kind));
  assert.equal(venv.tool, 'venv');
  assert.equal(venv.content, 'torch\n');
  assert.equal(venv.commands[0], `${py312.interpreter.path} -m venv --system-site-packages /ws/.venv`);
});

test('stays silent when one interpreter has everything, or when nobody has torch', () => {
  assert.deepEqual(
    splitEnvironment(buildRuleInput({ selected: loadProbe('healthy-system'), others: [loadProbe('conda-torch-only')], sources: [NODE] })),
    [],
  );
  assert.deepEqual(
    splitEnvironment(
      buildRuleInput({ selected: loadProbe('py312-debian-dist-packages'), others: [loadProbe('isolated-venv')], sources: [source] }),
    ),
    [],
  );
});
