'use strict';
// Reading one regular file of the workspace, safely: the one implementation, used by the FileSystem port on the
// extension host's thread (nodeFileSystem.ts) and by the reader thread (readerThread.ts) that reads a large
// workspace's files while the scanner works on the first ones. Plain CommonJS, because a worker thread runs it as
// it is on disk (src/node/ from source, dist/ once built): there is no TypeScript loader or bundler in a worker.
// Types: fileReader.d.cts.
const fs = require('node:fs');
const { isMainThread, parentPort, workerData } = require('node:worker_threads');

/** The worker's role, so that loading this file in any other thread does nothing. */
const READER_ROLE = 'ros-env-doctor-file-reader';
/** Out of file descriptors: a moment to wait and read again, not an answer about the file. */
const EXHAUSTED = new Set(['EMFILE', 'ENFILE']);

/**
 * Reads a regular file of at most maxBytes. Opened non-blocking (a FIFO would block the open itself) and checked on
 * the open descriptor, so a file swapped for a FIFO or a link to /dev/zero between a stat and the read is still
 * refused; undefined for anything that is not a regular file or is too large. Throws what the system throws.
 * @param {string} path
 * @param {number} maxBytes
 * @returns {{ text: string, mtimeMs: number, size: number } | undefined}
 */
function readRegularFile(path, maxBytes) {
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

/**
 * The reader thread's answer for each path: the stamped text, null (not there, not readable, refused), or
 * 'again' (out of descriptors: the caller reads that one again itself, with its own waiting).
 * @param {readonly string[]} paths
 * @param {number} maxBytes
 */
function readEach(paths, maxBytes) {
  return paths.map((path) => {
    try {
      return readRegularFile(path, maxBytes) ?? null;
    } catch (error) {
      return EXHAUSTED.has(error && error.code) ? 'again' : null;
    }
  });
}

if (!isMainThread && workerData && workerData.role === READER_ROLE && parentPort) {
  const port = parentPort;
  port.on('message', (request) => port.postMessage(readEach(request.paths, request.maxBytes)));
}

module.exports = { readRegularFile, READER_ROLE, EXHAUSTED };
