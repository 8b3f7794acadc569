// Every rule's fixes, for a matrix of environment managers: none offers apt for an interpreter apt does not manage,
// none pip-installs into a PEP 668 Python unless it is the labelled opt-in, and each manager gets its own tool.
// pixi, conda and uv cannot be installed on this machine: their fixes are checked as exact command text, not run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings/finding';
import type { FixSpec } from '../../../src/core/findings/fixSpec';
import type { EnvironmentManager } from '../../../src/core/managers/environmentManager';
import type { InterpreterProbe } from '../../../src/core/probe/probeResult';
import { runRules } from '../../../src/core/rules/index';
import { installFixes } from '../../../src/core/fixes/managerInstall';
import { buildRuleInput, loadProbe, NODE } from '../../support/ruleInputBuilder';
import type { RosDistro } from '../../../src/core/workspace/workspace';

const noetic: RosDistro = { name: 'noetic', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'ROS_DISTRO=noetic' };
const debian: RosDistro = { name: 'Debian', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'ROS_DISTRO=Debian' };

const MANAGERS: readonly EnvironmentManager[] = [
  { kind: 'system', externallyManaged: true, ensurepip: true },
  { kind: 'system', externallyManaged: true, ensurepip: false },
  { kind: 'system', externallyManaged: false, ensurepip: true },
  { kind: 'venv', prefix: '/ws/.venv', home: '/usr/bin', version: '3.11.2', systemSitePackages: false },
  { kind: 'uv-venv', prefix: '/ws/.venv', home: '/usr/bin', version: '3.12.8', systemSitePackages: false, uvVersion: '0.5.11' },
  { kind: 'pyenv', version: '3.11.7' },
  { kind: 'conda', prefix: '/opt/conda/envs/ros', channels: ['conda-forge'], robostack: false, rosDistro: null },
  { kind: 'conda', prefix: '/opt/conda/envs/ros', channels: ['robostack-staging', 'conda-forge'], robostack: true, rosDistro: 'noetic' },
  {
    kind: 'pixi',
    prefix: '/ws/.pixi/envs/default',
    environment: 'default',
    manifest: '/ws/pixi.toml',
    channels: ['robostack-staging', 'conda-forge'],
    robostack: true,
    rosDistro: 'noetic',
  },
  {
    kind: 'pixi',
    prefix: '/ws/.pixi/envs/gpu',
    environment: 'gpu',
    manifest: '/ws/pixi.toml',
    channels: ['conda-forge'],
    robostack: false,
    rosDistro: null,
  },
  { kind: 'other', externallyManaged: false },
  { kind: 'other', externallyManaged: true },
];

const PROBES = [
  'isolated-venv',
  'conda-ros-prefix',
  'py312-debian-dist-packages',
  'healthy-system',
  'melodic-path-under-py311',
  'conda-torch-only',
  'import-crash',
];

function commandsOf(fix: FixSpec): string[] {
  switch (fix.kind) {
    case 'installPackages':
      return [fix.command];
    case 'runInTerminal':
    case 'createEnvironment':
    case 'buildFromSource':
      return [...fix.commands];
    default:
      return [];
  }
}

function findingsFor(probeName: string, manager: EnvironmentManager, distro: RosDistro): { findings: Finding[]; probe: InterpreterProbe } {
  const probe = loadProbe(probeName);
  const input = buildRuleInput({ selected: probe, sources: [NODE], rosDistro: distro, workspace: null });
  return { findings: runRules({ ...input, managers: new Map([[probe.interpreter.path, manager]]) }), probe };
}

for (const manager of MANAGERS) {
  const label = `${manager.kind}${'externallyManaged' in manager && manager.externallyManaged ? ' (PEP 668)' : ''}${'environment' in manager ? ` ${manager.environment}` : ''}`;
  test(`fixes for ${label}: apt only for the system Python, pip never into a PEP 668 Python unless labelled opt-in`, () => {
    let installs = 0;
    for (const distro of [noetic, debian]) {
      for (const name of PROBES) {
        const { findings, probe } = findingsFor(name, manager, distro);
        for (const finding of findings.filter((f) => f.interpreter === probe.interpreter.path)) {
          for (const fix of finding.fixes) {
            for (const command of commandsOf(fix)) {
              const where = `${name}/${finding.code}: ${command}`;
              if (/apt-get install/.test(command) && !/apt-get install python3-venv$/.test(command)) {
                assert.equal(manager.kind, 'system', `apt offered for a ${manager.kind} interpreter — ${where}`);
              }
              const pep668 = 'externallyManaged' in manager && manager.externallyManaged;
              const intoThisPython =
                command.startsWith(`${probe.interpreter.path} -m pip`) || command.includes(` ${probe.interpreter.path} -m pip`);
              if (pep668 && intoThisPython) {
                assert.equal(fix.kind === 'installPackages' && fix.optIn, 'break-system-packages', `pip into a PEP 668 Python — ${where}`);
                assert.match(fix.title, /^Opt-in, overrides PEP 668/);
                assert.match(command, /^env PIP_BREAK_SYSTEM_PACKAGES=1 /);
              }
              if (fix.kind === 'installPackages') {
                installs += 1;
                const expected = {
                  system: ['apt', 'pip'],
                  venv: ['pip'],
                  'uv-venv': ['uv'],
                  pyenv: ['pip'],
                  conda: ['conda'],
                  pixi: ['pixi'],
                  other: ['pip'],
                }[manager.kind];
                assert.ok(expected.includes(fix.tool), `${fix.tool} for a ${manager.kind} interpreter — ${where}`);
              }
              if (manager.kind === 'uv-venv') assert.doesNotMatch(command, / -m pip /, `a uv venv has no pip — ${where}`);
              if (manager.kind === 'pixi' || manager.kind === 'conda') assert.doesNotMatch(command, /pip install/, `${where}`);
            }
          }
        }
      }
    }
    assert.ok(installs > 0, 'the matrix must reach some install fix for every manager');
  });
}

