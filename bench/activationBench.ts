// activation: the cost of loading dist/extension.js and calling activate(), plus the bundle and VSIX sizes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './engine';

export interface ActivationResult {
  /** Module load + activate() call, median. */
  readonly ms: number;
  /** What the extension itself reports as the time spent inside activate() (exports.activationMs), median. */
  readonly activateBodyMs: number | null;
  /** Where it was measured; 'node-stand-in' is plain Node with a do-nothing `vscode` module, NOT a real VS Code. */
  readonly measuredIn: 'node-stand-in';
  readonly bundleBytes: number;
  readonly vsixBytes: number | null;
}

/** Runs bench/activationStandIn.cjs in plain Node, so no tsx hook sits in the module loader being timed. */
export function activationInStandIn(rounds: number): { ms: number; activateBodyMs: number | null } {
  const bundle = path.join(REPO_ROOT, 'dist', 'extension.js');
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'activationStandIn.cjs'), bundle, String(rounds)], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`the activation stand-in failed (${result.status ?? result.signal}): ${result.stderr}`);
  const parsed = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as { ms: number; activateBodyMs: number | null };
  return parsed;
}

/**
 * Packages as `npm run package` does (production bundle, then the VSIX), times activation on that production
 * bundle, and rebuilds dist/ for development afterwards.
 */
export function activation(rounds: number): ActivationResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'ros-env-doctor-bench-vsix-'));
  const vsix = path.join(dir, 'bench.vsix');
  try {
    const packaged = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: REPO_ROOT, encoding: 'utf8' });
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
    return { ...timing, measuredIn: 'node-stand-in', bundleBytes, vsixBytes };
  } finally {
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}
