// Medians and pair-wise ratios: these machines are noisy, so every ratio is taken inside one iteration
// (baseline and measured thing back to back) and only the median of those per-iteration ratios is reported.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ readonly ms: number; readonly value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export interface PairedSample {
  readonly baselineMs: number;
  readonly measuredMs: number;
  readonly ratio: number;
}

export interface PairedResult {
  readonly samples: readonly PairedSample[];
  readonly baselineMs: number;
  readonly measuredMs: number;
  /** Median of the per-iteration ratios (not the ratio of the medians). */
  readonly ratio: number;
}

/**
 * Runs `warmup` unrecorded rounds, then `iterations` rounds of baseline + measured. The order alternates so
 * that whatever the first of the two leaves behind (page cache, CPU frequency) favours each side equally.
 */
export async function paired(
  iterations: number,
  warmup: number,
  baseline: () => Promise<unknown>,
  measured: () => Promise<unknown>,
): Promise<PairedResult> {
  for (let i = 0; i < warmup; i++) {
    await baseline();
    await measured();
  }
  const samples: PairedSample[] = [];
  for (let i = 0; i < iterations; i++) {
    let baselineMs: number;
    let measuredMs: number;
    if (i % 2 === 0) {
      baselineMs = (await timed(baseline)).ms;
      measuredMs = (await timed(measured)).ms;
    } else {
      measuredMs = (await timed(measured)).ms;
      baselineMs = (await timed(baseline)).ms;
    }
    samples.push({ baselineMs, measuredMs, ratio: measuredMs / baselineMs });
  }
  return {
    samples,
    baselineMs: median(samples.map((s) => s.baselineMs)),
    measuredMs: median(samples.map((s) => s.measuredMs)),
    ratio: median(samples.map((s) => s.ratio)),
  };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** How much a figure moved over the runs: min and max of the values its median was taken from. */
export interface Spread {
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function spread(values: readonly number[]): Spread {
  const finite = values.filter((value) => Number.isFinite(value));
  return {
    min: finite.length === 0 ? Number.NaN : Math.min(...finite),
    max: finite.length === 0 ? Number.NaN : Math.max(...finite),
    runs: finite.length,
  };
}
