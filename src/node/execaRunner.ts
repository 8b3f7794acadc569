// The core's ProcessRunner on execa: no shell, own process group, group kill on timeout/abort, capped output.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessOutcome, ProcessRunner, RunOptions } from '../core/ports';

/** After killing a group, how long to wait for the child's streams to close before giving up on them. */
const KILL_GRACE_MS = 150;
/**
 * After the child exited, how long its output may take to drain. "Finished" means the process exited: a daemon it
 * left outside its group (setsid) may hold the pipe for ever, and must not turn a finished probe into a timeout.
 */
const EXIT_DRAIN_MS = 300;

/** Every process group this runner started and that has not exited: what a signal to the CLI must stop. */
const liveGroups = new Set<number>();

/** Kills every process group still running (SIGKILL); for a CLI interrupted by SIGINT, SIGTERM or SIGHUP. */
export function killAllProcessGroups(): void {
  for (const pid of liveGroups) killGroup(pid);
  liveGroups.clear();
}

/** Keeps the first and the last half of a stream: an error's start and a probe's document (printed last) both survive. */
class CappedOutput {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  truncated = false;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): void {
    const headRoom = Math.ceil(this.maxBytes / 2) - this.headBytes;
    if (headRoom > 0) {
      const taken = chunk.subarray(0, headRoom);
      this.head.push(taken);
      this.headBytes += taken.length;
      chunk = chunk.subarray(taken.length);
    }
    if (chunk.length === 0) return;
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    const tailLimit = Math.floor(this.maxBytes / 2);
    while (this.tailBytes > tailLimit) {
      this.truncated = true;
      const first = this.tail[0];
      if (first === undefined) break;
      const excess = this.tailBytes - tailLimit;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailBytes -= excess;
      }
    }
  }

  text(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail).toString('utf8');
    return this.truncated ? `${head}\n${tail}` : head + tail;
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}

/**
 * Processes run in an empty private folder unless a caller names one: an interpreter that turns out to be a
 * shell script (or a truncated binary /bin/sh reads as one) must not litter the user's workspace with files.
 */
/** execa is ESM-only; a dynamic import loads it from the CommonJS bundle and from tsx-run tests alike. */
let execaModule: Promise<typeof import('execa')> | undefined;
const loadExeca = (): Promise<typeof import('execa')> => (execaModule ??= import('execa'));

export function createExecaRunner(): ProcessRunner {
  // Loaded while the caller detects the workspace, not when the first probe is already waiting for it.
  loadExeca().catch(() => undefined);
  let neutralDir: string | undefined;
  const workingDir = (): string => {
    if (neutralDir === undefined || !existsSync(neutralDir)) {
      const created = mkdtempSync(join(tmpdir(), 'ros-env-doctor-run-'));
      process.once('exit', () => rmSync(created, { recursive: true, force: true }));
      neutralDir = created;
    }
    return neutralDir;
  };
  return { run: (file, args, options) => runProcess(file, args, options.cwd === undefined ? { ...options, cwd: workingDir() } : options) };
}

async function runProcess(file: string, args: readonly string[], options: RunOptions): Promise<ProcessOutcome> {
  if (options.signal?.aborted) return { kind: 'aborted' };
  const started = performance.now();
  const stdout = new CappedOutput(options.maxOutputBytes);
  const stderr = new CappedOutput(options.maxOutputBytes);
  const { execa } = await loadExeca();
  const subprocess = execa(file, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    extendEnv: options.env === undefined,
    detached: true,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    cleanup: true,
    windowsHide: true,
  });
  const onStdout = options.onStdout;
  subprocess.stdout?.on('data', (chunk: Buffer) => {
    stdout.push(chunk);
    if (onStdout?.(chunk.toString('latin1')) === true && stoppedFor === null) timer.refresh();
  });
  subprocess.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const pid = subprocess.pid;
  if (pid !== undefined) liveGroups.add(pid);

  let stoppedFor: 'timeout' | 'aborted' | null = null;
  let graceTimer: NodeJS.Timeout | undefined;
  let releaseGrace: () => void = () => {};
  const grace = new Promise<'grace'>((resolve) => {
    releaseGrace = () => resolve('grace');
  });
  // A holder, not a let: it is set in a callback, which control-flow narrowing cannot see.
  const exitState: { value: { readonly code: number | null; readonly signal: NodeJS.Signals | null } | null } = { value: null };
  let drainTimer: NodeJS.Timeout | undefined;
  subprocess.on('exit', (code, signal) => {
    exitState.value = { code, signal };
    // Anything the child left behind in its group (a daemon thread's subprocess, a forked helper) goes with it.
    killGroup(pid);
    if (pid !== undefined) liveGroups.delete(pid);
    drainTimer = setTimeout(releaseGrace, EXIT_DRAIN_MS);
  });
  const stop = (reason: 'timeout' | 'aborted'): void => {
    // A child that already exited finished, whatever still holds its pipes.
    if (stoppedFor !== null || exitState.value !== null) return;
    stoppedFor = reason;
    killGroup(subprocess.pid);
    graceTimer = setTimeout(releaseGrace, KILL_GRACE_MS);
  };
  const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
  const onAbort = (): void => stop('aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  // Cancelled while execa was still loading: the listener came too late to hear it.
  if (options.signal?.aborted === true) onAbort();

  const settled = await Promise.race([subprocess, grace]);
  clearTimeout(timer);
  if (graceTimer !== undefined) clearTimeout(graceTimer);
  if (drainTimer !== undefined) clearTimeout(drainTimer);
  if (pid !== undefined) liveGroups.delete(pid);
  options.signal?.removeEventListener('abort', onAbort);
  if (settled === 'grace') {
    // A grandchild that left our group still holds the pipes; stop reading rather than hang.
    subprocess.stdout?.destroy();
    subprocess.stderr?.destroy();
  }

  const durationMs = Math.round(performance.now() - started);
  if (stoppedFor === 'aborted') return { kind: 'aborted' };
  if (stoppedFor === 'timeout') return { kind: 'timeout', timeoutMs: options.timeoutMs, stdout: stdout.text(), stderr: stderr.text() };
  if (settled === 'grace') {
    // The child exited; what still held its output is outside its group and is not ours to kill.
    const exited = exitState.value;
    if (exited === null) return { kind: 'aborted' };
    if (exited.signal !== null)
      return { kind: 'signaled', signal: exited.signal, stdout: stdout.text(), stderr: stderr.text(), durationMs };
    return {
      kind: 'exited',
      exitCode: exited.code ?? 0,
      stdout: stdout.text(),
      stderr: stderr.text(),
      truncated: stdout.truncated || stderr.truncated,
      stdoutTruncated: stdout.truncated,
      durationMs,
      heldOutput: true,
    };
  }
  if (settled.exitCode === undefined && settled.signal === undefined) {
    const code = settled.code ?? 'UNKNOWN';
    const message = settled.originalMessage ?? settled.shortMessage ?? settled.message ?? code;
    return { kind: 'spawn-error', code, message };
  }
  if (settled.signal !== undefined) {
    return { kind: 'signaled', signal: settled.signal, stdout: stdout.text(), stderr: stderr.text(), durationMs };
  }
  return {
    kind: 'exited',
    exitCode: settled.exitCode ?? 0,
    stdout: stdout.text(),
    stderr: stderr.text(),
    truncated: stdout.truncated || stderr.truncated,
    stdoutTruncated: stdout.truncated,
    durationMs,
  };
}
