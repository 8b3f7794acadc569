// The one in-memory FileSystem port for unit tests: files, folders, executables and symlinks (relative or absolute),
// with modification times, built from a plain tree, step by step (file/dir/link/touch) or loaded from a fixture
// folder on disk. It also counts reads and stats, so tests can check that nothing is read twice. Like the Node port,
// it refuses a file larger than the reader's limit.
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { posix as path } from 'node:path';
import type { DirEntry, FileStat, FileSystem, StampedScan, StampedText } from '../../src/core/ports';

export type MemoryNode =
  | { readonly kind: 'file'; readonly text: string; readonly executable: boolean; readonly mtimeMs?: number }
  | { readonly kind: 'directory'; readonly mtimeMs?: number }
  | { readonly kind: 'symlink'; readonly target: string };

/** Tree shorthand: a string is a file's text; `{ executable: text }` an executable; `{ link: target }` a symlink; `{}` an empty folder. */
export type TreeValue = string | { readonly executable: string } | { readonly link: string } | Record<string, never>;

export class MemoryFileSystem implements FileSystem {
  private readonly nodes = new Map<string, MemoryNode>([['/', { kind: 'directory' }]]);
  /** Children by folder, so listing a folder costs its size, not the whole tree's. */
  private readonly children = new Map<string, Set<string>>([['/', new Set()]]);
  readonly reads = new Map<string, number>();
  readonly dirReads = new Map<string, number>();
  readonly stats = new Map<string, number>();

  static fromTree(root: string, tree: Readonly<Record<string, TreeValue>>): MemoryFileSystem {
    return new MemoryFileSystem().addTree(root, tree);
  }

  /** Copies a folder of the real disk (a fixture) to `mountAt`, keeping links as links. */
  static fromDirectory(directory: string, mountAt: string): MemoryFileSystem {
    const fs = new MemoryFileSystem();
    const copy = (from: string, to: string): void => {
      const info = lstatSync(from);
      if (info.isSymbolicLink()) fs.add(to, { kind: 'symlink', target: readlinkSync(from) });
      else if (info.isDirectory()) {
        fs.add(to, { kind: 'directory' });
        for (const name of readdirSync(from)) copy(`${from}/${name}`, path.join(to, name));
      } else fs.add(to, { kind: 'file', text: readFileSync(from, 'utf8'), executable: (statSync(from).mode & 0o111) !== 0 });
    };
    copy(directory, mountAt);
    return fs;
  }

  addTree(root: string, tree: Readonly<Record<string, TreeValue>>): this {
    for (const [relative, value] of Object.entries(tree)) {
      const full = path.join(root, relative);
      if (typeof value === 'string') this.add(full, { kind: 'file', text: value, executable: false });
      else if ('executable' in value) this.add(full, { kind: 'file', text: value.executable, executable: true });
      else if ('link' in value) this.add(full, { kind: 'symlink', target: value.link });
      else this.add(full, { kind: 'directory' });
    }
    return this;
  }

  /** A regular file (not executable unless told), with its text and modification time. */
  file(file: string, text = '', options: { readonly executable?: boolean; readonly mtimeMs?: number } = {}): this {
    return this.add(file, {
      kind: 'file',
      text,
      executable: options.executable ?? false,
      ...(options.mtimeMs === undefined ? {} : { mtimeMs: options.mtimeMs }),
    });
  }

  dir(dir: string, mtimeMs?: number): this {
    return this.add(dir, { kind: 'directory', ...(mtimeMs === undefined ? {} : { mtimeMs }) });
  }

  /** A symbolic link; a relative target is relative to the link's folder, as on disk. */
  link(link: string, target: string): this {
    return this.add(link, { kind: 'symlink', target });
  }

  /** A new modification time for an existing file or folder (what a rebuild or an install does). */
  touch(file: string, mtimeMs: number): this {
    const normalized = path.normalize(file);
    const node = this.nodes.get(normalized);
    if (node !== undefined && node.kind !== 'symlink') this.nodes.set(normalized, { ...node, mtimeMs });
    return this;
  }

  add(file: string, node: MemoryNode): this {
    const normalized = path.normalize(file);
    let child = normalized;
    let dir = path.dirname(normalized);
    while (true) {
      const siblings = this.children.get(dir) ?? new Set<string>();
      siblings.add(path.basename(child));
      this.children.set(dir, siblings);
      if (this.nodes.has(dir)) break;
      this.nodes.set(dir, { kind: 'directory' });
      child = dir;
      dir = path.dirname(dir);
    }
    this.nodes.set(normalized, node);
    if (node.kind === 'directory' && !this.children.has(normalized)) this.children.set(normalized, new Set());
    return this;
  }

  /** Follows links in every component; undefined when something on the way is missing or links loop. */
  private resolve(file: string, hops = 0): string | undefined {
    if (hops > 40) return undefined;
    const parts = path
      .normalize(file)
      .split('/')
      .filter((part) => part !== '');
    let current = '/';
    for (let i = 0; i < parts.length; i++) {
      const next = path.join(current, parts[i] ?? '');
      const node = this.nodes.get(next);
      if (node === undefined) return undefined;
      if (node.kind === 'symlink') {
        const target = path.isAbsolute(node.target) ? node.target : path.join(current, node.target);
        const resolved = this.resolve(target, hops + 1);
        if (resolved === undefined) return undefined;
        current = resolved;
      } else current = next;
    }
    return current;
  }

  async readFile(file: string, maxBytes?: number): Promise<string | undefined> {
    return (await this.readStamped(file, maxBytes))?.text;
  }

  async readStamped(file: string, maxBytes = Number.POSITIVE_INFINITY): Promise<StampedText | undefined> {
    this.reads.set(file, (this.reads.get(file) ?? 0) + 1);
    const real = this.resolve(file);
    const node = real === undefined ? undefined : this.nodes.get(real);
    if (node?.kind !== 'file' || node.text.length > maxBytes) return undefined;
    return { text: node.text, mtimeMs: node.mtimeMs ?? 0, size: node.text.length };
  }

  async readStampedEach(
    paths: readonly string[],
    maxBytes: number,
    onRead: (index: number, read: StampedText | undefined) => void,
    // Every file is answered by its text: the port may, never must, answer by a scan.
    _onScanned?: (index: number, scanned: StampedScan) => void,
  ): Promise<void> {
    for (const [index, file] of paths.entries()) onRead(index, await this.readStamped(file, maxBytes));
  }

  async readDir(dir: string): Promise<readonly DirEntry[]> {
    this.dirReads.set(dir, (this.dirReads.get(dir) ?? 0) + 1);
    const real = this.resolve(dir);
    if (real === undefined || this.nodes.get(real)?.kind !== 'directory') return [];
    const entries: DirEntry[] = [];
    for (const name of this.children.get(real) ?? []) {
      const node = this.nodes.get(path.join(real, name));
      if (node !== undefined) entries.push({ name, kind: node.kind });
    }
    return entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async stat(file: string): Promise<FileStat | undefined> {
    this.stats.set(file, (this.stats.get(file) ?? 0) + 1);
    const real = this.resolve(file);
    const node = real === undefined ? undefined : this.nodes.get(real);
    if (node === undefined || node.kind === 'symlink') return undefined;
    if (node.kind === 'directory') return { kind: 'directory', mtimeMs: node.mtimeMs ?? 0, size: 0, executable: true };
    return { kind: 'file', mtimeMs: node.mtimeMs ?? 0, size: node.text.length, executable: node.executable };
  }

  async realPath(file: string): Promise<string | undefined> {
    return this.resolve(file);
  }
}
