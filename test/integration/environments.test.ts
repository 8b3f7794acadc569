// The environments people have in 2026, built on this machine from real interpreters: a pixi project (RoboStack), a
// uv venv, Debian's PEP 668 python3. The CLI must name the right manager's fix on the right line, and nothing else.
// pixi, conda and uv cannot be installed here: their environments are LABELLED STAND-INS (test/support/
// environmentLayouts.ts) and their fixes are checked as exact command text, never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { needs, pyenvPython, pyenvVersion, rosStack, DEBIAN_PYTHON } from '../support/prerequisites';
import { diagnoseWithCli, ensureCliBuilt, findingAt, fixCommands, nodeWorkspace, reportSummary } from '../support/cliHarness';
import { baseEnv } from '../support/scenarios';
import { pixiProject, uvStyleVenv } from '../support/environmentLayouts';
import type { JsonReport } from '../../src/cli/jsonOutput';

let scratch = '';

before(async () => {
  ensureCliBuilt();
  scratch = realpathSync(await mkdtemp(join(tmpdir(), 'red-envs-')));
});
after(() => rm(scratch, { recursive: true, force: true }));

const NODE = [
  '#!/usr/bin/env python3', //          line 1
  'import rospy', //                    line 2
  'import cv2', //                      line 3
  'import numpy as np', //              line 4
  '',
].join('\n');

const workspace = (root: string, text = NODE): Promise<string> => nodeWorkspace(root, text);
const diagnose = (root: string, python: string, env: Readonly<Record<string, string>>): Promise<JsonReport> =>
  diagnoseWithCli(root, python, env, join(scratch, 'cache'));
const at = findingAt;
const summary = reportSummary;
const commands = fixCommands;

test('a pixi environment (RoboStack) lacking rospy and OpenCV gets pixi add with RoboStack and conda-forge names, never apt', async (t) => {
  if (!needs(t, pyenvVersion('3.11'))) return;
  const versionDir = dirname(dirname(pyenvPython('3.11') as string));
  const project = join(scratch, 'robot');
  const manifest = [
    '[workspace]',
    'name = "robot"',
    'channels = ["robostack-staging", "conda-forge"]',
    'platforms = ["linux-64"]',
    '',
    '[dependencies]',
    'python = "3.11.*"',
    'ros-noetic-roscpp = "*"',
    '',
  ].join('\n');
  const pixi = pixiProject(project, versionDir, manifest);
  // The catkin workspace sits inside the pixi project, as RoboStack's docs lay it out.
  const root = join(project, 'catkin_ws');
  const node = await workspace(root);
  const report = await diagnose(root, pixi.python, baseEnv());

  const rospy = at(report, 'module-missing', node, 2);
  const cv2 = at(report, 'module-missing', node, 3);
  assert.ok(rospy && cv2, summary(report));
  assert.match(rospy.message, /pixi: default \(robot\)/);
  assert.equal(
    commands(rospy.fixes).find((c) => c.startsWith('pixi ')),
    `pixi add --manifest-path ${pixi.manifest} ros-noetic-rospy`,
  );
  assert.equal(
    commands(cv2.fixes).find((c) => c.startsWith('pixi ')),
    `pixi add --manifest-path ${pixi.manifest} opencv`,
  );
  for (const finding of report.findings.filter((f) => f.interpreter === pixi.python)) {
    for (const command of commands(finding.fixes)) assert.doesNotMatch(command, /apt-get|pip install/, `${finding.code}: ${command}`);
  }
  // The project's environment is found from the workspace below it.
  assert.ok(report.interpreters.some((i) => i.path === pixi.python));
});

test('a uv venv from pyenv 3.12 gets uv pip install --python <venv>; its ROS modules get no apt line', async (t) => {
  if (!needs(t, pyenvVersion('3.12'))) return;
  const project = join(scratch, 'uvproj');
  await mkdir(project, { recursive: true });
  const venv = join(project, '.venv');
  const python = uvStyleVenv(pyenvPython('3.12') as string, venv, true);
  const root = join(project, 'ws');
  const node = await workspace(root);
  const report = await diagnose(root, python, baseEnv({ VIRTUAL_ENV: venv }));
  const numpy = at(report, 'module-missing', node, 4);
  assert.ok(numpy, summary(report));
  assert.deepEqual(
    commands(numpy.fixes).filter((c) => c.startsWith('uv ')),
    [`uv pip install --python ${venv} numpy`],
  );
  const rospy = at(report, 'module-missing', node, 2);
  assert.ok(rospy, summary(report));
  // pyvenv.cfg says why the venv cannot see Debian's 3.11 ROS packages even with --system-site-packages.
  assert.match(
    rospy.message,
    new RegExp(
      `this uv venv was made from ${dirname(pyenvPython('3.12') as string)} \\(Python 3\\.12\\.\\d+\\), not from the system Python`,
    ),
  );
  for (const finding of report.findings.filter((f) => f.interpreter === python)) {
    for (const command of commands(finding.fixes)) assert.doesNotMatch(command, /apt-get| -m pip /, `${finding.code}: ${command}`);
  }
});

test("Debian's python3 is PEP 668: pip really refuses, and the doctor offers apt, a --system-site-packages venv, and the labelled opt-in", async (t) => {
  if (!needs(t, ...rosStack)) return;
  const refused = spawnSync(DEBIAN_PYTHON, ['-m', 'pip', 'install', '--user', '--no-index', 'ros-env-doctor-nothing'], {
    encoding: 'utf8',
    env: baseEnv(),
  });
  assert.match(refused.stderr, /externally-managed-environment/, 'Debian 12 marks its python3 EXTERNALLY-MANAGED');
  const root = join(scratch, 'pep668');
  const node = await workspace(root, ['#!/usr/bin/env python3', 'import rospy', 'import ultralytics', ''].join('\n'));
  const report = await diagnose(root, DEBIAN_PYTHON, baseEnv());
  const missing = at(report, 'module-missing', node, 3);
  assert.ok(missing, summary(report));
  assert.deepEqual(commands(missing.fixes), [
    `/usr/bin/python3 -m venv --system-site-packages ${join(root, '.venv')}`,
    `${join(root, '.venv', 'bin', 'python')} -m pip install -r ${join(root, 'requirements.txt')}`,
    'env PIP_BREAK_SYSTEM_PACKAGES=1 /usr/bin/python3 -m pip install --user ultralytics',
  ]);
  const optIn = missing.fixes.at(-2);
  assert.ok(
    optIn?.kind === 'installPackages' && optIn.optIn === 'break-system-packages' && optIn.title.startsWith('Opt-in, overrides PEP 668'),
  );
  assert.equal(at(report, 'module-missing', node, 2), undefined, 'rospy imports: nothing on the healthy line');
});
