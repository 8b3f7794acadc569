// scan: workspace detection + import scanning of a generated 2,000-package / 20,000-file workspace, and one
// 5,000-line file rescanned as a keystroke changes it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createSourceScanner } from '../src/core/engine/scanSources';
import { withReadCache } from '../src/core/readCache';
import { scanImports } from '../src/core/scan/importScanner';
import { detectWorkspace } from '../src/core/workspace/detectWorkspace';
import { fs } from './engine';
import { generateWorkspace, generatedModule } from '../test/support/generatedWorkspace';
import { median, timed } from './stats';

export interface ScanResult {
  /** Detection + scanning, fresh (no cache carried between runs); median. */
  readonly ms: number;
  readonly detectMs: number;
  readonly importScanMs: number;
  readonly packages: number;
  readonly pythonFiles: number;
  readonly importSites: number;
  /** scanImports of a 5,000-line file after a one-character edit; median. */
  readonly keystrokeMs: number;
  /** The same edit through the engine's source scanner (the path a keystroke takes in the doctor). */
  readonly keystrokeViaScannerMs: number;
  readonly keystrokeLines: number;
  /** Explanations: reading every Python file (readFileSync, nothing else), and scanImports over the texts in memory. */
  readonly readFloorMs: number;
  readonly scanCpuMs: number;
  /** Every measured run's total, for the spread. */
  readonly runs: readonly number[];
  /** The fewest files the source scanner returned in any run (it should be pythonFiles every time). */
  readonly scannedFiles: number;
}

export async function scan(packages: number, iterations: number): Promise<ScanResult> {
  const generated = await generateWorkspace(packages);
  try {
    const totals: number[] = [];
    const detects: number[] = [];
    const scans: number[] = [];
    let pythonFiles = 0;
    let importSites = 0;
    let readFloorMs = 0;
    let scannedFiles = Number.POSITIVE_INFINITY;
    let scanCpuMs = 0;
    for (let i = 0; i < iterations + 1; i++) {
      const started = performance.now();
      // As the CLI does: detection and the scan share one read cache for the run.
      const runFs = withReadCache(fs);
      const detected = await timed(() => detectWorkspace(runFs, generated.root));
      const workspace = detected.value;
      assert.ok(workspace !== null, `${generated.root} was not detected as a workspace`);
      const files = workspace.pythonSources.map((source) => source.path);
      const scanned = await timed(() => createSourceScanner(runFs).scan(files, workspace, new Map()));
      const total = performance.now() - started;
      pythonFiles = files.length;
      importSites = scanned.value.reduce((sum, source) => sum + source.scan.imports.length, 0);
      // The Node file system answers "not there" for EMFILE too: a short result is a silent loss, reported as such.
      scannedFiles = Math.min(scannedFiles, scanned.value.length);
      if (i === 1) {
        const read = timedSync(() => files.map((file) => readFileSync(file, 'utf8')));
        readFloorMs = read.ms;
        scanCpuMs = timedSync(() => read.value.forEach((text) => scanImports(text))).ms;
      }
      if (i === 0) continue; // warm-up
      totals.push(total);
      detects.push(detected.ms);
      scans.push(scanned.ms);
    }
    assert.equal(pythonFiles, generated.pythonFiles, 'detection found every generated Python file');
    const keystroke = await keystrokeRescan(generated.root, iterations * 6);
    return {
      ms: median(totals),
      runs: totals,
      detectMs: median(detects),
      importScanMs: median(scans),
      packages,
      pythonFiles,
      importSites,
      ...keystroke,
      readFloorMs,
      scanCpuMs,
      scannedFiles,
    };
  } finally {
    await generated.dispose();
  }
}

function timedSync<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

async function keystrokeRescan(
  root: string,
  iterations: number,
): Promise<Pick<ScanResult, 'keystrokeMs' | 'keystrokeViaScannerMs' | 'keystrokeLines'>> {
  const lines = 5000;
  const base = generatedModule(7, lines, true, 'pkg_0000');
  const file = `${root}/src/repo_0/pkg_0000/scripts/node_0.py`;
  const direct: number[] = [];
  const viaScanner: number[] = [];
  const scanner = createSourceScanner(fs);
  await scanner.scan([file], null, new Map([[file, base]]));
  for (let i = 0; i < iterations + 3; i++) {
    // A different character typed each time, in the middle of the file, so no result can be reused.
    const middle = Math.floor(base.length / 2);
    const edited = `${base.slice(0, middle)}${String.fromCharCode(97 + (i % 26))}${base.slice(middle)}`;
    const a = await timed(async () => scanImports(edited));
    const edited2 = `${base.slice(0, middle)}${String.fromCharCode(65 + (i % 26))}${base.slice(middle)}`;
    const b = await timed(() => scanner.scan([file], null, new Map([[file, edited2]])));
    assert.ok(a.value.imports.length > 0 && b.value.length === 1);
    if (i < 3) continue;
    direct.push(a.ms);
    viaScanner.push(b.ms);
  }
  return { keystrokeMs: median(direct), keystrokeViaScannerMs: median(viaScanner), keystrokeLines: lines };
}
