// The command a user runs in a terminal or CI, on the real conflicts of shared/SCENARIOS.md:
// the right code on the right line with the right fix, nothing on the healthy ones, no hang, no crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needs, pyenvPython, pyenvRoot, pyenvVersion, rosStack, DEBIAN_DIST_PACKAGES, DEBIAN_PYTHON } from '../support/prerequisites';
import {
  SYSTEM_PATH,
  baseEnv,
  condaStyleEnv,
  hangingSitecustomize,
  hostileInterpreters,
  isolatedVenv,
  noisySitecustomize,
  rosPrefix,
  segfaultModule,
  systemSiteVenv,
} from '../support/scenarios';
import type { JsonFinding, JsonReport } from '../../src/cli/jsonOutput';
import { buildCatkinWorkspace, catkinTools } from '../support/catkinWorkspace';
import { processesOf } from '../support/processes';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

const NODE = [
  '#!/usr/bin/env python3', //                      line 1
  'import rospy', //                                line 2
  'import torch', //                                line 3
  'from cv_bridge import CvBridge', //              line 4
  'import numpy as np', //                          line 5
  'from std_msgs.msg import String', //             line 6
  '',
  "rospy.init_node('detector')",
  '',
].join('\n');

let scratch = '';

before(async () => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
  scratch = await mkdtemp(join(tmpdir(), 'red-cli-'));
});
after(() => rm(scratch, { recursive: true, force: true }));

/** A small catkin_make workspace (files only: the CLI runs with --no-source and the scenario's env). */
async function workspace(name: string, nodeText = NODE): Promise<{ root: string; node: string }> {
  const root = join(scratch, name);
  const pkg = join(root, 'src', 'demo_pkg');
  await mkdir(join(pkg, 'scripts'), { recursive: true });
  await writeFile(
    join(root, '.catkin_workspace'),
    '# This file currently only serves to mark the location of a catkin workspace for tool integration\n',
  );
  await writeFile(
    join(pkg, 'package.xml'),
    '<?xml version="1.0"?>\n<package format="2">\n  <name>demo_pkg</name>\n  <version>0.1.0</version>\n  <description>demo</description>\n  <maintainer email="a@b.c">a</maintainer>\n  <license>MIT</license>\n  <buildtool_depend>catkin</buildtool_depend>\n  <depend>rospy</depend>\n  <depend>std_msgs</depend>\n</package>\n',
  );
  await writeFile(
    join(pkg, 'CMakeLists.txt'),
    'cmake_minimum_required(VERSION 3.0.2)\nproject(demo_pkg)\nfind_package(catkin REQUIRED COMPONENTS rospy std_msgs)\ncatkin_package()\ncatkin_install_python(PROGRAMS scripts/node.py\n  DESTINATION ${CATKIN_PACKAGE_BIN_DESTINATION})\n',
  );
  const node = join(pkg, 'scripts', 'node.py');
  await writeFile(node, nodeText);
  await chmod(node, 0o755);
  return { root, node };
}

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

