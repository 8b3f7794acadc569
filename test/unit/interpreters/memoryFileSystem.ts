// An in-memory FileSystem for unit tests of path logic (links, executables, version files) without touching the disk.
import * as path from 'node:path';
import type { DirEntry, FileStat, FileSystem } from '../../../src/core/ports';

type Node =
  | { readonly kind: 'file'; readonly content: string; readonly executable: boolean; readonly mtimeMs: number }
  | { readonly kind: 'directory' }
  | { readonly kind: 'symlink'; readonly target: string };

export interface MemoryFileSystem extends FileSystem {
  file(file: string, content?: string, options?: { executable?: boolean; mtimeMs?: number }): MemoryFileSystem;
  dir(dir: string): MemoryFileSystem;
  link(link: string, target: string): MemoryFileSystem;
}

export function createMemoryFileSystem(): MemoryFileSystem {
  const nodes = new Map<string, Node>([['/', { kind: 'directory' }]]);

  const addParents = (p: string): void => {
    for (let dir = path.dirname(p); !nodes.has(dir); dir = path.dirname(dir)) nodes.set(dir, { kind: 'directory' });
  };

  /** Resolves links in every component; undefined when something on the way is missing. */
  const resolve = (p: string, depth = 0): string | undefined => {
    if (depth > 40) return undefined;
    const parts = path.resolve(p).split('/').filter((s) => s !== '');
    let current = '/';
    for (const part of parts) {
      const next = path.join(current, part);
      const node = nodes.get(next);
      if (node === undefined) return undefined;
      if (node.kind === 'symlink') {
        const resolved = resolve(path.resolve(current, node.target), depth + 1);
        if (resolved === undefined) return undefined;
        current = resolved;
      } else {
        current = next;
      }
    }
    return current;
  };

  const fs: MemoryFileSystem = {
    file(file, content = '', options = {}) {
      addParents(file);
      nodes.set(file, { kind: 'file', content, executable: options.executable ?? false, mtimeMs: options.mtimeMs ?? 1 });
      return fs;
    },
    dir(dir) {
      addParents(dir);
      nodes.set(dir, { kind: 'directory' });
      return fs;
    },
    link(link, target) {
      addParents(link);
      nodes.set(link, { kind: 'symlink', target });
      return fs;
    },
    async readFile(file) {
      const real = resolve(file);
      const node = real === undefined ? undefined : nodes.get(real);
      return node?.kind === 'file' ? node.content : undefined;
    },
    async readDir(dir) {
      const real = resolve(dir);
      if (real === undefined || nodes.get(real)?.kind !== 'directory') return [];
      const entries: DirEntry[] = [];
      for (const [p, node] of nodes) {
        if (p !== '/' && path.dirname(p) === real) entries.push({ name: path.basename(p), kind: node.kind });
      }
      return entries;
    },
    async stat(file): Promise<FileStat | undefined> {
      const real = resolve(file);
      const node = real === undefined ? undefined : nodes.get(real);
      if (node === undefined || node.kind === 'symlink') return undefined;
      return node.kind === 'file'
        ? { kind: 'file', mtimeMs: node.mtimeMs, size: node.content.length, executable: node.executable }
        : { kind: 'directory', mtimeMs: 0, size: 0, executable: true };
    },
    async realPath(file) {
      return resolve(file);
    },
  };
  return fs;
}
