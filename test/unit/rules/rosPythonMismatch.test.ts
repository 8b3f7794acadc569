import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rosPythonMismatch } from '../../../src/core/rules/rosPythonMismatch';
import type { RosDistro } from '../../../src/core/workspace/workspace';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

const noetic: RosDistro = { name: 'noetic', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'ROS_PYTHON_VERSION=3' };
const humble: RosDistro = { name: 'humble', pythonVersion: 3, pythonMinor: 10, rosVersion: 2, evidence: 'ROS_DISTRO=humble' };

test('flags each ROS import when ROS noetic (Python 3) meets Python 2.7', () => {
  const input = buildRuleInput({
    selected: loadProbe('py27-debian-dist-packages'),
    sources: [NODE],
    rosDistro: noetic,
    others: [loadProbe('healthy-system')],
  });
  const findings = rosPythonMismatch(input);
  assert.deepEqual(
    findings.map((f) => [f.location?.line, f.location?.column]),
    [
      [4, 5],
      [2, 7],
    ],
    'cv_bridge and rospy, not torch',
  );
  assert.equal(findings[0]?.message, 'ROS noetic is built for Python 3 but py27-debian-dist-packages is Python 2.7');
  assert.equal(findings[0]?.location?.file, NODE_PATH);
  assert.deepEqual(findings[0]?.fixes[0], {
    kind: 'selectInterpreter',
    title: 'Switch interpreter to /usr/bin/python3',
    path: '/usr/bin/python3',
  });
});

test('checks the minor version for ROS 2 (humble pins Python 3.10)', () => {
  const input = buildRuleInput({ selected: loadProbe('py312-debian-dist-packages'), sources: [NODE], rosDistro: humble });
  assert.equal(rosPythonMismatch(input)[0]?.message, 'ROS humble is built for Python 3.10 but py312-debian-dist-packages is Python 3.12');
});

test('stays silent when the Python matches', () => {
  assert.deepEqual(rosPythonMismatch(buildRuleInput({ selected: loadProbe('healthy-system'), sources: [NODE], rosDistro: noetic })), []);
});
