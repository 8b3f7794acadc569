// activation: the cost of loading dist/extension.js and calling activate(), plus the bundle and VSIX sizes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './engine';
import { activationInVsCode } from './realVsCodeActivation';
import { median } from './stats';

export interface ActivationResult {
  /** Module load + activate() call, median. */
  readonly ms: number;
  /** What the extension itself reports as the time spent inside activate() (exports.activationMs), median. */
  readonly activateBodyMs: number | null;
  /**
   * Where `ms` was measured: 'vscode' is a real VS Code (code-server's extension host, through the e2e harness);
   * 'node-stand-in' is plain Node with a do-nothing `vscode` module, used only when the real one could not run.
   */
  readonly measuredIn: 'vscode' | 'node-stand-in';
  /** Real VS Code runs that produced a figure, and why the others did not. */
  readonly vscodeRuns: number;
  readonly vscodeFailure: string | null;
  /** activate() of an extension that does nothing, in the same host just before ours: VS Code's own share; median. */
  readonly emptyExtensionMs: number | null;
  /** The stand-in's figure, always measured: our own load + activate() without VS Code around it. */
  readonly standInMs: number;
  readonly bundleBytes: number;
  readonly vsixBytes: number | null;
  /** The real VS Code runs behind `ms` (empty when measured in the stand-in), for the spread. */
  readonly runs: readonly number[];
}

/** Runs bench/activationStandIn.cjs in plain Node, so no tsx hook sits in the module loader being timed. */
export function activationInStandIn(rounds: number): { ms: number; activateBodyMs: number | null } {
  const bundle = path.join(REPO_ROOT, 'dist', 'extension.js');
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'activationStandIn.cjs'), bundle, String(rounds)], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`the activation stand-in failed (${result.status ?? result.signal}): ${result.stderr}`);
  const parsed = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as { ms: number; activateBodyMs: number | null };
  return parsed;
}

/**
 * Packages as `npm run package` does (production bundle, then the VSIX), times activation of that production
 * bundle in a real VS Code (and in the plain-Node stand-in), and rebuilds dist/ for development afterwards.
 */
export async function activation(rounds: number, vscodeRuns: number): Promise<ActivationResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ros-env-doctor-bench-vsix-'));
  const vsix = path.join(dir, 'bench.vsix');
  try {
    const packaged = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', vsix], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    if (packaged.status !== 0) process.stderr.write(`bench: npm run package failed, no VSIX size:\n${packaged.stderr}\n`);
    const bundleBytes = statSync(path.join(REPO_ROOT, 'dist', 'extension.js')).size;
    const vsixBytes = packaged.status === 0 ? statSync(vsix).size : null;
    let timing: { ms: number; activateBodyMs: number | null };
    try {
      timing = activationInStandIn(rounds);
    } catch (error) {
      // A bench that dies here would throw away every figure measured before it.
      process.stderr.write(`bench: ${String(error)}\n`);
      timing = { ms: Number.NaN, activateBodyMs: null };
    }
    const real: number[] = [];
    const bodies: number[] = [];
    const empties: number[] = [];
    let vscodeFailure: string | null = null;
    for (let i = 0; i < vscodeRuns && vscodeFailure === null; i++) {
      const run = await activationInVsCode();
      if (run.kind === 'failed') vscodeFailure = run.detail;
      else if (run.wasActive) vscodeFailure = 'the extension was already active before the bench activated it';
      else {
        real.push(run.ms);
        if (run.activateBodyMs !== null) bodies.push(run.activateBodyMs);
        if (run.emptyMs !== null) empties.push(run.emptyMs);
      }
    }
    if (real.length > 0) {
      return {
        runs: real,
        ms: median(real),
        activateBodyMs: bodies.length > 0 ? median(bodies) : null,
        measuredIn: 'vscode',
        vscodeRuns: real.length,
        vscodeFailure,
        emptyExtensionMs: empties.length > 0 ? median(empties) : null,
        standInMs: timing.ms,
        bundleBytes,
        vsixBytes,
      };
    }
    return {
      ...timing,
      runs: [],
      measuredIn: 'node-stand-in',
      vscodeRuns: 0,
      vscodeFailure,
      emptyExtensionMs: null,
      standInMs: timing.ms,
      bundleBytes,
      vsixBytes,
    };
  } finally {
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}