function runCli(args: readonly string[], env: Readonly<Record<string, string>>, timeoutMs = 120_000): Promise<CliRun> {
  const started = Date.now();
  const fullEnv = { ...env, PYENV_ROOT: pyenvRoot() ?? '/nonexistent', XDG_CACHE_HOME: join(scratch, 'cache') };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: fullEnv, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

async function diagnoseJson(
  root: string,
  python: string,
  env: Readonly<Record<string, string>>,
  extra: readonly string[] = [],
): Promise<{ run: CliRun; report: JsonReport }> {
  // A test of the time limit names its own; the others get a generous one, so that a stalled machine (CI saw two
  // healthy runs take 15 s and 13.6 s for 1.7 s of work) is not reported as a probe that hangs.
  const limit = extra.includes('--timeout') ? [] : ['--timeout', '60'];
  const run = await runCli([root, '--python', python, '--format', 'json', '--no-source', '--no-cache', ...limit, ...extra], env);
  assert.notEqual(run.code, 2, `the CLI failed: ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

function at(report: JsonReport, code: string, file: string, line: number): JsonFinding[] {
  return report.findings.filter((finding) => finding.code === code && finding.file === file && finding.line === line);
}

function summary(report: JsonReport): string {
  return report.findings.map((f) => `${f.code} ${f.file ?? ''}:${f.line ?? ''} ${f.message}`).join('\n');
}

test('a healthy system python reports nothing and exits 0', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const { root } = await workspace('healthy');
  const { run, report } = await diagnoseJson(root, DEBIAN_PYTHON, baseEnv());
  assert.deepEqual(report.findings, [], summary(report));
  assert.equal(run.code, 0);
  assert.equal(report.workspace.kind, 'catkin_make');
  const modules = report.interpreters[0]?.modules ?? {};
  for (const name of ['rospy', 'torch', 'cv_bridge', 'numpy', 'std_msgs']) assert.equal(modules[name]?.status, 'ok', name);
});

test('a venv with the system site packages is healthy too', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const scenario = await systemSiteVenv();
  t.after(scenario.cleanup);
  const { root } = await workspace('syssite');
  const { run, report } = await diagnoseJson(root, scenario.python, scenario.env);
  assert.deepEqual(report.findings, [], summary(report));
  assert.equal(run.code, 0);
});

test('an isolated venv gets module-missing on the rospy and torch lines, with a switch to the system python', async (t) => {
  if (!needs(t, ...rosStack, pyenvVersion('3.11'))) return;
  const scenario = await isolatedVenv('3.11');
  t.after(scenario.cleanup);
  const { root, node } = await workspace('isolated');
  const { run, report } = await diagnoseJson(root, scenario.python, scenario.env);
  assert.equal(run.code, 1);
  const rospy = at(report, 'module-missing', node, 2)[0];
  const torch = at(report, 'module-missing', node, 3)[0];
  assert.ok(rospy && torch, summary(report));
  assert.equal(torch.column, 7);
  assert.equal(torch.endColumn, 12);
  assert.equal(torch.severity, 'error');
  assert.ok(
    torch.fixes.some((fix) => fix.kind === 'selectInterpreter' && fix.path === DEBIAN_PYTHON),
    JSON.stringify(torch.fixes),
  );
  assert.ok(
    torch.fixes.some((fix) => fix.kind === 'installPackages' && fix.command.includes('-m pip install torch')),
    JSON.stringify(torch.fixes),
  );
  assert.ok(at(report, 'module-missing', node, 4).length === 1, 'cv_bridge on line 4');
});

test('Python 2.7 with the Python 3 ROS packages on PYTHONPATH fails importing rospy, and says the path is foreign', async (t) => {
  if (!needs(t, ...rosStack, pyenvVersion('2.7'))) return;
  const python = pyenvPython('2.7') ?? '';
  const { root, node } = await workspace('py27');
  const { run, report } = await diagnoseJson(root, python, baseEnv({ PYTHONPATH: DEBIAN_DIST_PACKAGES }));
  assert.equal(run.code, 1);
  const rospy = report.findings.find((finding) => finding.file === node && finding.line === 2 && finding.module === 'rospy');
  assert.ok(rospy, summary(report));
  assert.match(rospy.message + (rospy.detail ?? ''), /SyntaxError/);
  assert.ok(
    report.findings.some((finding) => finding.code === 'foreign-python-path'),
    summary(report),
  );
});

test('Python 3.12 with Debian 3.11 packages on PYTHONPATH flags torch and cv_bridge as built for another Python', async (t) => {
  if (!needs(t, ...rosStack, pyenvVersion('3.12'))) return;
  const python = pyenvPython('3.12') ?? '';
  const { root, node } = await workspace('py312');
  const { run, report } = await diagnoseJson(root, python, baseEnv({ PYTHONPATH: DEBIAN_DIST_PACKAGES }));
  assert.equal(run.code, 1);
  const torch = at(report, 'extension-abi-mismatch', node, 3)[0];
  assert.ok(torch, summary(report));
  assert.ok(
    torch.fixes.some((fix) => fix.kind === 'buildFromSource'),
    JSON.stringify(torch.fixes),
  );
  assert.equal(at(report, 'extension-abi-mismatch', node, 4).length, 1, summary(report));
});

test('a conda env with ROS on PYTHONPATH lacks rospkg: ros-deps-missing with a conda install into that env', async (t) => {
  if (!needs(t, ...rosStack, pyenvVersion('3.11'))) return;
  const ros = await rosPrefix();
  t.after(ros.cleanup);
  const conda = await condaStyleEnv({ pythonPath: [ros.distPackages] });
  t.after(conda.cleanup);
  const { root, node } = await workspace('conda');
  const { run, report } = await diagnoseJson(root, conda.python, { ...conda.env, ...ros.vars, PATH: conda.env.PATH ?? SYSTEM_PATH });
  assert.equal(run.code, 1);
  const deps = at(report, 'ros-deps-missing', node, 2)[0];
  assert.ok(deps, summary(report));
  assert.match(deps.message, /rospkg/);
  const install = deps.fixes.find((fix) => fix.kind === 'installPackages');
  assert.ok(install && install.kind === 'installPackages', JSON.stringify(deps.fixes));
  assert.equal(install.tool, 'conda');
  assert.ok(install.command.includes(conda.prefix), install.command);
});

test('import Torch gets module-name-case with a fix to torch', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const { root, node } = await workspace('case', '#!/usr/bin/env python3\nimport Torch\n');
  const { report } = await diagnoseJson(root, DEBIAN_PYTHON, baseEnv());
  const finding = at(report, 'module-name-case', node, 2)[0];
  assert.ok(finding, summary(report));
  assert.ok(
    finding.fixes.some((fix) => fix.kind === 'replaceText' && fix.newText === 'torch'),
    JSON.stringify(finding.fixes),
  );
});

test('a shebang that finds another python first on PATH gets shebang-mismatch on line 1 with a fix', async (t) => {
  if (!needs(t, ...rosStack, pyenvVersion('3.12'))) return;
  const venv = await isolatedVenv('3.12');
  t.after(venv.cleanup);
  const { root, node } = await workspace('shebang');
  const env = baseEnv({ PATH: `${join(venv.venv, 'bin')}:${SYSTEM_PATH}` });
  const { report } = await diagnoseJson(root, DEBIAN_PYTHON, env);
  const finding = at(report, 'shebang-mismatch', node, 1)[0];
  assert.ok(finding, summary(report));
  assert.ok(
    finding.fixes.some((fix) => fix.kind === 'editShebang' && fix.newText.startsWith('#!') && fix.newText.includes('python3')),
    JSON.stringify(finding.fixes),
  );
});

test('a sitecustomize that hangs is reported as probe-timeout within the timeout plus a second, with nothing left running', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const hang = await hangingSitecustomize();
  t.after(hang.cleanup);
  const { root } = await workspace('hang');
  const { run, report } = await diagnoseJson(root, DEBIAN_PYTHON, baseEnv({ PYTHONPATH: hang.dir }), ['--timeout', '2']);
  assert.equal(run.code, 1);
  assert.ok(
    report.findings.some((finding) => finding.code === 'probe-timeout' && finding.interpreter === DEBIAN_PYTHON),
    summary(report),
  );
  assert.ok(run.ms < 2000 + 1000 + 1500, `took ${run.ms} ms (node start-up and workspace scan included)`);
  assert.deepEqual(processesOf(hang.dir), [], 'nothing of this run is left running');
});

test('noise printed by sitecustomize does not disturb the probe', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const noisy = await noisySitecustomize();
  t.after(noisy.cleanup);
  const { root } = await workspace('noisy');
  const { run, report } = await diagnoseJson(root, DEBIAN_PYTHON, baseEnv({ PYTHONPATH: noisy.dir }));
  assert.deepEqual(report.findings, [], summary(report));
  assert.equal(run.code, 0);
});

test('an import that segfaults is a finding about that module, and the others are still checked', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const crash = await segfaultModule();
  t.after(crash.cleanup);
  const { root, node } = await workspace('segv', `#!/usr/bin/env python3\nimport ${crash.module}\nimport torch\n`);
  const { report } = await diagnoseJson(root, DEBIAN_PYTHON, baseEnv({ PYTHONPATH: crash.dir }));
  const finding = report.findings.find((f) => f.file === node && f.line === 2);
  assert.ok(finding, summary(report));
  assert.equal(finding.code, 'module-import-error');
  assert.match(finding.message, /crash|SIGSEGV/i);
  assert.equal(report.interpreters[0]?.modules.torch?.status, 'ok');
});

test('things that are not interpreters get interpreter-invalid naming the path, never a crash or a hang', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const hostile = await hostileInterpreters();
  t.after(hostile.cleanup);
  const { root } = await workspace('hostile');
  for (const python of [
    hostile.textNoExec,
    hostile.directory,
    hostile.danglingLink,
    hostile.truncatedElf,
    hostile.fakeVersion,
    hostile.badShebang,
    hostile.exits127,
  ]) {
    const { run, report } = await diagnoseJson(root, python, baseEnv(), ['--timeout', '5']);
    assert.equal(run.code, 1, `${python}: ${run.stderr}`);
    const invalid = report.findings.filter((finding) => finding.code === 'interpreter-invalid');
    assert.ok(invalid.length > 0, `${python}: ${summary(report)}`);
    assert.ok(
      invalid.every((finding) => finding.message.includes(python) || (finding.detail ?? '').includes(python)),
      `${python}: ${summary(report)}`,
    );
  }
});

