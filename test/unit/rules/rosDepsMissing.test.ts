import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rosDepsMissing } from '../../../src/core/rules/rosDepsMissing';
import { runRules } from '../../../src/core/rules/index';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

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
  const packages = ['rospkg', 'catkin_pkg', 'netifaces', 'empy=3.3.4'];
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
