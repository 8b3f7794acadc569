// The core's FileSystem port on Node's fs. A path that cannot be read is the port's "not there" value, except when
// the process has run out of file descriptors: that is a moment to wait, not an answer about the file.
import * as fs from 'node:fs';
import type { DirEntry, FileStat, FileSystem } from '../core/ports';

/** Callback fs: the promise API's FileHandle bookkeeping doubled the cost of reading 20,000 small files. */
type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;

const EXHAUSTED = new Set(['EMFILE', 'ENFILE']);
const RETRY_DELAY_MS = 10;
const MAX_RETRIES = 200;

function call<T>(operation: (callback: Callback<T>) => void): Promise<T | undefined> {
  return new Promise((resolve) => {
    let attempts = 0;
    const attempt = (): void =>
      operation((error, value) => {
        if (error === null) resolve(value);
        else if (EXHAUSTED.has(error.code ?? '') && attempts++ < MAX_RETRIES) setTimeout(attempt, RETRY_DELAY_MS);
        else resolve(undefined);
      });
    attempt();
  });
}

function entryKind(entry: fs.Dirent): DirEntry['kind'] {
  return entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
}

export function createNodeFileSystem(): FileSystem {
  return {
    readFile: (path) => call<string>((callback) => fs.readFile(path, 'utf8', callback)),
    async readDir(path) {
      const entries = await call<fs.Dirent[]>((callback) => fs.readdir(path, { withFileTypes: true }, callback));
      return (entries ?? []).map((entry) => ({ name: entry.name, kind: entryKind(entry) }));
    },
    async stat(path) {
      const info = await call<fs.Stats>((callback) => fs.stat(path, callback));
      if (info === undefined) return undefined;
      const stat: FileStat = {
        kind: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other',
        mtimeMs: info.mtimeMs,
        size: info.size,
        executable: (info.mode & 0o111) !== 0,
      };
      return stat;
    },
    realPath: (path) => call<string>((callback) => fs.realpath(path, callback)),
  };
}
