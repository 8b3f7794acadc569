// Finds the ROS packages under a workspace's source space, the way catkin_pkg/colcon do: a folder with package.xml
// is a package and its subfolders are not searched further (unless it is a metapackage); ignore markers and build
// output are skipped.
import { childPath } from './childPath';
import type { DirEntry, FileSystem } from '../ports';
import { walkBounded } from './boundedParallel';
import { parsePackageXml, type PackageManifest } from './packageXml';
import type { WorkspaceProblem } from './workspaceProblem';
import { readOrReport } from './workspaceFile';
import { IGNORE_MARKERS, PACKAGE_MANIFEST } from '../ros/workspaceMarkers';

export interface FoundPackage {
  readonly path: string;
  readonly manifestPath: string;
  readonly manifest: PackageManifest;
  /** The package folder's listing, kept so nobody reads it twice. */
  readonly entries: readonly DirEntry[];
}

export interface FindPackagesLimits {
  readonly maxDirectories: number;
  readonly maxDepth: number;
  readonly concurrency: number;
}

export const DEFAULT_LIMITS: FindPackagesLimits = { maxDirectories: 50_000, maxDepth: 12, concurrency: 32 };

const SKIPPED_NAMES = new Set([
  'node_modules',
  'build',
  'devel',
  'install',
  'log',
  'devel_isolated',
  'install_isolated',
  'build_isolated',
  '__pycache__',
  'logs',
]);

interface Pending {
  readonly dir: string;
  readonly depth: number;
}

/** Whether an entry may be a folder (links are resolved by the caller only when it matters). */
export function mayBeDirectory(entry: DirEntry): boolean {
  return entry.kind === 'directory' || entry.kind === 'symlink';
}

export async function findPackages(
  fs: FileSystem,
  base: string,
  limits: FindPackagesLimits = DEFAULT_LIMITS,
): Promise<{ packages: FoundPackage[]; problems: WorkspaceProblem[] }> {
  const packages: FoundPackage[] = [];
  const problems: WorkspaceProblem[] = [];
  const seenRealDirs = new Set<string>();

  const visit = async ({ dir, depth }: Pending): Promise<Pending[]> => {
    const entries = await fs.readDir(dir);
    const names = new Set(entries.map((entry) => entry.name));
    if (IGNORE_MARKERS.some((marker) => names.has(marker))) return [];
    let descend = true;
    if (names.has(PACKAGE_MANIFEST)) {
      const manifestPath = childPath(dir, PACKAGE_MANIFEST);
      let skipped = false;
      const text = await readOrReport(fs, manifestPath, 'manifest', (problem) => {
        skipped = true;
        problems.push(problem);
      });
      const parsed = text === undefined ? null : parsePackageXml(text);
      if (parsed?.kind === 'ok') {
        packages.push({ path: dir, manifestPath, manifest: parsed.manifest, entries });
        descend = parsed.manifest.metapackage;
      } else {
        if (!skipped) {
          const reason = parsed === null ? 'it cannot be read' : parsed.reason;
          problems.push({
            kind: 'invalid-manifest',
            path: manifestPath,
            reason,
            line: parsed?.kind === 'invalid' ? (parsed.line ?? null) : null,
            column: parsed?.kind === 'invalid' ? (parsed.column ?? null) : null,
          });
        }
        descend = false;
      }
    }
    if (!descend || depth >= limits.maxDepth) return [];
    const next: Pending[] = [];
    for (const entry of entries) {
      if (!mayBeDirectory(entry) || entry.name.startsWith('.') || SKIPPED_NAMES.has(entry.name)) continue;
      const child = childPath(dir, entry.name);
      if (entry.kind === 'symlink') {
        // A linked folder (a package linked into src/) is followed once; a link back up would loop.
        const stat = await fs.stat(child);
        if (stat?.kind !== 'directory') continue;
        const real = await fs.realPath(child);
        if (real === undefined || seenRealDirs.has(real)) continue;
        seenRealDirs.add(real);
      }
      next.push({ dir: child, depth: depth + 1 });
    }
    return next;
  };

  const walk = await walkBounded<Pending>([{ dir: base, depth: 0 }], limits.concurrency, limits.maxDirectories, visit);
  if (walk.truncated) problems.push({ kind: 'search-limit', path: base, detail: `stopped after ${walk.visited} folders` });

  packages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byName = new Map<string, string[]>();
  for (const pkg of packages) byName.set(pkg.manifest.name, [...(byName.get(pkg.manifest.name) ?? []), pkg.path]);
  for (const [name, paths] of byName) if (paths.length > 1) problems.push({ kind: 'duplicate-package', name, paths });
  return { packages, problems };
}
