// One detection reads a folder once: walking up to the root and then down into the packages meet in the same
// folders, so listings are remembered for the life of one detection (never longer: the disk changes).
import type { DirEntry, FileSystem } from '../ports';

export function withListingCache(fs: FileSystem): FileSystem {
  const listings = new Map<string, Promise<readonly DirEntry[]>>();
  return {
    readFile: (path) => fs.readFile(path),
    stat: (path) => fs.stat(path),
    realPath: (path) => fs.realPath(path),
    readDir: (path) => {
      const known = listings.get(path);
      if (known !== undefined) return known;
      const listing = fs.readDir(path);
      listings.set(path, listing);
      return listing;
    },
  };
}
