import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moduleMissing } from '../../../src/core/rules/moduleMissing';
import { bareWorkspace, buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

test('flags import torch in an isolated venv and offers the system python that has it, then pip', () => {
  const venv = loadProbe('isolated-venv');
  const python = venv.interpreter.path;
  const input = buildRuleInput({ selected: venv, sources: [NODE], others: [loadProbe('healthy-system')] });
  const torch = moduleMissing(input).find((f) => f.module === 'torch');
  assert.deepEqual(torch, {
    code: 'module-missing',
    severity: 'error',
    message: 'torch is not installed for isolated-venv; healthy-system has it',
    detail: "No module named 'torch'",
    location: { file: NODE_PATH, line: 3, column: 7, endLine: 3, endColumn: 12 },
    related: [],
    fixes: [
      { kind: 'selectInterpreter', title: 'Switch interpreter to /usr/bin/python3', path: '/usr/bin/python3' },
      {
        kind: 'installPackages',
        title: 'Install torch into isolated-venv',
        interpreter: python,
        packages: ['torch'],
        tool: 'pip',
        command: `${python} -m pip install torch`,
      },
      { kind: 'openDocs', title: 'Read about module-missing', anchor: 'module-missing' },
    ],
    interpreter: python,
    module: 'torch',
  });
});

test('offers neither apt nor pip for rospy in a venv: apt only reaches the system Python and rospy is not on PyPI', () => {
  const input = buildRuleInput({
    selected: loadProbe('isolated-venv'),
    sources: [NODE],
    rosDistro: { name: 'noetic', pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'ROS_DISTRO=noetic' },
  });
  const rospy = moduleMissing(input).find((f) => f.module === 'rospy');
  assert.equal(rospy?.message, 'rospy is not installed for isolated-venv: it comes with ROS, not from pip');
  assert.deepEqual(rospy?.location, { file: NODE_PATH, line: 2, column: 7, endLine: 2, endColumn: 12 });
  assert.deepEqual(
    rospy?.fixes.map((f) => f.kind),
    ['openDocs'],
  );
});

test('installs with conda into a conda env, under conda-forge names', () => {
  const conda = loadProbe('conda-ros-prefix');
  const input = buildRuleInput({ selected: conda, sources: [NODE] });
  const cv2 = moduleMissing(input).find((f) => f.module === 'cv2');
  assert.ok(conda.interpreter.envPrefix !== null && conda.interpreter.envPrefix.endsWith('/envs/ros-env'));
  assert.deepEqual(cv2?.fixes[0], {
    kind: 'installPackages',
    title: 'Install opencv into conda-ros-prefix',
    interpreter: conda.interpreter.path,
    packages: ['opencv'],
    tool: 'conda',
    command: `conda install -p ${conda.interpreter.envPrefix} -c conda-forge opencv`,
  });
});

test('only hints at a guarded import (try/except ImportError) and ignores type-only ones', () => {
  const text = [
    'try:',
    '    import torch',
    'except ImportError:',
    '    torch = None',
    'from typing import TYPE_CHECKING',
    'if TYPE_CHECKING:',
    '    import numpy',
    '',
  ].join('\n');
  const input = buildRuleInput({ selected: loadProbe('isolated-venv'), sources: [{ path: '/ws/opt.py', text }] });
  const findings = moduleMissing(input);
  assert.deepEqual(
    findings.map((f) => [f.module, f.severity, f.location?.line]),
    [['torch', 'info', 2]],
  );
});

test('leaves a ROS module to ros-env-not-sourced when nothing was sourced but the workspace has devel/setup.bash', () => {
  const input = buildRuleInput({
    selected: loadProbe('isolated-venv'),
    sources: [NODE],
    workspace: bareWorkspace('/ws', [{ path: '/ws/devel/setup.bash', kind: 'devel' }]),
    environment: { kind: 'plain', reason: 'disabled', vars: {} },
  });
  const modules = moduleMissing(input).map((f) => f.module);
  assert.deepEqual(modules, ['cv2', 'numpy', 'torch', 'yaml']);
});

test('stays silent for the healthy interpreter', () => {
  assert.deepEqual(moduleMissing(buildRuleInput({ selected: loadProbe('healthy-system'), sources: [NODE] })), []);
});

test("a workspace package's generated messages (from my_interfaces.msg import X) get 'build and source the workspace', never pip", () => {
  const venv = loadProbe('isolated-venv');
  if (venv.kind !== 'ok') throw new Error('fixture');
  // The recorded venv, plus what its probe says of a module nothing provides yet (the interfaces are not built).
  const selected = {
    ...venv,
    specs: { ...venv.specs, my_interfaces: { found: false, foreignExtensions: [], caseVariants: [] } as const },
    imports: {
      ...venv.imports,
      my_interfaces: { status: 'missing', exceptionType: 'ModuleNotFoundError', message: "No module named 'my_interfaces'" } as const,
    },
  };
  const node = { path: '/ws/src/demo/demo/node.py', text: 'from my_interfaces.msg import Detection\n', packageName: 'demo' };
  const interfaces = {
    name: 'my_interfaces',
    path: '/ws/src/my_interfaces',
    manifestPath: '/ws/src/my_interfaces/package.xml',
    format: 3 as const,
    buildType: 'ament_cmake',
    dependencies: [],
    pythonModules: [],
  };
  const workspace = { ...bareWorkspace('/ws'), kind: 'colcon' as const, packages: [interfaces] };
  const [finding, ...rest] = moduleMissing(buildRuleInput({ selected, sources: [node], workspace }));
  assert.equal(rest.length, 0);
  assert.ok(finding);
  assert.match(finding.message, /package of this workspace .* build the workspace and source its setup script/);
  assert.deepEqual(finding.fixes[0], {
    kind: 'runInTerminal',
    title: 'Build the workspace and source its setup script',
    commands: ['cd /ws', 'colcon build', '. install/setup.bash'],
  });
  assert.ok(!finding.fixes.some((fix) => fix.kind === 'installPackages'), JSON.stringify(finding.fixes));
});

test('rospy missing in a venv made without --system-site-packages: offers to let it see the ROS Python, only when that Python has rospy', () => {
  const venv = loadProbe('isolated-venv');
  const prefix = venv.kind === 'ok' ? venv.facts.prefix : '';
  const input = buildRuleInput({ selected: venv, sources: [NODE], others: [loadProbe('healthy-system')] });
  const rospy = moduleMissing(input).find((f) => f.module === 'rospy');
  assert.deepEqual(
    rospy?.fixes.find((f) => f.kind === 'runInTerminal'),
    {
      kind: 'runInTerminal',
      title: `Let the venv ${prefix} see /usr/bin/python3's packages (--system-site-packages)`,
      commands: [`/usr/bin/python3 -m venv --system-site-packages --upgrade ${prefix}`],
    },
  );
  // Already made with --system-site-packages (pyvenv.cfg says so): remaking it changes nothing, so it is not offered.
  const seesSystem = {
    ...input,
    managers: new Map([
      [venv.interpreter.path, { kind: 'venv', prefix, home: '/usr/bin', version: '3.11.2', systemSitePackages: true } as const],
    ]),
  };
  assert.equal(
    moduleMissing(seesSystem)
      .find((f) => f.module === 'rospy')
      ?.fixes.some((f) => f.kind === 'runInTerminal'),
    false,
  );
});
