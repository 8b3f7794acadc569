// The reader thread's program (started by readerThread.ts). It reads every file of the batch, in order, and sends
// the texts to the thread that started it, which scans them. For the source scanner, while that thread has many
// texts still to scan, it scans the next files itself (the core's scanImports, the same function) and sends only
// the small scans: the scanning splits itself between the two threads, whatever else the machine is running.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { StampedScan, StampedText } from '../core/ports';
import { scanImports } from '../core/scan/importScanner';
import { EXHAUSTED, readRegularFile } from './fileReader';

/** The worker's role, so that loading this module in any other thread does nothing. */
export const SOURCE_THREAD_ROLE = 'ros-env-doctor-source-thread';

/** One batch: its files, and how to answer them. */
export interface SourceThreadRequest {
  readonly id: number;
  readonly paths: readonly string[];
  readonly maxBytes: number;
  /** Files may be answered by their import scan rather than their text. */
  readonly scan: boolean;
  /** One Int32: how many of the texts sent the other thread has dealt with (it adds to it). */
  readonly consumed: SharedArrayBuffer;
}

/** One file's answer: its text or scan, null (not there, refused), or 'again' (out of descriptors: read it again there). */
export type SourceThreadAnswer = StampedText | StampedScan | null | 'again';

/** The answers of a batch's files read since its last message, by index; `done` on the batch's last one. */
export interface SourceThreadMessage {
  readonly id: number;
  readonly indices: readonly number[];
  readonly answers: readonly SourceThreadAnswer[];
  readonly done: boolean;
}

/** Files per message: few enough that the other thread gets answers early, enough that messages cost little. */
const MESSAGE_FILES = 64;
/** Texts sent and not yet dealt with by the other thread above which this thread scans the next file itself. */
const BACKLOG = 4 * MESSAGE_FILES;

function run(data: SourceThreadRequest, post: (message: SourceThreadMessage) => void): void {
  const consumed = new Int32Array(data.consumed);
  let textsSent = 0;
  let indices: number[] = [];
  let answers: SourceThreadAnswer[] = [];
  for (let index = 0; index < data.paths.length; index++) {
    let answer: SourceThreadAnswer;
    try {
      const read = readRegularFile(data.paths[index] ?? '', data.maxBytes);
      if (read === undefined) answer = null;
      else if (data.scan && textsSent - Atomics.load(consumed, 0) >= BACKLOG)
        answer = { scan: scanImports(read.text), mtimeMs: read.mtimeMs, size: read.size };
      else {
        answer = read;
        textsSent++;
      }
    } catch (error) {
      answer = EXHAUSTED.has((error as NodeJS.ErrnoException).code ?? '') ? 'again' : null;
    }
    indices.push(index);
    answers.push(answer);
    if (indices.length >= MESSAGE_FILES) {
      post({ id: data.id, indices, answers, done: false });
      indices = [];
      answers = [];
    }
  }
  post({ id: data.id, indices, answers, done: true });
}

const data = workerData as { readonly role?: unknown } | null;
if (!isMainThread && parentPort !== null && data?.role === SOURCE_THREAD_ROLE) {
  const port = parentPort;
  port.on('message', (request: SourceThreadRequest) => run(request, (message) => port.postMessage(message)));
}
