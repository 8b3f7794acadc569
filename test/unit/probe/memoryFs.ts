// An in-memory FileSystem for orchestration tests of the prober and its cache (the probe itself runs only for real).
import type { DirEntry, FileStat, FileSystem } from '../../../src/core/ports';

export interface MemoryFs extends FileSystem {
  setFile(path: string, options?: { readonly mtimeMs?: number; readonly executable?: boolean }): void;
  setDir(path: string, mtimeMs?: number): void;
  touch(path: string, mtimeMs: number): void;
}

export function createMemoryFs(): MemoryFs {
  const nodes = new Map<string, FileStat>();
  return {
    setFile(path, options = {}) {
      nodes.set(path, { kind: 'file', mtimeMs: options.mtimeMs ?? 1000, size: 1, executable: options.executable ?? true });
    },
    setDir(path, mtimeMs = 1000) {
      nodes.set(path, { kind: 'directory', mtimeMs, size: 0, executable: true });
    },
    touch(path, mtimeMs) {
      const node = nodes.get(path);
      if (node !== undefined) nodes.set(path, { ...node, mtimeMs });
    },
    async readFile() {
      return undefined;
    },
    async readDir(path): Promise<readonly DirEntry[]> {
      const prefix = `${path}/`;
      return [...nodes.entries()]
        .filter(([p]) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
        .map(([p, stat]) => ({ name: p.slice(prefix.length), kind: stat.kind === 'directory' ? 'directory' : 'file' }));
    },
    async stat(path) {
      return nodes.get(path);
    },
    async realPath(path) {
      return nodes.has(path) ? path : undefined;
    },
  };
}
