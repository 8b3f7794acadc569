// Builds one hostile case from scratch in its own temp folder and runs the real CLI on it, the way a user would.
// Every process a fixture starts writes its PID to `pids`; the test then checks each is gone. The CLI runs with
// HOME, TMPDIR and XDG_CACHE_HOME inside the case's folder, so "nothing changed outside the temp folders" is
// checked by the workspace's snapshot and an empty TMPDIR after the run.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO = join(__dirname, '..', '..');
export const CLI = join(REPO, 'dist', 'cli.js');
export const SYSTEM_PYTHON = '/usr/bin/python3';
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** The test's own limit: far above the doctor's timeouts, so a pass means the doctor ended the case itself. */
export const OUTER_BOUND_MS = 150_000;

export function ensureBuilt(): void {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
}

export interface HostileCase {
  readonly root: string;
  readonly ws: string;
  readonly home: string;
  readonly tmp: string;
  readonly cache: string;
  readonly pidFile: string;
  readonly cleanup: () => Promise<void>;
}

export async function hostileCase(label: string): Promise<HostileCase> {
  const root = await mkdtemp(join(tmpdir(), `red-hostile-${label}-`));
  const c = {
    root,
    ws: join(root, 'ws'),
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    cache: join(root, 'cache'),
    pidFile: join(root, 'pids'),
  };
  for (const dir of [c.ws, c.home, c.tmp, c.cache]) await mkdir(dir, { recursive: true });
  await writeFile(c.pidFile, '');
  return { ...c, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export const MANIFEST = (name: string): string =>
  `<?xml version="1.0"?>\n<package format="2">\n  <name>${name}</name>\n  <version>0.1.0</version>\n  <description>d</description>\n  <maintainer email="a@b.c">a</maintainer>\n  <license>MIT</license>\n  <buildtool_depend>catkin</buildtool_depend>\n  <depend>rospy</depend>\n</package>\n`;

/** A catkin workspace with package `p` (its package.xml unless `manifest` is false) and the given files under src/p. */
export async function catkinWorkspace(c: HostileCase, files: Readonly<Record<string, string>>, manifest = true): Promise<string> {
  const pkg = join(c.ws, 'src', 'p');
  await mkdir(pkg, { recursive: true });
  await writeFile(join(c.ws, '.catkin_workspace'), '');
  if (manifest) await writeFile(join(pkg, 'package.xml'), MANIFEST('p'));
  await writeFile(
    join(pkg, 'CMakeLists.txt'),
    'cmake_minimum_required(VERSION 3.0.2)\nproject(p)\nfind_package(catkin REQUIRED)\ncatkin_package()\n',
  );
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(dirname(join(pkg, rel)), { recursive: true });
    await writeFile(join(pkg, rel), text, { mode: 0o755 });
  }
  return pkg;
}

/** Python that appends this process's PID (or `expr`'s value) to the case's PID file. */
export function recordPid(c: HostileCase, expr = 'os.getpid()'): string {
  return `open(${JSON.stringify(c.pidFile)}, 'a').write('%d\\n' % (${expr}))`;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The test's outer bound ended the run: the doctor did not end the case itself. */
  readonly killedByTest: boolean;
}

export interface RunOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Called once the child runs; may send it signals. */
  readonly onSpawn?: (child: ChildProcess) => void;
}

export function caseEnv(c: HostileCase, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    PATH: SYSTEM_PATH,
    HOME: c.home,
    LANG: 'C.UTF-8',
    TMPDIR: c.tmp,
    XDG_CACHE_HOME: c.cache,
    PYENV_ROOT: join(c.root, 'no-pyenv'),
    ...extra,
  };
}

export function runCli(c: HostileCase, args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: c.root, env: caseEnv(c, options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let killedByTest = false;
    const bound = setTimeout(() => {
      killedByTest = true;
      child.kill('SIGKILL');
    }, OUTER_BOUND_MS);
    child.on('close', (code, signal) => {
      clearTimeout(bound);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), killedByTest });
    });
    options.onSpawn?.(child);
  });
}

export interface JsonFinding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly detail: string | null;
  readonly module: string | null;
  readonly interpreter: string | null;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
}

export interface JsonInterpreterRow {
  readonly path: string;
  readonly probe: string;
  readonly detail: string | null;
  readonly modules: Readonly<Record<string, { readonly status: string; readonly detail: string | null }>>;
}

export interface JsonOut {
  readonly findings: readonly JsonFinding[];
  readonly interpreters: readonly JsonInterpreterRow[];
}

/** The JSON report; fails the test with the CLI's stderr when there is none. */
export function report(run: CliRun): JsonOut {
  assert.equal(run.killedByTest, false, `the CLI did not finish within the test's outer bound; stderr:\n${run.stderr.slice(-2000)}`);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code} (signal ${run.signal}); stderr:\n${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout) as JsonOut;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie is gone for every purpose but its table entry.
  try {
    return !/^\S+\s+\(.*\)\s+Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

export function recordedPids(c: HostileCase): number[] {
  if (!existsSync(c.pidFile)) return [];
  return readFileSync(c.pidFile, 'utf8')
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => Number.isInteger(pid) && pid > 1);
}

/** Every PID a fixture recorded is gone (a short settling time for the kernel to reap); leftovers are killed, then the test fails. */
export async function assertNoProcessLeft(c: HostileCase, allowed: readonly number[] = []): Promise<void> {
  const pids = recordedPids(c).filter((pid) => !allowed.includes(pid));
  const deadline = Date.now() + 5_000;
  let left = pids.filter(alive);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = left.filter(alive);
  }
  for (const pid of left) killQuietly(pid);
  assert.deepEqual(left, [], `processes left running: ${left.join(', ')}`);
}

export function killRecorded(c: HostileCase): void {
  for (const pid of recordedPids(c)) killQuietly(pid);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** The CLI's temp folders (under TMPDIR) are all removed. */
export function assertTempRemoved(c: HostileCase): void {
  assert.deepEqual(readdirSync(c.tmp), [], `left in TMPDIR: ${readdirSync(c.tmp).join(', ')}`);
}

/** Path → size/mtime/mode of everything under `dir` (links not followed). */
export function snapshot(dir: string): Map<string, string> {
  const result = new Map<string, string>();
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() ?? dir;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      const info = lstatSync(full);
      result.set(full, `${info.mode}:${info.size}:${info.mtimeMs}`);
      if (entry.isDirectory()) pending.push(full);
    }
  }
  return result;
}

export function assertUnchanged(before: Map<string, string>, after: Map<string, string>): void {
  assert.deepEqual([...after.entries()].sort(), [...before.entries()].sort(), 'the workspace changed during the run');
}

export function findingsWith(out: JsonOut, code: string): JsonFinding[] {
  return out.findings.filter((finding) => finding.code === code);
}