test('bad usage exits 2 with one line on stderr naming the input', async () => {
  const missing = await runCli([join(scratch, 'no-such-workspace')], baseEnv());
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /workspace '.*no-such-workspace' does not exist/);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  const badFormat = await runCli(['--format', 'yaml'], baseEnv());
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /--format must be one of/);
});

test('asking again with nothing changed spawns no process', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const { root } = await workspace('cached');
  const env = { ...baseEnv(), ROS_ENV_DOCTOR_DEBUG: '1' };
  const first = await runCli([root, '--python', DEBIAN_PYTHON, '--no-source', '--format', 'json'], env);
  assert.match(first.stderr, /spawned [1-9]\d* processes/);
  const second = await runCli([root, '--python', DEBIAN_PYTHON, '--no-source', '--format', 'json'], env);
  assert.match(second.stderr, /spawned 0 processes/);
  assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
});

test('SARIF output puts the findings on the same lines', async (t) => {
  if (!needs(t, ...rosStack, pyenvVersion('3.11'))) return;
  const scenario = await isolatedVenv('3.11');
  t.after(scenario.cleanup);
  const { root } = await workspace('sarif');
  const run = await runCli([root, '--python', scenario.python, '--format', 'sarif', '--no-source', '--no-cache'], scenario.env);
  const sarif = JSON.parse(run.stdout) as {
    version: string;
    runs: Array<{
      results: Array<{
        ruleId: string;
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
      }>;
    }>;
  };
  assert.equal(sarif.version, '2.1.0');
  const torch = sarif.runs[0]?.results.find(
    (result) => result.ruleId === 'module-missing' && result.locations[0]?.physicalLocation.region.startLine === 3,
  );
  assert.ok(torch, run.stdout.slice(0, 2000));
  assert.equal(torch.locations[0]?.physicalLocation.artifactLocation.uri, 'src/demo_pkg/scripts/node.py');
  assert.equal(torch.locations[0]?.physicalLocation.region.startColumn, 8);
});

