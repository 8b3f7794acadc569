// A worker thread (sourceThread.ts) that reads a large batch of workspace files while this thread works on the first
// ones. On 2 cores, reading 20,000 files (a few hundred ms of system calls) then overlaps the scanning; for the
// source scanner the thread also scans files itself while this thread has many texts waiting, so the scanning splits
// itself between the two. Started on the first large batch and kept for the next ones (starting it costs some 25 ms
// from the bundle, ~90 ms from source through tsx, and its scanner warms up like this thread's); ended after
// IDLE_MS without a batch, and it never keeps the process alive by itself.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SOURCE_THREAD_ROLE, type SourceThreadAnswer, type SourceThreadMessage, type SourceThreadRequest } from './sourceThread';

/** How long an idle reader thread waits for the next batch before it is ended. */
const IDLE_MS = 30_000;

/** The thread's program: next to this module (dist/ once built), or from source through tsx (tests, benchmarks). */
function program(): { readonly file: string; readonly execArgv: string[] } {
  if (!__filename.endsWith('.ts')) return { file: path.join(__dirname, 'sourceThread.js'), execArgv: [] };
  return { file: path.join(__dirname, 'sourceThread.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

export interface ReaderThread {
  /**
   * Reads `paths` on the reader thread and hands each answer to onAnswer, in order; with `scan`, a file may be
   * answered by its import scan instead of its text. Resolves when the thread is done with the batch, or could not
   * start, or stopped: the paths it did not answer are then the caller's to read (the caller knows which it got).
   * Rejects when onAnswer throws (the rest of that batch's answers are dropped).
   */
  read(
    paths: readonly string[],
    maxBytes: number,
    scan: boolean,
    onAnswer: (index: number, answer: SourceThreadAnswer) => void,
  ): Promise<void>;
}

interface Batch {
  readonly onAnswer: (index: number, answer: SourceThreadAnswer) => void;
  readonly consumed: Int32Array;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export function createReaderThread(idleMs = IDLE_MS): ReaderThread {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 0;
  const batches = new Map<number, Batch>();

  /** Ends the thread; the batches it had not finished end too, and their callers read the rest themselves. */
  const stop = (): void => {
    const stopping = worker;
    worker = null;
    if (stopping !== null) void stopping.terminate();
    for (const batch of batches.values()) batch.resolve();
    batches.clear();
  };

  const onMessage = (message: SourceThreadMessage): void => {
    const batch = batches.get(message.id);
    if (batch === undefined) return;
    try {
      message.indices.forEach((index, at) => {
        const answer = message.answers[at] ?? null;
        batch.onAnswer(index, answer);
        // A text dealt with here: the thread's count of texts waiting for this thread is one lower.
        if (answer !== null && answer !== 'again' && 'text' in answer) Atomics.add(batch.consumed, 0, 1);
      });
    } catch (error) {
      // The caller's bug: it reaches the caller (not an event emitter that would leave this promise pending).
      batches.delete(message.id);
      batch.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (message.done && batches.delete(message.id)) batch.resolve();
    if (batches.size === 0 && worker !== null) {
      worker.unref();
      idle = setTimeout(stop, idleMs);
      idle.unref();
    }
  };

  const start = (): Worker => {
    const { file, execArgv } = program();
    const started = new Worker(file, { workerData: { role: SOURCE_THREAD_ROLE }, execArgv });
    started.on('message', onMessage);
    const ended = (): void => {
      if (worker === started) stop();
    };
    started.on('error', ended);
    started.on('exit', ended);
    return started;
  };

  return {
    read(paths, maxBytes, scan, onAnswer) {
      return new Promise((resolve, reject) => {
        if (idle !== null) clearTimeout(idle);
        idle = null;
        worker ??= start();
        // A batch in flight keeps the process alive: its caller is waiting for it.
        worker.ref();
        const id = nextId++;
        const consumed = new SharedArrayBuffer(4);
        batches.set(id, { onAnswer, consumed: new Int32Array(consumed), resolve, reject });
        const request: SourceThreadRequest = { id, paths, maxBytes, scan, consumed };
        worker.postMessage(request);
      });
    },
  };
}
