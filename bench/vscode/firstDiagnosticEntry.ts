// Runs INSIDE a real VS Code extension host (code-server) as the extensionTestsPath, on a copy of the example
// workspace with python.defaultInterpreterPath set: opens the node and times, on the host's own clock, how long
// until the extension publishes the selected interpreter's complete answer (the API's onDidPublish, which the
// extension also logs), first with an empty probe cache (cold), then for a second node with the same imports
// (warm: every probe is a cache hit). The floors are measured right after, in the same host, through the same
// interpreter: `python -c "import <each of the node's modules>"` (the slowest is the floor) and `python -c pass`.
// Writes the figures to BENCH_FIRST_DIAGNOSTIC_OUT.
import { execFile } from 'node:child_process';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RosEnvDoctorApi } from '../../src/editor/testApi';
import { startCpuWindow, type CpuWindow } from './cpuWindow';

const EXTENSION_ID = 'ros-env-doctor.ros-env-doctor';
const SETTLE_MS = 3000;
const TIMEOUT_MS = 120_000;
const FLOOR_RUNS = 3;
const STARTUP_RUNS = 7;

export interface FirstDiagnosticRun {
  readonly kind: 'ok';
  readonly interpreter: string;
  readonly coldMs: number;
  readonly warmMs: number;
  /** The node's slowest import alone: `python -c "import <module>"`, median of FLOOR_RUNS. */
  readonly floorMs: number;
  readonly slowestModule: string;
  /** `python -c pass`, median of STARTUP_RUNS. */
  readonly startupMs: number;
  readonly coldDiagnostics: number;
  /** Where the CPU went between opening the node and the cold answer; undefined off Linux. */
  readonly coldCpu: CpuWindow | undefined;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function timePython(python: string, code: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(python, ['-c', code], { timeout: TIMEOUT_MS }, (error) =>
      error === null ? resolve(performance.now() - started) : reject(new Error(`${python} -c ${code} failed`, { cause: error })),
    );
  });
}

/** Opens the file and resolves with the host time of the first publication that completes the selected interpreter's answer. */
async function openAndWait(
  api: RosEnvDoctorApi,
  file: vscode.Uri,
): Promise<{ readonly ms: number; readonly diagnostics: number; readonly cpu: CpuWindow | undefined }> {
  let listener: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  const published = new Promise<{ at: number; diagnostics: number }>((resolve, reject) => {
    listener = api.onDidPublish((publication) => {
      if (publication.selectedComplete) resolve(publication);
    });
    timer = setTimeout(() => reject(new Error(`no publication within ${TIMEOUT_MS} ms after opening ${file.fsPath}`)), TIMEOUT_MS);
  });
  try {
    const endCpuWindow = startCpuWindow();
    const started = performance.now();
    await vscode.window.showTextDocument(file);
    const publication = await published;
    // Read on the publication's turn of the event loop (the listener resolved it): later work is not counted.
    const cpu = endCpuWindow();
    return { ms: publication.at - started, diagnostics: publication.diagnostics, cpu };
  } finally {
    listener?.dispose();
    clearTimeout(timer);
  }
}

export async function run(): Promise<void> {
  const out = process.env.BENCH_FIRST_DIAGNOSTIC_OUT;
  const python = process.env.BENCH_PYTHON;
  if (out === undefined || python === undefined) throw new Error('BENCH_FIRST_DIAGNOSTIC_OUT and BENCH_PYTHON must be set');
  try {
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (extension === undefined || folder === undefined) throw new Error(`${EXTENSION_ID} or the workspace folder is missing`);
    // Activation is measured by its own figure; here the clock starts when the node is opened.
    const api = await extension.activate();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const scripts = path.join(folder.uri.fsPath, 'src', 'perception_demo', 'scripts');
    const node = path.join(scripts, 'detector_node.py');
    const cold = await openAndWait(api, vscode.Uri.file(node));
    await api.whenIdle();

    // A second node with the same imports: a new file makes the extension diagnose again, and every probe it needs is cached.
    const copy = path.join(scripts, 'detector_node_copy.py');
    await copyFile(node, copy);
    const warm = await openAndWait(api, vscode.Uri.file(copy));
    await api.whenIdle();
    await rm(copy, { force: true });

    const diagnosis = api.diagnosis(folder);
    const nodeModules = diagnosis?.files.find((file) => file.path === node)?.scan.imports.map((site) => site.topLevel) ?? [];
    const modules = [...new Set(nodeModules)].filter((module) => diagnosis?.modules.includes(module));
    let floorMs = 0;
    let slowestModule = '';
    for (const module of modules) {
      const runs: number[] = [];
      for (let i = 0; i < FLOOR_RUNS; i++) runs.push(await timePython(python, `import ${module}`).catch(() => Number.NaN));
      const ms = median(runs.filter((value) => Number.isFinite(value)));
      if (ms > floorMs) {
        floorMs = ms;
        slowestModule = module;
      }
    }
    const startups: number[] = [];
    for (let i = 0; i < STARTUP_RUNS; i++) startups.push(await timePython(python, 'pass'));
    const result: FirstDiagnosticRun = {
      kind: 'ok',
      interpreter: diagnosis?.selected.interpreter.path ?? python,
      coldMs: cold.ms,
      warmMs: warm.ms,
      floorMs,
      slowestModule,
      startupMs: median(startups),
      coldDiagnostics: cold.diagnostics,
      coldCpu: cold.cpu,
    };
    await writeFile(out, JSON.stringify(result));
  } catch (error) {
    await writeFile(
      out,
      JSON.stringify({ kind: 'failed', detail: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  }
}