test('a pixi environment gets pixi add with RoboStack names for ROS packages and conda-forge names otherwise', () => {
  const pixi = MANAGERS[8]!;
  const { findings } = findingsFor('isolated-venv', pixi, noetic);
  const rospy = findings.find((f) => f.code === 'module-missing' && f.module === 'rospy');
  const cv2 = findings.find((f) => f.code === 'module-missing' && f.module === 'cv2');
  assert.equal(
    rospy?.fixes[0]?.kind === 'installPackages' ? rospy.fixes[0].command : null,
    'pixi add --manifest-path /ws/pixi.toml ros-noetic-rospy',
  );
  assert.equal(cv2?.fixes[0]?.kind === 'installPackages' ? cv2.fixes[0].command : null, 'pixi add --manifest-path /ws/pixi.toml opencv');
});

test("a non-default pixi environment needs --feature, and RoboStack's channel first when the manifest lacks it", () => {
  const gpu = MANAGERS[9]!;
  const { findings } = findingsFor('isolated-venv', gpu, noetic);
  const rospy = findings.find((f) => f.code === 'module-missing' && f.module === 'rospy');
  assert.deepEqual(rospy?.fixes[0]?.kind === 'runInTerminal' ? rospy.fixes[0].commands : null, [
    'pixi workspace channel add --manifest-path /ws/pixi.toml --feature gpu --prepend robostack-staging',
    'pixi add --manifest-path /ws/pixi.toml --feature gpu ros-noetic-rospy',
  ]);
  const torch = findings.find((f) => f.code === 'module-missing' && f.module === 'torch');
  assert.equal(
    torch?.fixes[0]?.kind === 'installPackages' ? torch.fixes[0].command : null,
    'pixi add --manifest-path /ws/pixi.toml --feature gpu pytorch',
  );
});

test('a uv venv installs with uv pip install --python <venv>, and conda with conda install -p <prefix>', () => {
  const uv = findingsFor('isolated-venv', MANAGERS[4]!, noetic).findings.find((f) => f.module === 'torch' && f.code === 'module-missing');
  assert.equal(uv?.fixes[0]?.kind === 'installPackages' ? uv.fixes[0].command : null, 'uv pip install --python /ws/.venv torch');
  const conda = findingsFor('isolated-venv', MANAGERS[7]!, noetic).findings.find(
    (f) => f.module === 'rospy' && f.code === 'module-missing',
  );
  assert.equal(
    conda?.fixes[0]?.kind === 'installPackages' ? conda.fixes[0].command : null,
    'conda install -p /opt/conda/envs/ros -c robostack-staging -c conda-forge ros-noetic-rospy',
  );
});

test("Debian's python3 without python3-venv gets apt-get install python3-venv before the venv, and the opt-in last", () => {
  const probe = loadProbe('healthy-system');
  assert.ok(probe.kind === 'ok');
  const fixes = installFixes(
    { interpreter: probe.interpreter, facts: probe.facts, manager: MANAGERS[1]!, rosDistro: debian, baseDir: '/ws' },
    ['numpy', 'ultralytics'],
  );
  assert.deepEqual(
    fixes.map((f) => f.kind),
    ['installPackages', 'createEnvironment', 'installPackages'],
  );
  assert.equal(fixes[0]?.kind === 'installPackages' ? fixes[0].command : null, 'sudo apt-get install python3-numpy');
  assert.deepEqual(fixes[1]?.kind === 'createEnvironment' ? fixes[1].commands : null, [
    'sudo apt-get install python3-venv',
    '/usr/bin/python3 -m venv --system-site-packages /ws/.venv',
    '/ws/.venv/bin/python -m pip install -r /ws/requirements.txt',
  ]);
  const optIn = fixes[2];
  assert.equal(
    optIn?.kind === 'installPackages' ? optIn.command : null,
    'env PIP_BREAK_SYSTEM_PACKAGES=1 /usr/bin/python3 -m pip install --user ultralytics',
  );
  assert.equal(optIn?.kind === 'installPackages' ? optIn.optIn : null, 'break-system-packages');
});

test('apt is offered only for packages Debian/Ubuntu has: python3-rospy, not python3-rclpy (ROS 2 comes from the ROS repositories)', () => {
  const probe = loadProbe('healthy-system');
  assert.ok(probe.kind === 'ok');
  const system = MANAGERS[0]!;
  const fixes = (modules: string[], rosDistro: RosDistro) =>
    installFixes({ interpreter: probe.interpreter, facts: probe.facts, manager: system, rosDistro, baseDir: '/ws' }, modules).flatMap(
      (f) => (f.kind === 'installPackages' ? [f.command] : []),
    );
  assert.deepEqual(fixes(['rospy'], debian), ['sudo apt-get install python3-rospy']);
  assert.deepEqual(fixes(['rclpy'], debian), []);
  const humble: RosDistro = { name: 'humble', pythonVersion: 3, pythonMinor: 10, rosVersion: 2, evidence: 'ROS_DISTRO=humble' };
  assert.deepEqual(fixes(['rclpy'], humble), ['sudo apt-get install ros-humble-rclpy']);
});
