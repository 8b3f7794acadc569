// A worker thread that reads a large workspace's files (fileReader.cjs) while this thread scans the first ones: on
// 2 cores, reading 20,000 files (a few hundred ms of system calls) then overlaps the scanning instead of preceding
// it. Started per call and only for many files (a thread costs some 20–30 ms to start), ended with the last answer.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { READER_ROLE, type ReaderAnswer } from './fileReader.cjs';

/** Paths per message: large enough that messages cost little, small enough that the first answers come early. */
const BATCH = 256;

/**
 * Reads every path on a worker thread, handing each answer to onAnswer in the order of `paths`. Every index is
 * answered exactly once: when the thread cannot start or stops midway, the rest are answered 'again' (the caller
 * reads those itself), so a missing reader file or a crashed thread costs time, never answers.
 */
export function readInThread(
  paths: readonly string[],
  maxBytes: number,
  onAnswer: (index: number, answer: ReaderAnswer) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let answered = 0;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (let index = answered; index < paths.length; index++) onAnswer(index, 'again');
      answered = paths.length;
      void worker.terminate();
      resolve();
    };
    // No TypeScript loader in a worker: it runs the plain CommonJS file next to this module (src/node, or dist once built).
    const worker = new Worker(path.join(__dirname, 'fileReader.cjs'), { workerData: { role: READER_ROLE }, execArgv: [] });
    worker.on('message', (answers: readonly ReaderAnswer[]) => {
      try {
        for (const answer of answers) {
          if (answered >= paths.length) break;
          onAnswer(answered++, answer);
        }
      } catch (error) {
        // The caller's bug: it reaches the caller (not an event emitter that would leave this promise pending).
        finished = true;
        void worker.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (answered >= paths.length) finish();
    });
    worker.on('error', finish);
    worker.on('exit', finish);
    for (let start = 0; start < paths.length; start += BATCH) worker.postMessage({ paths: paths.slice(start, start + BATCH), maxBytes });
    if (paths.length === 0) finish();
  });
}
