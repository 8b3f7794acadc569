import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rosStartDepsMissing } from '../../../src/core/rules/rosStartDepsMissing';
import { runRules } from '../../../src/core/rules/index';
import { groupCauses } from '../../../src/core/present/causes';
import type { CapturedEnvironment } from '../../../src/core/engine/environment';
import type { OkProbe } from '../../../src/core/rules/probeFacts';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

/** Debian's /usr/bin/python3 as recorded: rospy imports, netifaces is not installed. */
function system(): OkProbe {
  const probe = loadProbe('healthy-system');
  if (probe.kind !== 'ok') throw new Error('healthy-system is an ok probe');
  assert.equal(probe.specs.netifaces?.found, false, 'the recording has no netifaces');
  return probe;
}

const TODO = 'Install python3-netifaces with apt, or set ROS_IP or ROS_HOSTNAME';
const MESSAGE = `rospy.init_node fails in healthy-system on this machine (host name localhost), because netifaces is missing. ${TODO}`;

test('warns once, on import rospy, that rospy.init_node fails on a host named localhost, with apt install for the system Python', () => {
  const findings = rosStartDepsMissing(buildRuleInput({ selected: system(), sources: [NODE], hostName: 'localhost' }));
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f?.code, 'ros-start-deps-missing');
  assert.equal(f?.severity, 'warning');
  assert.equal(f?.message, MESSAGE);
  assert.deepEqual(f?.location, { file: NODE_PATH, line: 2, column: 7, endLine: 2, endColumn: 12 });
  assert.deepEqual(f?.fixes[0], {
    kind: 'installPackages',
    title: 'Install python3-netifaces with apt',
    interpreter: '/usr/bin/python3',
    packages: ['python3-netifaces'],
    tool: 'apt',
    command: 'sudo apt-get install python3-netifaces',
  });
});

test('the quick answer (specs only) and the full import give rospy the same one finding', () => {
  const full = system();
  const quick: OkProbe = { ...full, imports: {} };
  const rospy = (probe: OkProbe) =>
    runRules(buildRuleInput({ selected: probe, sources: [NODE], hostName: 'localhost' }))
      .filter((f) => f.module === 'rospy')
      .map((f) => [f.code, f.severity, f.message]);
  assert.deepEqual(rospy(quick), [['ros-start-deps-missing', 'warning', MESSAGE]]);
  assert.deepEqual(rospy(quick), rospy(full));
});

test('says nothing on a machine with a real host name: init_node never imports netifaces there', () => {
  for (const hostName of ['vm', 'robot-7.lab']) {
    assert.deepEqual(rosStartDepsMissing(buildRuleInput({ selected: system(), sources: [NODE], hostName })), [], hostName);
  }
});

test('notes, without knowing the host name, when init_node would fail', () => {
  const findings = rosStartDepsMissing(buildRuleInput({ selected: system(), sources: [NODE], hostName: null }));
  assert.deepEqual(
    findings.map((f) => [f.severity, f.message]),
    [['info', `rospy.init_node fails in healthy-system when this machine's host name is localhost, because netifaces is missing. ${TODO}`]],
  );
  const empty = rosStartDepsMissing(buildRuleInput({ selected: system(), sources: [NODE], hostName: '' }));
  assert.match(empty[0]?.message ?? '', /on this machine, which has no host name, because netifaces is missing/);
});

test('says nothing when the node environment sets ROS_IP or ROS_HOSTNAME', () => {
  for (const name of ['ROS_IP', 'ROS_HOSTNAME']) {
    const environment: CapturedEnvironment = { kind: 'plain', reason: 'no-setup-script', vars: { [name]: '127.0.0.1' } };
    const input = buildRuleInput({ selected: system(), sources: [NODE], environment, hostName: 'localhost' });
    assert.deepEqual(rosStartDepsMissing(input), [], name);
  }
});

test('says nothing when netifaces is installed', () => {
  const probe = system();
  const found = probe.specs.rospy;
  if (found === undefined) throw new Error('rospy has a spec');
  const withNetifaces: OkProbe = { ...probe, specs: { ...probe.specs, netifaces: found } };
  assert.deepEqual(rosStartDepsMissing(buildRuleInput({ selected: withNetifaces, sources: [NODE], hostName: 'localhost' })), []);
});

test('leaves a failing import rospy to ros-deps-missing, whose install already has netifaces', () => {
  const input = buildRuleInput({ selected: loadProbe('conda-ros-prefix'), sources: [NODE], hostName: 'localhost' });
  assert.deepEqual(rosStartDepsMissing(input), []);
  const rospy = runRules(input).filter((f) => f.module === 'rospy');
  assert.deepEqual(
    rospy.map((f) => f.code),
    ['ros-deps-missing'],
  );
  const install = rospy[0]?.fixes[0];
  assert.ok(install?.kind === 'installPackages' && install.packages.includes('netifaces'), JSON.stringify(install));
});

test('a guarded import rospy gets at most a note, and roslib none', () => {
  const text = ['try:', '    import rospy', 'except ImportError:', '    rospy = None', 'import roslib', ''].join('\n');
  const input = buildRuleInput({ selected: system(), sources: [{ path: NODE_PATH, text }], hostName: 'localhost' });
  const findings = rosStartDepsMissing(input);
  assert.deepEqual(
    findings.map((f) => [f.module, f.severity, f.location?.line]),
    [['rospy', 'info', 2]],
  );
});

test('two nodes importing rospy read as one cause that says what to do once', () => {
  const other = { path: '/ws/src/demo/scripts/talker.py', text: 'import rospy\n', packageName: 'demo' };
  const findings = runRules(buildRuleInput({ selected: system(), sources: [NODE, other], hostName: 'localhost' }));
  const causes = groupCauses(findings, { isOptionalSite: () => false, interpreterName: (path) => path });
  assert.deepEqual(
    causes.map((c) => [c.code, c.severity, c.message, c.locations.map((l) => `${l.file}:${l.line}`)]),
    [['ros-start-deps-missing', 'warning', `${MESSAGE}.`, [`${NODE_PATH}:2`, `${other.path}:1`]]],
  );
  assert.deepEqual(
    causes[0]?.fixes.map((f) => f.title),
    ['Install python3-netifaces with apt', "Ignore module 'rospy' in this workspace", 'Read about ros-start-deps-missing'],
  );
});
