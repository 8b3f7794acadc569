// The only ways the core reaches the world. src/node implements them on Node; tests may too.
import type { ScannedFile } from './scan/importSite';

export interface FileStat {
  readonly kind: 'file' | 'directory' | 'other';
  readonly mtimeMs: number;
  readonly size: number;
  /** Whether the owner, group or others may execute it (mode & 0o111). */
  readonly executable: boolean;
}

export interface DirEntry {
  readonly name: string;
  readonly kind: 'file' | 'directory' | 'symlink' | 'other';
}

/** A file's text with the modification time and size of the version that was read. */
export interface StampedText {
  readonly text: string;
  readonly mtimeMs: number;
  readonly size: number;
}

/** A Python file's import scan (scanImports of its text) with the stamp of the version that was read. */
export interface StampedScan {
  readonly scan: ScannedFile;
  readonly mtimeMs: number;
  readonly size: number;
}

export interface FileSystem {
  /**
   * The file's text, or undefined when it does not exist, cannot be read, is not a regular file (a FIFO, a device:
   * reading one could hang or never end) or is larger than `maxBytes` (a generous default when not given).
   */
  readFile(path: string, maxBytes?: number): Promise<string | undefined>;
  /**
   * readFile, with the stamp of the file that was read (taken from the open file before reading): a later stat
   * with the same stamp means the text is unchanged, and nobody has to stat before reading to know that.
   */
  readStamped(path: string, maxBytes?: number): Promise<StampedText | undefined>;
  /**
   * readStamped for many files, each answer handed to `onRead` as soon as it is there (once per index, in any
   * order); resolves after the last. The Node port shares a large batch between this thread and another one.
   * With `onScanned` (Python sources), a file read on the other thread may be answered there by its import scan
   * (scanImports of the text, the same function) instead of its text: only the small scan crosses threads. Each
   * index is then answered once by one of the two.
   */
  readStampedEach(
    paths: readonly string[],
    maxBytes: number,
    onRead: (index: number, read: StampedText | undefined) => void,
    onScanned?: (index: number, scanned: StampedScan) => void,
  ): Promise<void>;
  /** Entries of a directory, or [] when it does not exist or cannot be read. */
  readDir(path: string): Promise<readonly DirEntry[]>;
  /** Follows links; undefined when the path (or a link's target) does not exist. */
  stat(path: string): Promise<FileStat | undefined>;
  /** The canonical path with links resolved, or undefined when it does not exist. */
  realPath(path: string): Promise<string | undefined>;
}

export interface RunOptions {
  readonly cwd?: string;
  /** The complete environment of the child (not merged with the parent's). */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Bytes kept of stdout and of stderr each; the rest is dropped and `truncated` set. */
  readonly maxOutputBytes: number;
  readonly signal?: AbortSignal;
  /**
   * Each piece of stdout as it arrives (before any cap). Returning true says the run made progress (a probe
   * finished one more module): `timeoutMs` then counts again from that moment, so it bounds each step, not the run.
   */
  readonly onStdout?: (chunk: string) => boolean;
}

/** What happened to a child process. Expected failures are values, never exceptions. */
export type ProcessOutcome =
  | {
      readonly kind: 'exited';
      readonly exitCode: number;
      readonly stdout: string;
      readonly stderr: string;
      readonly truncated: boolean;
      readonly durationMs: number;
      /** Output was cut because stdout alone exceeded the cap (stderr noise never sets this). */
      readonly stdoutTruncated?: boolean;
      /**
       * The process exited but something it started outside its process group (a setsid daemon) still held its
       * output; the doctor stopped reading and did not kill it (it did not start it).
       */
      readonly heldOutput?: boolean;
    }
  | { readonly kind: 'signaled'; readonly signal: string; readonly stdout: string; readonly stderr: string; readonly durationMs: number }
  | { readonly kind: 'timeout'; readonly timeoutMs: number; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'spawn-error'; readonly code: string; readonly message: string }
  | { readonly kind: 'aborted' };

export interface ProcessRunner {
  /** Runs `file` directly (no shell) in its own process group; on timeout or abort the whole group is killed. */
  run(file: string, args: readonly string[], options: RunOptions): Promise<ProcessOutcome>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export interface Clock {
  now(): number;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
export const systemClock: Clock = { now: () => Date.now() };
