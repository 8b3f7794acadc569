// ROS 2's rclpy, as a LABELLED STAND-IN (test/support/rclpyStandIn.ts: a real C binding compiled by gcc for one pyenv
// Python, loaded with rclpy's real loader hints): what the CLI says when another Python minor imports it, or when
// its shared libraries do not load. Never a ROS 1 suggestion (rospkg, catkin_pkg) for ROS 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needs, pyenvPython, pyenvRoot, pyenvVersion } from '../support/prerequisites';
import { buildRclpyStandIn, gcc } from '../support/rclpyStandIn';
import type { JsonReport } from '../../src/cli/jsonOutput';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const NODE = ['#!/usr/bin/env python3', 'import rclpy', '', 'rclpy.init()', ''].join('\n');
let scratch = '';

before(async () => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
  scratch = await mkdtemp(join(tmpdir(), 'red-rclpy-'));
});
after(() => rm(scratch, { recursive: true, force: true }));

/** What /opt/ros/jazzy/setup.bash would export, with the stand-in where rclpy would be. */
function jazzyEnv(sitePackages: string): Record<string, string> {
  return {
    PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: process.env.HOME ?? '/root',
    LANG: 'C.UTF-8',
    ROS_DISTRO: 'jazzy',
    ROS_VERSION: '2',
    ROS_PYTHON_VERSION: '3',
    PYTHONPATH: sitePackages,
    PYENV_ROOT: pyenvRoot() ?? '/nonexistent',
    XDG_CACHE_HOME: join(scratch, 'cache'),
  };
}

function doctor(file: string, python: string, env: Record<string, string>): Promise<JsonReport> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, file, '--python', python, '--format', 'json', '--no-cache', '--no-source'],
      { env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        assert.ok(error === null || error.code === 1, `the CLI failed: ${stderr}`);
        resolve(JSON.parse(stdout) as JsonReport);
      },
    );
  });
}

function summary(report: JsonReport): string {
  return report.findings.map((f) => `${f.code} ${f.file ?? ''}:${f.line ?? ''} ${f.message}`).join('\n');
}

test('rclpy built for 3.12 imported from 3.11: extension-abi-mismatch names the cpython-312 on disk, switches to a 3.12, and says nothing of rospkg', async (t) => {
  if (!needs(t, gcc, pyenvVersion('3.12'), pyenvVersion('3.11'))) return;
  const standIn = await buildRclpyStandIn(pyenvPython('3.12') ?? '');
  t.after(() => standIn.cleanup());
  const node = join(scratch, 'talker.py');
  await writeFile(node, NODE);
  const env = jazzyEnv(standIn.sitePackages);
  // What really happens: rclpy's loader names the tag 3.11 wanted.
  const real = spawnSync(pyenvPython('3.11') ?? '', ['-c', 'import rclpy'], { env, encoding: 'utf8' });
  assert.match(real.stderr, /The C extension '.*_rclpy_pybind11\.cpython-311-x86_64-linux-gnu\.so' isn't present on the system\./);

  const report = await doctor(node, pyenvPython('3.11') ?? '', env);
  const finding = report.findings.find((f) => f.code === 'extension-abi-mismatch' && f.file === node && f.line === 2);
  assert.ok(finding, summary(report));
  assert.match(finding.message, /built for cpython-312/);
  assert.equal(report.findings.filter((f) => f.code === 'ros-deps-missing').length, 0, summary(report));
  const everyFix = JSON.stringify(report.findings.flatMap((f) => f.fixes));
  assert.doesNotMatch(everyFix, /rospkg|catkin_pkg|netifaces/);
  const switchTo = finding.fixes.find((fix) => fix.kind === 'selectInterpreter');
  assert.ok(switchTo?.kind === 'selectInterpreter', JSON.stringify(finding.fixes));
  assert.match(switchTo.path, /3\.12/);
  // The switch, applied: the 3.12 imports rclpy and nothing is left to say about it.
  const after = await doctor(node, switchTo.path, env);
  assert.deepEqual(
    after.findings.filter((f) => f.module === 'rclpy' || f.code === 'ros-python-mismatch'),
    [],
    summary(after),
  );
});

test("rclpy's binding present but its shared library missing: the loader's 'present on the system' hint is an import error, not a missing ROS 1 dependency", async (t) => {
  if (!needs(t, gcc, pyenvVersion('3.12'))) return;
  const standIn = await buildRclpyStandIn(pyenvPython('3.12') ?? '', { linkPrivateLibrary: true });
  t.after(() => standIn.cleanup());
  const node = join(scratch, 'listener.py');
  await writeFile(node, NODE);
  const env = jazzyEnv(standIn.sitePackages);
  const real = spawnSync(pyenvPython('3.12') ?? '', ['-c', 'import rclpy'], { env, encoding: 'utf8' });
  assert.match(
    real.stderr,
    /librcl_standin\.so: cannot open shared object file[\s\S]*failed to be imported while being present on the system/,
  );

  const report = await doctor(node, pyenvPython('3.12') ?? '', env);
  const finding = report.findings.find((f) => f.module === 'rclpy' && f.line === 2);
  assert.ok(finding, summary(report));
  assert.equal(finding.code, 'module-import-error', summary(report));
  assert.match(`${finding.message}\n${finding.detail ?? ''}`, /librcl_standin\.so|present on the system/);
  assert.doesNotMatch(JSON.stringify(report.findings.flatMap((f) => f.fixes)), /rospkg|catkin_pkg/);
});
