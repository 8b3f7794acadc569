// Measures how long the extension host's event loop was kept busy (the longest task): a quick-fix menu or a
// hover waits for exactly that. Off unless asked for (ROS_ENV_DOCTOR_LONG_TASKS=<file>, set by the e2e
// harness), because measuring means a timer waking the host all the time. Each task over REPORT_MS is
// logged with the time it ended, and appended to the file as one JSON line, so a run can be compared.
import { appendFile } from 'node:fs/promises';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Logger } from '../core/ports';
import { Disposable, toDisposable } from './lifecycle';

export const LONG_TASKS_ENV = 'ROS_ENV_DOCTOR_LONG_TASKS';
const TICK_MS = 20;
const REPORT_MS = 100;

export interface LongestTask {
  readonly ms: number;
  /** When it ended (ISO time). */
  readonly at: string;
}

export class LongTaskMonitor extends Disposable {
  private longestTask: LongestTask | undefined;
  private readonly histogram: IntervalHistogram;

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
  ) {
    super();
    this.histogram = monitorEventLoopDelay({ resolution: TICK_MS });
    this.histogram.enable();
    let last = performance.now();
    // A timer due every TICK_MS that fires late by d ms was held up by a task of about d ms.
    const timer = setInterval(() => {
      const now = performance.now();
      const blocked = Math.round(now - last - TICK_MS);
      last = now;
      if (blocked >= REPORT_MS) this.record(blocked);
    }, TICK_MS);
    timer.unref();
    this._register(
      toDisposable(() => {
        clearInterval(timer);
        this.histogram.disable();
      }),
    );
  }

  get longest(): LongestTask | undefined {
    return this.longestTask;
  }

  /** The 99th percentile of the event loop's delay, in ms (what most turns waited). */
  get p99DelayMs(): number {
    return Math.round(this.histogram.percentile(99) / 1e5) / 10;
  }

  private record(ms: number): void {
    const at = new Date().toISOString();
    if (this.longestTask === undefined || ms > this.longestTask.ms) this.longestTask = { ms, at };
    this.logger.warn(`The extension host was busy for ${ms} ms without a break (ending ${at}).`);
    void appendFile(this.file, `${JSON.stringify({ ms, at })}\n`).catch(() => undefined);
  }
}

export function longTaskMonitor(logger: Logger, env: NodeJS.ProcessEnv = process.env): LongTaskMonitor | undefined {
  const file = env[LONG_TASKS_ENV];
  return file === undefined || file === '' ? undefined : new LongTaskMonitor(file, logger);
}
