// ROS 2's `importlib.metadata.PackageNotFoundError: No package metadata was found for <dist>`: a colcon entry point
// run without the workspace sourced. REAL colcon builds; the entry point is run once to record what really happens,
// the doctor only asks the runner for the distribution's metadata (the probe), never runs the node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { jython, needs, pyenvPython, pyenvVersion, rosStack, DEBIAN_PYTHON } from '../support/prerequisites';
import {
  colconBuild,
  colconTools,
  ENTRY_POINT_LINE,
  makeVenv,
  SYSTEM_PATH,
  tempWorkspace,
  writeAmentPackage,
} from '../support/colconWorkspace';
import { probeOk, realProber } from './probeSupport';
import type { JsonReport } from '../../src/cli/jsonOutput';

const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const PKG = 'demo_py';
const DIST = 'demo-py';
const NODE = ['import yaml', '', '', 'def main():', '    print(yaml.safe_dump({"ok": True}))', ''].join('\n');

let scratch = '';

before(async () => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
  scratch = await mkdtemp(join(tmpdir(), 'red-entry-metadata-'));
});
after(() => rm(scratch, { recursive: true, force: true }));

const env = (): Record<string, string> => ({
  PATH: SYSTEM_PATH,
  HOME: process.env.HOME ?? '/root',
  LANG: 'C.UTF-8',
  XDG_CACHE_HOME: join(scratch, 'cache'),
});

async function builtWorkspace(label: string, args: readonly string[] = []): Promise<{ root: string; setupPy: string; entry: string }> {
  const ws = await tempWorkspace(label);
  const dir = await writeAmentPackage(ws.root, { name: PKG, nodes: [{ exe: 'node', module: 'node', text: NODE }] });
  await colconBuild(ws.root, { args });
  return { root: ws.root, setupPy: join(dir, 'setup.py'), entry: join(ws.root, 'install', PKG, 'lib', PKG, 'node') };
}

async function doctor(root: string, python: string, extra: readonly string[]): Promise<JsonReport> {
  const { stdout } = await run(process.execPath, [CLI, root, '--python', python, '--format', 'json', '--no-cache', ...extra], {
    env: env(),
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { code?: number; stdout?: string; stderr?: string }) => {
    assert.equal(error.code, 1, `the CLI failed: ${error.stderr ?? ''}`);
    return { stdout: error.stdout ?? '' };
  });
  return JSON.parse(stdout) as JsonReport;
}

const summary = (report: JsonReport): string =>
  report.findings.map((f) => `${f.code} ${f.severity} ${f.file ?? ''}:${f.line ?? ''} ${f.message}`).join('\n');

/** bash as a user's terminal: the given lines first (a fix), then the entry point. */
function runInBash(lines: readonly string[], entry: string, cwd: string): { status: number | null; output: string } {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-c', [...lines, `"${entry}"`].join('\n')], {
    cwd,
    env: env(),
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

async function checkUnsourced(root: string, setupPy: string, entry: string, python: string): Promise<void> {
  // What really happens in a terminal where install/setup.bash was not sourced.
  const real = runInBash([], entry, root);
  assert.notEqual(real.status, 0);
  assert.match(real.output, /importlib\.metadata\.PackageNotFoundError: No package metadata was found for demo-py/);

  const unsourced = await doctor(root, python, ['--no-source']);
  assert.deepEqual(
    unsourced.findings.map((f) => f.code),
    ['ros-env-not-sourced'],
    summary(unsourced),
  );
  const [finding] = unsourced.findings;
  assert.ok(finding);
  assert.equal(finding.file, setupPy);
  assert.equal(finding.line, ENTRY_POINT_LINE);
  assert.equal(finding.severity, 'warning');
  assert.match(
    finding.message,
    /"ros2 run demo_py node" fails in \/usr\/bin\/python3 before the node starts, with PackageNotFoundError for demo-py/,
  );
  assert.match(finding.message, /source install\/setup\.bash first$/);
  assert.equal(unsourced.launchPaths.find((row) => row.kind === 'ros2-run')?.verdict, 'no-metadata', JSON.stringify(unsourced.launchPaths));

  // The fix, applied in a terminal: the same entry point now starts.
  const fix = finding.fixes.find((f) => f.kind === 'runInTerminal');
  assert.ok(fix && fix.kind === 'runInTerminal', JSON.stringify(finding.fixes));
  assert.deepEqual(fix.commands, [`source ${join(root, 'install', 'setup.bash')}`]);
  const fixed = runInBash(fix.commands, entry, root);
  assert.equal(fixed.status, 0, fixed.output);

  // And the doctor in the sourced environment (its default: it sources install/setup.bash) finds nothing.
  const sourced = await doctor(root, python, []);
  assert.deepEqual(sourced.findings, [], summary(sourced));
  assert.equal(sourced.launchPaths.find((row) => row.kind === 'ros2-run')?.verdict, 'ok');
}

test('ros2 run without install/setup.bash sourced: ros-env-not-sourced on the entry point line, from the probe, and sourcing clears it', async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const { root, setupPy, entry } = await builtWorkspace('metadata');
  t.after(() => rm(root, { recursive: true, force: true }));
  assert.match(await readFile(entry, 'utf8'), /# EASY-INSTALL-ENTRY-SCRIPT: 'demo-py==0\.1\.0'/);
  // The selected interpreter is the entry point's own: its metadata is asked of it in a probe of its own.
  await checkUnsourced(root, setupPy, entry, DEBIAN_PYTHON);
});

test('--symlink-install, with a venv selected: the same finding, asked of the entry point interpreter, not the selected one', async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const { root, setupPy, entry } = await builtWorkspace('metadata-symlink', ['--symlink-install']);
  t.after(() => rm(root, { recursive: true, force: true }));
  assert.match(await readFile(entry, 'utf8'), /# EASY-INSTALL-ENTRY-SCRIPT: 'demo-py','console_scripts','node'/);
  const python = await makeVenv(join(scratch, 'venv'), { systemSite: true });
  await checkUnsourced(root, setupPy, entry, python);
});

test('the probe answers the metadata question on 3.8+ (found with the install on PYTHONPATH, not found without) and is not applicable on 2.7, 3.6, 3.7 and Jython', async (t) => {
  if (!needs(t, ...colconTools, pyenvVersion('2.7'), pyenvVersion('3.6'), pyenvVersion('3.7'), pyenvVersion('3.8'), jython)) return;
  const { root } = await builtWorkspace('metadata-probe');
  t.after(() => rm(root, { recursive: true, force: true }));
  const site = join(root, 'install', PKG, 'lib', 'python3.11', 'site-packages');
  assert.ok(existsSync(site), site);
  const prober = realProber();
  const ask = async (python: string, withInstall: boolean) =>
    (
      await probeOk(prober, python, { ...env(), ...(withInstall ? { PYTHONPATH: site } : {}) }, [], {
        distributions: [DIST],
        timeoutMs: 90_000,
      })
    ).distributions?.[DIST];
  const modern = [DEBIAN_PYTHON, pyenvPython('3.8'), pyenvPython('3.12'), pyenvPython('3.13')].filter((p): p is string => p !== undefined);
  for (const python of modern) {
    assert.deepEqual(await ask(python, true), { found: true, version: '0.1.0' }, python);
    assert.equal((await ask(python, false))?.found, false, python);
  }
  const old = [pyenvPython('2.7'), pyenvPython('3.6'), pyenvPython('3.7'), '/usr/bin/jython'].filter((p): p is string => p !== undefined);
  for (const python of old) assert.deepEqual(await ask(python, true), { found: 'not-applicable' }, python);
});
