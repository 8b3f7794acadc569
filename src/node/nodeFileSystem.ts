// The core's FileSystem port on Node's fs: every failure becomes the port's "not there" value.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import type { DirEntry, FileStat, FileSystem } from '../core/ports';

export function createNodeFileSystem(): FileSystem {
  return {
    async readFile(path: string): Promise<string | undefined> {
      try {
        return await readFile(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    async readDir(path: string): Promise<readonly DirEntry[]> {
      try {
        const entries = await readdir(path, { withFileTypes: true });
        return entries.map((entry) => ({
          name: entry.name,
          kind: entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other',
        }));
      } catch {
        return [];
      }
    },
    async stat(path: string): Promise<FileStat | undefined> {
      try {
        const info = await stat(path);
        return {
          kind: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other',
          mtimeMs: info.mtimeMs,
          size: info.size,
          executable: (info.mode & 0o111) !== 0,
        };
      } catch {
        return undefined;
      }
    },
    async realPath(path: string): Promise<string | undefined> {
      try {
        return await realpath(path);
      } catch {
        return undefined;
      }
    },
  };
}