test('a real catkin_make workspace: its devel/setup.bash is sourced and the healthy python reports nothing', async (t) => {
  if (!needs(t, ...rosStack, ...catkinTools)) return;
  const ws = await buildCatkinWorkspace();
  t.after(() => ws.cleanup());
  const run = await runCli([ws.root, '--python', DEBIAN_PYTHON, '--format', 'json', '--no-cache'], baseEnv());
  const report = JSON.parse(run.stdout) as JsonReport;
  assert.deepEqual(report.findings, [], summary(report));
  assert.equal(run.code, 0);
  const text = await runCli([ws.root, '--python', DEBIAN_PYTHON, '--no-cache'], baseEnv());
  assert.match(
    text.stdout,
    new RegExp(`environment +sourced ${join(ws.root, 'devel', 'setup.bash').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
});

test('rosrun runs the relay catkin wrote with the Python it was built with: launch-path-import-fails on the import line, the relay related', async (t) => {
  if (!needs(t, ...rosStack, ...catkinTools, pyenvVersion('3.12'))) return;
  const ws = await buildCatkinWorkspace();
  t.after(() => ws.cleanup());
  // Configured with pyenv's 3.12 (Debian's pure-Python catkin_pkg on its PYTHONPATH, so catkin itself runs): the
  // relay gets #!<3.12>, as when catkin_make ran with pyenv's python first on PATH (SCENARIOS.md).
  const relay = join(ws.root, 'devel', 'lib', ws.packageName, 'node.py');
  const configured = spawnSync('catkin_make', [`-DPYTHON_EXECUTABLE=${pyenvPython('3.12') ?? ''}`], {
    cwd: ws.root,
    env: baseEnv({ PYTHONPATH: DEBIAN_DIST_PACKAGES }),
    encoding: 'utf8',
  });
  assert.equal(configured.status, 0, configured.stderr);
  assert.match(await readFile(relay, 'utf8'), new RegExp(`^#!${pyenvPython('3.12') ?? ''}\\n`));
  const run = await runCli([ws.root, '--python', DEBIAN_PYTHON, '--format', 'json', '--no-cache'], baseEnv());
  const report = JSON.parse(run.stdout) as JsonReport;
  // Line 3 is `import rospy`: pyenv's 3.12 does not see Debian's dist-packages.
  const finding = at(report, 'launch-path-import-fails', ws.nodeScript, 3)[0];
  assert.ok(finding, summary(report));
  assert.equal(finding.severity, 'error');
  assert.equal(finding.module, 'rospy');
  assert.equal(finding.interpreter, pyenvPython('3.12'));
  assert.match(finding.message, /rosrun demo_pkg node\.py/);
  assert.equal(at(report, 'shebang-mismatch', ws.nodeScript, 1).length, 0, 'one verdict for the relay');
  const rebuild = finding.fixes.find(
    (fix) => fix.kind === 'runInTerminal' && fix.commands.includes(`catkin_make -DPYTHON_EXECUTABLE=${DEBIAN_PYTHON}`),
  );
  assert.ok(rebuild?.kind === 'runInTerminal', JSON.stringify(finding.fixes));
  // The fix, applied: catkin writes the relay again with /usr/bin/python3, and the finding is gone.
  const applied = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', rebuild.commands.join('\n')], {
    env: baseEnv(),
    encoding: 'utf8',
  });
  assert.equal(applied.status, 0, applied.stderr);
  assert.match(await readFile(relay, 'utf8'), new RegExp(`^#!${DEBIAN_PYTHON}\\n`));
  const after = JSON.parse(
    (await runCli([ws.root, '--python', DEBIAN_PYTHON, '--format', 'json', '--no-cache'], baseEnv())).stdout,
  ) as JsonReport;
  assert.deepEqual(after.findings, [], summary(after));
});

