// The engine's real pieces, wired as the CLI wires them, for the benchmarks to drive.
import * as os from 'node:os';
import * as path from 'node:path';
import type { InterpreterKind, InterpreterRef } from '../src/core/interpreters/interpreter';
import type { ProcessOutcome, ProcessRunner } from '../src/core/ports';
import type { Prober } from '../src/core/probe/prober';
import { createEngine } from '../src/node/engine';
import { createExecaRunner } from '../src/node/execaRunner';
import { createNodeFileSystem } from '../src/node/nodeFileSystem';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const PROBE_SCRIPT = path.join(REPO_ROOT, 'python', 'probe.py');
export const CORES = os.availableParallelism();
export const TIMEOUT_MS = 60_000;

export const fs = createNodeFileSystem();
export const runner: ProcessRunner = createExecaRunner();

/** The engine's prober as the CLI gets it (concurrency = cores), with a fresh cache. */
export function newProber(concurrency = Math.max(1, CORES)): Prober {
  return createEngine({ runner, fs, probeScript: PROBE_SCRIPT, concurrency }).prober;
}

export function interpreterRef(
  file: string,
  realPath: string,
  kind: InterpreterKind,
  displayName: string,
  envPrefix: string | null = null,
): InterpreterRef {
  return { path: file, realPath, kind, source: 'well-known', envPrefix, displayName };
}

/** The parent's environment as the probe's child gets it (complete, strings only). */
export function processEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Runs `<python> -c <code>` through the same runner the prober uses, so spawn costs are the same on both sides. */
export async function runPython(python: string, code: string, env: Record<string, string>): Promise<ProcessOutcome> {
  return runner.run(python, ['-c', code], { env, timeoutMs: TIMEOUT_MS, maxOutputBytes: 1024 * 1024 });
}

/** The same, but a baseline that does not run to completion would measure nothing: fail the bench loudly. */
export async function runPythonOk(python: string, code: string, env: Record<string, string>): Promise<void> {
  const outcome = await runPython(python, code, env);
  if (outcome.kind !== 'exited' || outcome.exitCode !== 0) {
    const detail = outcome.kind === 'exited' ? `exit ${outcome.exitCode}: ${outcome.stderr.slice(-400)}` : outcome.kind;
    throw new Error(`baseline ${python} -c ${JSON.stringify(code)} failed (${detail})`);
  }
}
