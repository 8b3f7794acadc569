// One detection or diagnosis reads a file or a folder once: detection's walk up to the root and down into the
// packages meets in the same folders, and the scan then reads the node scripts detection already read.
// Kept for one run only (never longer: the disk changes under an editor).
import type { DirEntry, FileStat, FileSystem, StampedText } from './ports';

/** File systems this module made: caching one again would only add a second lookup to every call. */
const readCaches = new WeakSet<FileSystem>();

export function withReadCache(fs: FileSystem): FileSystem {
  // Detection caches its own reads; inside a run that already has a cache (the CLI's), that cache serves.
  if (readCaches.has(fs)) return fs;
  // One read per file whichever way it is asked for: readFile is the stamped read without its stamp.
  const texts = new Map<string, Promise<StampedText | undefined>>();
  const listings = new Map<string, Promise<readonly DirEntry[]>>();
  const stats = new Map<string, Promise<FileStat | undefined>>();
  const remembered = <T>(cache: Map<string, Promise<T>>, path: string, read: (path: string) => Promise<T>): Promise<T> => {
    const known = cache.get(path);
    if (known !== undefined) return known;
    const reading = read(path);
    cache.set(path, reading);
    return reading;
  };
  const cached: FileSystem = {
    readFile: async (path, maxBytes) => (await remembered(texts, path, (p) => fs.readStamped(p, maxBytes)))?.text,
    readStamped: (path, maxBytes) => remembered(texts, path, (p) => fs.readStamped(p, maxBytes)),
    async readStampedEach(paths, maxBytes, onRead, onScanned) {
      const known: Promise<void>[] = [];
      const unread: number[] = [];
      paths.forEach((path, index) => {
        const reading = texts.get(path);
        if (reading === undefined) unread.push(index);
        else known.push(reading.then((read) => onRead(index, read)));
      });
      const batch = unread.map((index) => paths[index] ?? '');
      await fs.readStampedEach(
        batch,
        maxBytes,
        (at, read) => {
          texts.set(batch[at] ?? '', Promise.resolve(read));
          const index = unread[at];
          if (index !== undefined) onRead(index, read);
        },
        // A file scanned where it was read left its text there: a later read in this run reads it again.
        onScanned === undefined
          ? undefined
          : (at, scanned) => {
              const index = unread[at];
              if (index !== undefined) onScanned(index, scanned);
            },
      );
      await Promise.all(known);
    },
    readDir: (path) => remembered(listings, path, (p) => fs.readDir(p)),
    stat: (path) => remembered(stats, path, (p) => fs.stat(p)),
    realPath: (path) => fs.realPath(path),
  };
  readCaches.add(cached);
  return cached;
}