test('rospy that imports only after sourcing the setup script gets ros-env-not-sourced', async (t) => {
  if (!needs(t, ...rosStack, pyenvVersion('3.11'))) return;
  const venv = await isolatedVenv('3.11');
  t.after(venv.cleanup);
  const { root, node } = await workspace('not-sourced', '#!/usr/bin/env python3\nimport rospy\n');
  // A devel space whose setup script puts ROS's (3.11) packages on PYTHONPATH, as catkin's does.
  await mkdir(join(root, 'devel'), { recursive: true });
  await writeFile(
    join(root, 'devel', 'setup.bash'),
    `export ROS_DISTRO=noetic ROS_VERSION=1 ROS_PYTHON_VERSION=3\nexport PYTHONPATH=${DEBIAN_DIST_PACKAGES}\n`,
  );
  const run = await runCli([root, '--python', venv.python, '--format', 'json', '--no-cache'], venv.env);
  const report = JSON.parse(run.stdout) as JsonReport;
  const finding = at(report, 'ros-env-not-sourced', node, 2)[0];
  assert.ok(finding, summary(report));
  assert.equal(finding.severity, 'warning');
  assert.ok(
    finding.fixes.some((fix) => fix.kind === 'runInTerminal' && fix.commands.some((command) => command.includes('devel/setup.bash'))),
    JSON.stringify(finding.fixes),
  );
});

test('Python 3 selected for a ROS distro built for Python 2 gets ros-python-mismatch on the rospy line', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const { root, node } = await workspace('melodic');
  // What /opt/ros/melodic/setup.bash exports; the packages themselves cannot be installed here.
  const { report } = await diagnoseJson(root, DEBIAN_PYTHON, baseEnv({ ROS_DISTRO: 'melodic', ROS_VERSION: '1', ROS_PYTHON_VERSION: '2' }));
  const finding = at(report, 'ros-python-mismatch', node, 2)[0];
  assert.ok(finding, summary(report));
  assert.match(finding.message, /Python 2/);
});
