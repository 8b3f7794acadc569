// Sourcing real setup scripts (a catkin_make workspace built here, broken and hanging scripts) in real shells.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ProcessRunner } from '../../src/core/ports';
import type { Workspace } from '../../src/core/workspace/workspace';
import { createExecaRunner } from '../../src/node/execaRunner';
import { createNodeFileSystem } from '../../src/node/nodeFileSystem';
import { captureEnvironment, createEnvironmentCapturer } from '../../src/node/envCapture';
import { debianPackage, needs } from '../support/prerequisites';

const SYSTEM_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';
const fs = createNodeFileSystem();
const runner = createExecaRunner();
const temp = mkdtempSync(path.join(tmpdir(), 'red-envcapture-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A runner that counts the processes it starts. */
function countingRunner(): ProcessRunner & { readonly calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    run(file, args, options) {
      calls.push(file);
      return runner.run(file, args, options);
    },
  };
}

function workspaceAt(root: string, setupScripts: Workspace['setupScripts'] = []): Workspace {
  return { root, kind: 'catkin_make', packages: [], pythonSources: [], setupScripts, relays: [] };
}

/** A real catkin_make workspace with one package calling catkin_python_setup(), built once with system PATH only. */
let catkinWorkspace: string | undefined;
function buildCatkinWorkspace(): string {
  if (catkinWorkspace !== undefined) return catkinWorkspace;
  const root = path.join(temp, 'catkin ws');
  const pkg = path.join(root, 'src', 'demo_pkg');
  mkdirSync(path.join(pkg, 'src', 'demo_pkg'), { recursive: true });
  writeFileSync(
    path.join(pkg, 'package.xml'),
    `<?xml version="1.0"?>\n<package format="2">\n  <name>demo_pkg</name>\n  <version>0.0.1</version>\n  <description>demo</description>\n` +
      `  <maintainer email="dev@example.com">dev</maintainer>\n  <license>MIT</license>\n  <buildtool_depend>catkin</buildtool_depend>\n` +
      `  <exec_depend>rospy</exec_depend>\n</package>\n`,
  );
  writeFileSync(
    path.join(pkg, 'CMakeLists.txt'),
    'cmake_minimum_required(VERSION 3.0.2)\nproject(demo_pkg)\nfind_package(catkin REQUIRED)\ncatkin_python_setup()\ncatkin_package()\n',
  );
  writeFileSync(
    path.join(pkg, 'setup.py'),
    "from setuptools import setup\nfrom catkin_pkg.python_setup import generate_distutils_setup\nsetup(**generate_distutils_setup(packages=['demo_pkg'], package_dir={'': 'src'}))\n",
  );
  writeFileSync(path.join(pkg, 'src', 'demo_pkg', '__init__.py'), '');
  execFileSync('catkin_make', [], { cwd: root, env: { HOME: temp, PATH: SYSTEM_PATH }, stdio: 'pipe' });
  catkinWorkspace = root;
  return root;
}

const catkin = debianPackage('/usr/bin/catkin_make', 'catkin');
const baseEnv = { PATH: SYSTEM_PATH, HOME: temp, LANG: 'C.UTF-8' };

function script(name: string, text: string): string {
  const file = path.join(temp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

test("sourcing a built catkin workspace's devel/setup.bash gives the node ROS_DISTRO, Python 3, ROS_PACKAGE_PATH and PYTHONPATH", async (t) => {
  if (!needs(t, catkin)) return;
  const root = buildCatkinWorkspace();
  const result = await captureEnvironment({ workspace: workspaceAt(root), baseEnv, setupScript: 'auto', timeoutMs: 20_000, runner, fs });
  assert.equal(result.kind, 'sourced', JSON.stringify(result));
  if (result.kind !== 'sourced') return;
  assert.deepEqual(result.scripts, [path.join(root, 'devel', 'setup.bash')]);
  assert.equal(path.basename(result.shell), 'bash');
  assert.ok((result.vars.ROS_DISTRO ?? '') !== '', 'ROS_DISTRO is set');
  assert.equal(result.vars.ROS_VERSION, '1');
  assert.equal(result.vars.ROS_PYTHON_VERSION, '3');
  assert.ok(result.vars.ROS_PACKAGE_PATH?.split(':').includes(path.join(root, 'src')), result.vars.ROS_PACKAGE_PATH);
  assert.ok(
    result.vars.PYTHONPATH?.split(':').includes(path.join(root, 'devel', 'lib', 'python3', 'dist-packages')),
    result.vars.PYTHONPATH,
  );
  assert.equal(result.vars.HOME, temp);
  for (const noise of ['_', 'SHLVL', 'PWD', 'OLDPWD']) assert.equal(result.vars[noise], undefined, noise);
});

test('a second capture with nothing changed starts no process; rebuilding a setup file captures again', async (t) => {
  if (!needs(t, catkin)) return;
  const root = buildCatkinWorkspace();
  const counting = countingRunner();
  const capturer = createEnvironmentCapturer({ runner: counting, fs });
  const request = { workspace: workspaceAt(root), baseEnv, setupScript: 'auto', timeoutMs: 20_000 } as const;
  const first = await capturer.capture(request);
  const second = await capturer.capture(request);
  assert.equal(counting.calls.length, 1);
  assert.deepEqual(second, first);

  await capturer.capture({ ...request, baseEnv: { ...baseEnv, EXTRA: '1' } });
  assert.equal(counting.calls.length, 2, 'a different base environment is captured again');

  const later = new Date(Date.now() + 5000);
  utimesSync(path.join(root, 'devel', '_setup_util.py'), later, later);
  const third = await capturer.capture(request);
  assert.equal(counting.calls.length, 3, 'a rebuilt _setup_util.py is captured again');
  assert.equal(third.kind, 'sourced');
});

test('a zsh user gets setup.zsh sourced by zsh, with the same ROS variables', async (t) => {
  if (!needs(t, catkin, debianPackage('/usr/bin/zsh', 'zsh'))) return;
  const root = buildCatkinWorkspace();
  const result = await captureEnvironment({
    workspace: workspaceAt(root),
    baseEnv: { ...baseEnv, SHELL: '/usr/bin/zsh' },
    setupScript: 'auto',
    timeoutMs: 20_000,
    runner,
    fs,
  });
  assert.equal(result.kind, 'sourced', JSON.stringify(result));
  if (result.kind !== 'sourced') return;
  assert.deepEqual(result.scripts, [path.join(root, 'devel', 'setup.zsh')]);
  assert.equal(result.shell, '/usr/bin/zsh');
  assert.equal(result.vars.ROS_PYTHON_VERSION, '3');
  assert.ok(result.vars.PYTHONPATH?.includes(path.join(root, 'devel', 'lib', 'python3', 'dist-packages')), result.vars.PYTHONPATH);
  for (const noise of ['_', 'SHLVL', 'PWD', 'OLDPWD']) assert.equal(result.vars[noise], undefined, noise);
});

test('a setup script with a syntax error fails with its exit code and the shell message, and probing keeps the plain environment', async () => {
  const broken = script('broken/setup.bash', 'export ROS_DISTRO=noetic\nif then fi\n');
  const result = await captureEnvironment({ workspace: null, baseEnv, setupScript: broken, timeoutMs: 10_000, runner, fs });
  assert.equal(result.kind, 'failed');
  if (result.kind !== 'failed') return;
  assert.equal(result.script, broken);
  assert.match(result.detail, /^exit code [1-9]\d*: .*syntax error/);
  assert.ok(!result.detail.includes('\n'));
  assert.deepEqual(result.vars, baseEnv);
});

test('a setup script that hangs fails within the timeout and says so', async () => {
  const hanging = script('hang/setup.bash', 'echo sourcing >&2\nsleep 60\n');
  const started = Date.now();
  const result = await captureEnvironment({ workspace: null, baseEnv, setupScript: hanging, timeoutMs: 1000, runner, fs });
  const elapsed = Date.now() - started;
  assert.equal(result.kind, 'failed');
  if (result.kind !== 'failed') return;
  assert.match(result.detail, /^timed out after 1000 ms/);
  assert.ok(elapsed < 5000, `took ${elapsed} ms`);
});

test('a script that exits the shell fails instead of passing off an empty environment', async () => {
  const exiting = script('exiting/setup.bash', 'export ROS_DISTRO=noetic\necho "bye" >&2\nexit 0\n');
  const result = await captureEnvironment({ workspace: null, baseEnv, setupScript: exiting, timeoutMs: 10_000, runner, fs });
  assert.equal(result.kind, 'failed');
  if (result.kind === 'failed') assert.match(result.detail, /before the environment was printed: bye$/);
});

test('values with newlines, chatter on stdout and a script path with spaces and $() all come through intact', async () => {
  const tricky = script(
    'dir with $(touch pwned) spaces/setup.bash',
    `echo "Sourcing workspace..."\nexport MULTI=$'first line\\nsecond=line'\nexport ARGS_SEEN="$#"\n`,
  );
  const result = await captureEnvironment({ workspace: null, baseEnv, setupScript: tricky, timeoutMs: 10_000, runner, fs });
  assert.equal(result.kind, 'sourced', JSON.stringify(result));
  if (result.kind !== 'sourced') return;
  assert.equal(result.vars.MULTI, 'first line\nsecond=line');
  assert.equal(result.vars.ARGS_SEEN, '0', 'the script sees no positional arguments (catkin passes them on)');
  assert.equal(
    Object.values(result.vars).some((v) => v.includes('Sourcing workspace')),
    false,
  );
  assert.equal(result.vars.PATH, SYSTEM_PATH);
  assert.equal(existsSync(path.join(temp, 'pwned')), false);
});

test("'off' sources nothing; an unbuilt workspace uses the one installed ROS distro, or nothing when ROS_DISTRO is already set", async () => {
  const off = await captureEnvironment({ workspace: null, baseEnv, setupScript: 'off', timeoutMs: 10_000, runner, fs });
  assert.deepEqual(off, { kind: 'plain', reason: 'disabled', vars: baseEnv });

  const unbuilt = path.join(temp, 'unbuilt_ws');
  mkdirSync(path.join(unbuilt, 'src'), { recursive: true });
  const rosRoot = path.join(temp, 'opt-ros');
  mkdirSync(rosRoot, { recursive: true });
  const none = await captureEnvironment({
    workspace: workspaceAt(unbuilt),
    baseEnv,
    setupScript: 'auto',
    timeoutMs: 10_000,
    runner,
    fs,
    rosInstallsRoot: rosRoot,
  });
  assert.deepEqual(none, { kind: 'plain', reason: 'no-setup-script', vars: baseEnv });

  const distroScript = script('opt-ros/noetic/setup.bash', 'export ROS_DISTRO=noetic\nexport ROS_PYTHON_VERSION=3\n');
  const distro = await captureEnvironment({
    workspace: workspaceAt(unbuilt),
    baseEnv,
    setupScript: 'auto',
    timeoutMs: 10_000,
    runner,
    fs,
    rosInstallsRoot: rosRoot,
  });
  assert.equal(distro.kind, 'sourced', JSON.stringify(distro));
  if (distro.kind === 'sourced') {
    assert.deepEqual(distro.scripts, [distroScript]);
    assert.equal(distro.vars.ROS_DISTRO, 'noetic');
  }

  const alreadySourced = await captureEnvironment({
    workspace: workspaceAt(unbuilt),
    baseEnv: { ...baseEnv, ROS_DISTRO: 'melodic' },
    setupScript: 'auto',
    timeoutMs: 10_000,
    runner,
    fs,
    rosInstallsRoot: rosRoot,
  });
  assert.equal(alreadySourced.kind, 'plain');

  script('opt-ros/melodic/setup.bash', 'export ROS_DISTRO=melodic\n');
  const two = await captureEnvironment({
    workspace: workspaceAt(unbuilt),
    baseEnv,
    setupScript: 'auto',
    timeoutMs: 10_000,
    runner,
    fs,
    rosInstallsRoot: rosRoot,
  });
  assert.deepEqual(two, { kind: 'plain', reason: 'no-setup-script', vars: baseEnv }, 'two distros: no guess');
});

test('a shell that is not installed fails with a message naming it', async () => {
  const ok = script('fine/setup.bash', 'export A=1\n');
  const result = await captureEnvironment({
    workspace: null,
    baseEnv,
    setupScript: ok,
    shell: '/nonexistent/bin/bash',
    timeoutMs: 10_000,
    runner,
    fs,
  });
  assert.equal(result.kind, 'failed');
  if (result.kind === 'failed') {
    assert.equal(result.shell, '/nonexistent/bin/bash');
    assert.match(result.detail, /\/nonexistent\/bin\/bash could not start \(ENOENT\)/);
  }
});

test('a configured setup script that does not exist fails naming it, without starting a shell', async () => {
  const counting = countingRunner();
  const missing = path.join(temp, 'nowhere', 'setup.bash');
  const result = await captureEnvironment({ workspace: null, baseEnv, setupScript: missing, timeoutMs: 10_000, runner: counting, fs });
  assert.deepEqual(result.kind === 'failed' ? [result.script, result.detail] : result, [missing, `${missing} does not exist`]);
  assert.equal(counting.calls.length, 0);
});

test('a broken script is not run again until it changes', async () => {
  const broken = script('broken-cached/setup.bash', 'if then fi\n');
  const counting = countingRunner();
  const capturer = createEnvironmentCapturer({ runner: counting, fs });
  const request = { workspace: null, baseEnv, setupScript: broken, timeoutMs: 10_000 };
  assert.equal((await capturer.capture(request)).kind, 'failed');
  assert.equal((await capturer.capture(request)).kind, 'failed');
  assert.equal(counting.calls.length, 1);
  const later = new Date(Date.now() + 5000);
  writeFileSync(broken, 'export FIXED=1\n');
  utimesSync(broken, later, later);
  const fixed = await capturer.capture(request);
  assert.equal(fixed.kind === 'sourced' ? fixed.vars.FIXED : fixed.kind, '1');
  assert.equal(counting.calls.length, 2);
});

test('a capture cancelled with its check is not what a newer check gets: the newer one sources the script itself', async () => {
  const slow = path.join(temp, 'slow-setup.bash');
  writeFileSync(slow, 'sleep 0.5\nexport SOURCED_BY=slow-setup\n');
  const counting = countingRunner();
  // On a loaded machine the killed shell's exit is reported late; the newer check asks in that window.
  const slowToReportAborts: ProcessRunner = {
    async run(file, args, options) {
      const outcome = await counting.run(file, args, options);
      if (outcome.kind === 'aborted') await new Promise((resolve) => setTimeout(resolve, 400));
      return outcome;
    },
  };
  const capturer = createEnvironmentCapturer({ runner: slowToReportAborts, fs });
  const request = { workspace: null, baseEnv: { PATH: SYSTEM_PATH }, setupScript: slow, timeoutMs: 20_000 };
  const superseded = new AbortController();
  const first = capturer.capture({ ...request, signal: superseded.signal });
  await new Promise((resolve) => setTimeout(resolve, 150));
  // The editor cancels the older check and starts the newer one at once, while the killed shell is still exiting.
  superseded.abort();
  const second = await capturer.capture({ ...request, signal: new AbortController().signal });
  assert.equal(second.kind === 'sourced' ? second.vars.SOURCED_BY : `${second.kind}: ${JSON.stringify(second)}`, 'slow-setup');
  assert.equal((await first).kind, 'failed', 'the cancelled check itself gets no environment');
  assert.equal(counting.calls.length, 2);
  // Settled, it serves every later check without a process.
  await capturer.capture({ ...request, signal: new AbortController().signal });
  assert.equal(counting.calls.length, 2);
});
