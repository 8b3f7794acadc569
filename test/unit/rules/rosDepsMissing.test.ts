import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rosDepsMissing } from '../../../src/core/rules/rosDepsMissing';
import { runRules } from '../../../src/core/rules/index';
import { moduleVerdict } from '../../../src/core/rules/moduleVerdict';
import type { OkProbe } from '../../../src/core/rules/probeFacts';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

/** Debian's /usr/bin/python3 as recorded (rospy, rospkg, catkin_pkg, yaml found; netifaces not), also without Crypto. */
function systemWithoutNetifacesAndCrypto(): OkProbe {
  const probe = loadProbe('healthy-system');
  assert.equal(probe.kind, 'ok');
  if (probe.kind !== 'ok') throw new Error('unreachable');
  const missing = probe.specs.netifaces;
  assert.equal(missing?.found, false, 'the recording has no netifaces');
  if (missing === undefined) throw new Error('unreachable');
  for (const found of ['rospy', 'rospkg', 'catkin_pkg', 'yaml']) assert.equal(probe.specs[found]?.found, true, found);
  return { ...probe, specs: { ...probe.specs, Crypto: missing } };
}

test('flags import rospy in a conda env with ROS on PYTHONPATH but no rospkg, and installs the ROS Python deps with conda', () => {
  const conda = loadProbe('conda-ros-prefix');
  const input = buildRuleInput({ selected: conda, sources: [NODE] });
  const findings = rosDepsMissing(input);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(
    f?.message,
    "import rospy fails in conda-ros-prefix because rospkg is missing (ModuleNotFoundError: No module named 'rospkg')",
  );
  assert.deepEqual(f?.location, { file: NODE_PATH, line: 2, column: 7, endLine: 2, endColumn: 12 });
  assert.match(f?.detail ?? '', /roslib\/launcher\.py/);
  // empy is genmsg's, at build time (the build interpreter's concern): rospy's import never loads it.
  const packages = ['rospkg', 'catkin_pkg', 'netifaces'];
  assert.deepEqual(f?.fixes[0], {
    kind: 'installPackages',
    title: `Install ${packages.join(', ')} into conda-ros-prefix`,
    interpreter: conda.interpreter.path,
    packages,
    tool: 'conda',
    command: `conda install -p ${conda.interpreter.envPrefix} -c conda-forge ${packages.join(' ')}`,
  });
  assert.equal(runRules(input).filter((x) => x.module === 'rospy').length, 1, 'rospy gets this finding and no other');
});

test('blames no dependency for a SyntaxError under Python 2.7', () => {
  assert.deepEqual(rosDepsMissing(buildRuleInput({ selected: loadProbe('py27-debian-dist-packages'), sources: [NODE] })), []);
});

test('stays silent for the healthy interpreter', () => {
  assert.deepEqual(rosDepsMissing(buildRuleInput({ selected: loadProbe('healthy-system'), sources: [NODE] })), []);
});

test('the quick answer and the import agree that rospy imports without netifaces and Crypto', () => {
  const full = systemWithoutNetifacesAndCrypto();
  const specOnly: OkProbe = { ...full, imports: {} };
  assert.equal(full.imports.rospy?.status, 'ok', 'the recorded import of rospy worked');
  assert.deepEqual(moduleVerdict(full, 'rospy'), { kind: 'ok' });
  assert.deepEqual(moduleVerdict(specOnly, 'rospy'), moduleVerdict(full, 'rospy'));
  assert.deepEqual(rosDepsMissing(buildRuleInput({ selected: specOnly, sources: [NODE] })), []);
  assert.deepEqual(rosDepsMissing(buildRuleInput({ selected: full, sources: [NODE] })), []);
});

test('the quick answer still says rospy fails when rospkg, which its import loads, is missing', () => {
  const full = systemWithoutNetifacesAndCrypto();
  const missing = full.specs.netifaces;
  if (missing === undefined) throw new Error('unreachable');
  const specOnly: OkProbe = { ...full, imports: {}, specs: { ...full.specs, rospkg: missing } };
  assert.deepEqual(moduleVerdict(specOnly, 'rospy'), {
    kind: 'ros-deps',
    dependency: 'rospkg',
    error: "No module named 'rospkg'",
    detail: null,
  });
});
