// The core's FileSystem port on Node's fs.
//
// Small reads are done synchronously, in slices of a few milliseconds between which the event loop runs: a
// workspace is thousands of small files, and each asynchronous read costs four thread-pool round trips (open,
// fstat, read, close) — 20,000 files took about 1 s that way against 0.14 s read directly. No slice blocks the
// extension host for longer than SLICE_MS.
//
// A path that cannot be read is the port's "not there" value, except when the process has run out of file
// descriptors: that is a moment to wait, not an answer about the file. Many files asked for at once
// (readStampedEach: a large workspace's cold scan) are shared with a worker thread, see readerThread.ts.
import * as fs from 'node:fs';
import type { DirEntry, FileStat, FileSystem, StampedText } from '../core/ports';
import { EXHAUSTED, readRegularFile } from './fileReader';
import { createReaderThread } from './readerThread';

const SLICE_MS = 4;
/** No file the doctor reads needs more; callers pass their own, smaller limit per kind of file. */
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** Fewer files than this are read on this thread alone: starting a reader thread costs more than it saves. */
const READER_THREAD_FROM = 2000;
const RETRY_DELAY_MS = 10;
const MAX_RETRIES = 200;

type Outcome<T> = { readonly kind: 'done'; readonly value: T | undefined } | { readonly kind: 'exhausted' };

interface Job {
  readonly run: () => void;
}

/** Runs queued synchronous jobs in slices of at most SLICE_MS, yielding to the event loop between slices. */
function createSliceScheduler(): (job: Job) => void {
  const queue: Job[] = [];
  let head = 0;
  let scheduled = false;
  const drain = (): void => {
    scheduled = false;
    const until = performance.now() + SLICE_MS;
    while (head < queue.length && performance.now() < until) queue[head++]?.run();
    if (head < queue.length) schedule();
    else {
      queue.length = 0;
      head = 0;
    }
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(drain);
  };
  return (job) => {
    queue.push(job);
    schedule();
  };
}

function attempt<T>(read: () => T): Outcome<T> {
  try {
    return { kind: 'done', value: read() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return EXHAUSTED.has(code) ? { kind: 'exhausted' } : { kind: 'done', value: undefined };
  }
}

function entryKind(entry: fs.Dirent): DirEntry['kind'] {
  return entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
}

export interface NodeFileSystemOptions {
  /** Batches of at least this many files are shared with a worker thread (readerThread.ts); tests lower it. */
  readonly readerThreadFrom?: number;
}

export function createNodeFileSystem(options: NodeFileSystemOptions = {}): FileSystem {
  const readerThreadFrom = options.readerThreadFrom ?? READER_THREAD_FROM;
  const enqueue = createSliceScheduler();
  const readerThread = createReaderThread();
  const sliced = <T>(read: () => T): Promise<T | undefined> =>
    new Promise((resolve) => {
      let retries = 0;
      const job: Job = {
        run: () => {
          const outcome = attempt(read);
          if (outcome.kind === 'done') resolve(outcome.value);
          else if (retries++ < MAX_RETRIES) setTimeout(() => enqueue(job), RETRY_DELAY_MS);
          else resolve(undefined);
        },
      };
      enqueue(job);
    });

  const readStamped = (path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<StampedText | undefined> =>
    sliced(() => readRegularFile(path, maxBytes));

  return {
    readFile: (path, maxBytes = DEFAULT_MAX_BYTES) => sliced(() => readRegularFile(path, maxBytes)?.text),
    readStamped,
    async readStampedEach(paths, maxBytes, onRead, onScanned) {
      if (paths.length < readerThreadFrom) {
        await Promise.all(paths.map(async (path, index) => onRead(index, await readStamped(path, maxBytes))));
        return;
      }
      // What the thread could not answer (out of descriptors, or it stopped) is read here at the end, with the
      // usual waiting.
      const answered = new Uint8Array(paths.length);
      await readerThread.read(paths, maxBytes, onScanned !== undefined, (index, answer) => {
        if (answer === 'again') return;
        answered[index] = 1;
        if (answer !== null && 'scan' in answer) onScanned?.(index, answer);
        else onRead(index, answer ?? undefined);
      });
      const rest: number[] = [];
      answered.forEach((done, index) => {
        if (done === 0) rest.push(index);
      });
      await Promise.all(rest.map(async (index) => onRead(index, await readStamped(paths[index] ?? '', maxBytes))));
    },
    async readDir(path) {
      const entries = await sliced(() => fs.readdirSync(path, { withFileTypes: true }));
      return (entries ?? []).map((entry) => ({ name: entry.name, kind: entryKind(entry) }));
    },
    async stat(path) {
      const info = await sliced(() => fs.statSync(path));
      if (info === undefined) return undefined;
      const stat: FileStat = {
        kind: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other',
        mtimeMs: info.mtimeMs,
        size: info.size,
        executable: (info.mode & 0o111) !== 0,
      };
      return stat;
    },
    realPath: (path) => sliced(() => fs.realpathSync(path)),
  };
}
