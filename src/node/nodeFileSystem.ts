// The core's FileSystem port on Node's fs.
//
// Small reads are done synchronously, in slices of a few milliseconds between which the event loop runs: a
// workspace is thousands of small files, and each asynchronous read costs four thread-pool round trips (open,
// fstat, read, close) — 20,000 files took about 1 s that way against 0.14 s read directly. No slice blocks the
// extension host for longer than SLICE_MS.
//
// A path that cannot be read is the port's "not there" value, except when the process has run out of file
// descriptors: that is a moment to wait, not an answer about the file.
import * as fs from 'node:fs';
import type { DirEntry, FileStat, FileSystem, StampedText } from '../core/ports';

const SLICE_MS = 4;
/** No file the doctor reads needs more; callers pass their own, smaller limit per kind of file. */
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
const EXHAUSTED = new Set(['EMFILE', 'ENFILE']);
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

/**
 * Reads a regular file of at most maxBytes. Opened non-blocking (a FIFO would block the open itself) and checked on
 * the open descriptor, so a file swapped for a FIFO or a link to /dev/zero between a stat and the read is still
 * refused; undefined for anything that is not a regular file or is too large.
 */
function readRegularFile(path: string, maxBytes: number): StampedText | undefined {
  const fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  try {
    const info = fs.fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return undefined;
    // One byte more than allowed tells a file that grew since the fstat from one that did not.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, info.size + 1));
    let length = 0;
    while (length < buffer.length) {
      const wanted = buffer.length - length;
      const read = fs.readSync(fd, buffer, length, wanted, null);
      length += read;
      // A short read that brings the size the fstat saw is the end of the file: asking again would only read 0 bytes
      // (one more system call per file, 20,000 in a large workspace).
      if (read === 0 || (read < wanted && length === info.size)) break;
    }
    if (length > maxBytes) return undefined;
    return { text: buffer.toString('utf8', 0, length), mtimeMs: info.mtimeMs, size: info.size };
  } finally {
    fs.closeSync(fd);
  }
}

function entryKind(entry: fs.Dirent): DirEntry['kind'] {
  return entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
}

export function createNodeFileSystem(): FileSystem {
  const enqueue = createSliceScheduler();
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

  return {
    readFile: (path, maxBytes = DEFAULT_MAX_BYTES) => sliced(() => readRegularFile(path, maxBytes)?.text),
    readStamped: (path, maxBytes = DEFAULT_MAX_BYTES) => sliced(() => readRegularFile(path, maxBytes)),
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
