// A worker thread (sourceThread.ts) that reads a large batch of workspace files while this thread works on the first
// ones. On 2 cores, reading 20,000 files (a few hundred ms of system calls) then overlaps the scanning; for the
// source scanner the thread also scans files itself while this thread has many texts waiting, so the scanning splits
// itself between the two. Started per batch, and only for large ones (it costs some 25 ms to start from the bundle,
// ~90 ms from source through tsx); it ends by itself after the last file.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SOURCE_THREAD_ROLE, type SourceThreadAnswer, type SourceThreadData, type SourceThreadMessage } from './sourceThread';

/** The thread's program: next to this module (dist/ once built), or from source through tsx (tests, benchmarks). */
function program(): { readonly file: string; readonly execArgv: string[] } {
  if (!__filename.endsWith('.ts')) return { file: path.join(__dirname, 'sourceThread.js'), execArgv: [] };
  return { file: path.join(__dirname, 'sourceThread.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

/**
 * Reads `paths` on the reader thread and hands each answer to onAnswer, in order; with `scan`, a file may be answered
 * by its import scan instead of its text. Resolves when the thread is done, or could not start, or stopped: the
 * paths it did not answer are then the caller's to read (the caller knows which it got). Rejects when onAnswer throws.
 */
export function readInThread(
  paths: readonly string[],
  maxBytes: number,
  scan: boolean,
  onAnswer: (index: number, answer: SourceThreadAnswer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      void worker.terminate();
      resolve();
    };
    const { file, execArgv } = program();
    const consumed = new SharedArrayBuffer(4);
    const consumedView = new Int32Array(consumed);
    const workerData: SourceThreadData = { role: SOURCE_THREAD_ROLE, paths, maxBytes, scan, consumed };
    const worker = new Worker(file, { workerData, execArgv });
    worker.on('message', (message: SourceThreadMessage) => {
      if (finished) return;
      try {
        message.indices.forEach((index, at) => {
          const answer = message.answers[at] ?? null;
          onAnswer(index, answer);
          // A text dealt with here: the thread's count of texts waiting for this thread is one lower.
          if (answer !== null && answer !== 'again' && 'text' in answer) Atomics.add(consumedView, 0, 1);
        });
      } catch (error) {
        // The caller's bug: it reaches the caller (not an event emitter that would leave this promise pending).
        finished = true;
        void worker.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (message.done) finish();
    });
    worker.on('error', finish);
    worker.on('exit', finish);
  });
}
