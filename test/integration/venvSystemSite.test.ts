// A venv made WITHOUT --system-site-packages cannot import rospy (Debian's apt puts it in the system's dist-packages).
// The fix the engine offers is taken from the CLI's JSON, its lines run for real in bash, the doctor run again: the
// finding must be gone, the venv must keep what was installed in it, and a venv inside the workspace gets COLCON_IGNORE.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { needs, rosStack, DEBIAN_PYTHON } from '../support/prerequisites';
import { diagnoseWithCli, ensureCliBuilt, nodeWorkspace, reportSummary } from '../support/cliHarness';
import { installIntoVenv, makeVenv, SYSTEM_PATH } from '../support/colconWorkspace';
import type { JsonReport } from '../../src/cli/jsonOutput';
import type { FixSpec } from '../../src/core/findings/fixSpec';

const run = promisify(execFile);

const NODE = ['#!/usr/bin/env python3', 'import rospy', 'import yaml', '', "rospy.init_node('detector')", ''].join('\n');
const ROSPY_LINE = 2;

let scratch = '';

before(async () => {
  ensureCliBuilt();
  scratch = await mkdtemp(join(tmpdir(), 'red-venv-system-site-'));
});
after(() => rm(scratch, { recursive: true, force: true }));

const env = (): Record<string, string> => ({ PATH: SYSTEM_PATH, HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8' });

/** The venv fix on rospy's module-missing finding: the one that recreates the venv with --system-site-packages. */
function venvFix(report: JsonReport, node: string): Extract<FixSpec, { kind: 'runInTerminal' }> {
  const finding = report.findings.find(
    (f) => f.code === 'module-missing' && f.module === 'rospy' && f.file === node && f.line === ROSPY_LINE,
  );
  assert.ok(finding, reportSummary(report));
  assert.match(finding.message, /without --system-site-packages/);
  const fix = finding.fixes.find((f) => f.kind === 'runInTerminal' && f.commands.some((line) => line.includes('--system-site-packages')));
  assert.ok(fix && fix.kind === 'runInTerminal', JSON.stringify(finding.fixes));
  return fix;
}

/** The fix's lines as a user pastes them: one bash, in order, stopping at the first error. */
function applyInBash(fix: Extract<FixSpec, { kind: 'runInTerminal' }>, cwd: string): void {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', fix.commands.join('\n')], { cwd, env: env(), encoding: 'utf8' });
  assert.equal(result.status, 0, `${fix.commands.join('\n')}\n${result.stdout}${result.stderr}`);
}

async function importsInVenv(python: string, modules: string): Promise<boolean> {
  try {
    await run(python, ['-c', `import ${modules}`], { env: env() });
    return true;
  } catch {
    return false;
  }
}

test('a workspace venv without --system-site-packages: the recreate-venv fix, run for real, clears module-missing rospy and adds COLCON_IGNORE', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const root = join(scratch, 'in-workspace');
  const node = await nodeWorkspace(root, NODE);
  const venv = join(root, '.venv');
  const python = await makeVenv(venv, { systemSite: false });
  // The user's own package in the venv (torch in the issue): the fix must keep it.
  await installIntoVenv(venv, 'venv_only_ml');
  assert.equal(await importsInVenv(python, 'rospy'), false, 'the venv must not see rospy before the fix');

  const before = await diagnoseWithCli(root, python, env(), join(scratch, 'cache'));
  const fix = venvFix(before, node);
  assert.deepEqual(fix.commands, [
    `${DEBIAN_PYTHON} -m venv --system-site-packages --upgrade ${venv}`,
    `touch ${join(venv, 'COLCON_IGNORE')}`,
  ]);
  applyInBash(fix, root);

  assert.ok(existsSync(join(venv, 'COLCON_IGNORE')), 'COLCON_IGNORE in the workspace venv');
  assert.match(await readFile(join(venv, 'pyvenv.cfg'), 'utf8'), /include-system-site-packages = true/);
  assert.equal(await importsInVenv(python, 'rospy, yaml, venv_only_ml'), true, 'the venv sees rospy and keeps its own package');
  const after = await diagnoseWithCli(root, python, env(), join(scratch, 'cache'));
  assert.deepEqual(after.findings, [], reportSummary(after));
});

test('a venv outside the workspace gets the same fix without COLCON_IGNORE, and it clears the finding too', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const root = join(scratch, 'outside');
  const node = await nodeWorkspace(root, NODE);
  const venv = join(scratch, 'outside-venv');
  const python = await makeVenv(venv, { systemSite: false });

  const before = await diagnoseWithCli(root, python, env(), join(scratch, 'cache'));
  const fix = venvFix(before, node);
  assert.deepEqual(fix.commands, [`${DEBIAN_PYTHON} -m venv --system-site-packages --upgrade ${venv}`]);
  applyInBash(fix, root);

  assert.equal(existsSync(join(venv, 'COLCON_IGNORE')), false);
  const after = await diagnoseWithCli(root, python, env(), join(scratch, 'cache'));
  assert.deepEqual(after.findings, [], reportSummary(after));
});
