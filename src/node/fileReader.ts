// Reading one regular file of the workspace, safely: the one implementation, used by the FileSystem port on this
// thread (nodeFileSystem.ts) and by the reader thread (sourceThread.ts) that takes part of a large batch.
import * as fs from 'node:fs';
import type { StampedText } from '../core/ports';

/** Out of file descriptors: a moment to wait and read again, not an answer about the file. */
export const EXHAUSTED: ReadonlySet<string> = new Set(['EMFILE', 'ENFILE']);

/**
 * Reads a regular file of at most maxBytes. Opened non-blocking (a FIFO would block the open itself) and checked on
 * the open descriptor, so a file swapped for a FIFO or a link to /dev/zero between a stat and the read is still
 * refused; undefined for anything that is not a regular file or is too large. Throws what the system throws.
 */
export function readRegularFile(path: string, maxBytes: number): StampedText | undefined {
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
