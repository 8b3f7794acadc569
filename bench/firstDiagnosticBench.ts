// firstDiagnostic, measured in a real VS Code (code-server + headless Chromium through the e2e harness): time from
// opening the example node to the publication of the selected interpreter's complete answer, cold (a fresh
// extension host, so an empty probe cache) ÷ the node's slowest import alone, and warm (probe cache hits) ÷
// `python -c pass` — both floors measured in the same host right after. The first session is discarded: it
// only warms the OS page cache (torch's files, the interpreters), so "cold" means an empty probe cache, not a cold disk.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FirstDiagnosticRun } from './vscode/firstDiagnosticEntry';
import { REPO_ROOT } from './engine';
import { median, spread, type Spread } from './stats';
import { buildHostEntry, runHostEntry, type HostFailure } from './vscodeSession';

export const FIRST_DIAGNOSTIC_PYTHON = '/usr/bin/python3';

export interface ColdCpu {
  readonly cores: number;
  readonly machineBusyMs: number;
  readonly probesMs: number;
  readonly extensionHostMs: number;
  /** Everything else that ran: VS Code's renderer and server, and any other load on the machine. */
  readonly restMs: number;
  /** (busy CPU ÷ cores) ÷ the floor: the least cold ratio any scheduling of the window's work could reach here. */
  readonly leastPossibleVsFloor: number;
}

function coldCpu(runs: readonly FirstDiagnosticRun[]): ColdCpu | undefined {
  const windows = runs.flatMap((run) => (run.coldCpu === undefined ? [] : [{ cpu: run.coldCpu, floorMs: run.floorMs }]));
  if (windows.length === 0) return undefined;
  return {
    cores: windows[0]?.cpu.cores ?? 0,
    machineBusyMs: median(windows.map(({ cpu }) => cpu.machineBusyMs)),
    probesMs: median(windows.map(({ cpu }) => cpu.probesMs)),
    extensionHostMs: median(windows.map(({ cpu }) => cpu.extensionHostMs)),
    restMs: median(windows.map(({ cpu }) => cpu.machineBusyMs - cpu.probesMs - cpu.extensionHostMs)),
    leastPossibleVsFloor: median(windows.map(({ cpu, floorMs }) => cpu.machineBusyMs / cpu.cores / floorMs)),
  };
}

export type FirstDiagnosticResult =
  | {
      readonly kind: 'ok';
      readonly coldVsFloor: number;
      readonly coldMs: number;
      readonly floorMs: number;
      readonly slowestModule: string;
      readonly warmVsStartup: number;
      readonly warmMs: number;
      readonly startupMs: number;
      readonly sessions: number;
      readonly coldVsFloorSpread: Spread;
      readonly warmVsStartupSpread: Spread;
      /** Medians over the sessions of where the CPU went in the cold window; undefined off Linux. */
      readonly coldCpu: ColdCpu | undefined;
    }
  | { readonly kind: 'failed'; readonly detail: string };

async function oneSession(entry: string, index: number): Promise<FirstDiagnosticRun | HostFailure> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ros-env-doctor-bench-first-'));
  try {
    const workspace = path.join(dir, 'catkin_ws');
    await cp(path.join(REPO_ROOT, 'examples', 'catkin_ws'), workspace, { recursive: true });
    return await runHostEntry<FirstDiagnosticRun>({
      entry,
      outVariable: 'BENCH_FIRST_DIAGNOSTIC_OUT',
      outFile: path.join(dir, 'first.json'),
      session: {
        name: `bench-first-diagnostic-${index}`,
        workspace,
        env: { BENCH_PYTHON: FIRST_DIAGNOSTIC_PYTHON },
        settings: { 'python.defaultInterpreterPath': FIRST_DIAGNOSTIC_PYTHON },
        timeoutMs: 240_000,
      },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function cpuText(cpu: FirstDiagnosticRun['coldCpu']): string {
  if (cpu === undefined) return '';
  const rest = cpu.machineBusyMs - cpu.probesMs - cpu.extensionHostMs;
  return `; CPU in the cold window: probes ${cpu.probesMs.toFixed(0)} ms, extension host ${cpu.extensionHostMs.toFixed(0)} ms, the rest ${rest.toFixed(0)} ms on ${cpu.cores} cores`;
}

/** `sessions` measured sessions after one discarded; the production bundle, as users get it. */
export async function firstDiagnostic(sessions: number, progress: (message: string) => void): Promise<FirstDiagnosticResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ros-env-doctor-bench-first-entry-'));
  try {
    const built = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--production'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    if (built.status !== 0) return { kind: 'failed', detail: `production build failed: ${built.stderr}` };
    const entry = await buildHostEntry('firstDiagnosticEntry', dir);
    const runs: FirstDiagnosticRun[] = [];
    for (let index = 0; index <= sessions; index++) {
      const run = await oneSession(entry, index);
      if (run.kind === 'failed') return run;
      progress(
        `  session ${index}${index === 0 ? ' (discarded: warms the page cache)' : ''}: cold ${run.coldMs.toFixed(0)} ms vs import ${run.slowestModule} ${run.floorMs.toFixed(0)} ms; warm ${run.warmMs.toFixed(0)} ms vs python -c pass ${run.startupMs.toFixed(0)} ms${cpuText(run.coldCpu)}`,
      );
      if (index > 0) runs.push(run);
    }
    const cold = runs.map((run) => run.coldMs / run.floorMs);
    const warm = runs.map((run) => run.warmMs / run.startupMs);
    return {
      kind: 'ok',
      coldVsFloor: median(cold),
      coldMs: median(runs.map((run) => run.coldMs)),
      floorMs: median(runs.map((run) => run.floorMs)),
      slowestModule: runs[0]?.slowestModule ?? '',
      warmVsStartup: median(warm),
      warmMs: median(runs.map((run) => run.warmMs)),
      startupMs: median(runs.map((run) => run.startupMs)),
      sessions: runs.length,
      coldVsFloorSpread: spread(cold),
      warmVsStartupSpread: spread(warm),
      coldCpu: coldCpu(runs),
    };
  } catch (error) {
    return { kind: 'failed', detail: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
    await rm(dir, { recursive: true, force: true });
  }
}
