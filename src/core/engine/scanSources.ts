// Reads and scans the workspace's Python files, remembering each scan by the file's text so a keystroke
// in one file rescans only that file.
import * as path from 'node:path';
import type { FileSystem } from '../ports';
import type { ScannedSource } from '../rules/ruleInput';
import { scanImports } from '../scan/importScanner';
import { siblingModuleNames, workspaceModuleNames } from '../scan/moduleClassifier';
import { mapBounded } from '../workspace/boundedParallel';
import { SIZE_LIMITS } from '../workspace/workspaceFile';
import type { WorkspaceProblem } from '../workspace/workspaceProblem';

/** Files read at once: enough to keep the disk busy, few enough to never run out of file descriptors. */
const READ_CONCURRENCY = 64;
import type { ScannedFile } from '../scan/importSite';
import type { PythonSource, Workspace } from '../workspace/workspace';

export interface SourceScanner {
  scan(files: readonly string[], workspace: Workspace | null, openDocuments: ReadonlyMap<string, string>): Promise<ScannedSource[]>;
}

interface CachedScan {
  /** null when the file was scanned on the port's other thread (its text stayed there). */
  readonly text: string | null;
  /** The file on disk when it was read (absent for unsaved text): unchanged, it is not read again. */
  readonly disk: { readonly mtimeMs: number; readonly size: number } | null;
  readonly scan: ScannedFile;
}

export function createSourceScanner(fs: FileSystem): SourceScanner {
  const scans = new Map<string, CachedScan>();

  function scanText(file: string, text: string, disk: CachedScan['disk']): ScannedFile {
    const cached = scans.get(file);
    if (cached !== undefined && cached.text === text) {
      if (disk !== null && cached.disk !== disk) scans.set(file, { ...cached, disk });
      return cached.scan;
    }
    const scan = scanImports(text);
    scans.set(file, { text, disk, scan });
    return scan;
  }

  /**
   * An open document's text, else the disk's: a file whose modification time and size are unchanged is not read.
   * Only a regular file (or a link to one) of at most SIZE_LIMITS.python is read; others are skipped with a problem.
   * Files never read before were read in one batch (`fresh`, see scan); the port refused, on the open file, what
   * is not a regular file or is too large, and stamped what it read: no stat before reading on a cold scan.
   */
  async function scanFile(
    file: string,
    openDocuments: ReadonlyMap<string, string>,
    fresh: ReadonlyMap<string, ScannedFile | null>,
  ): Promise<ScannedFile | WorkspaceProblem | null> {
    const unsaved = openDocuments.get(file);
    if (unsaved !== undefined) return scanText(file, unsaved, null);
    const readNow = fresh.get(file);
    if (readNow !== undefined) return readNow ?? unreadable(file);
    const cached = scans.get(file);
    if (cached?.disk != null) {
      const stat = await fs.stat(file);
      if (stat?.kind === 'file' && cached.disk.mtimeMs === stat.mtimeMs && cached.disk.size === stat.size) return cached.scan;
    }
    const read = await fs.readStamped(file, SIZE_LIMITS.python);
    if (read !== undefined) return scanText(file, read.text, { mtimeMs: read.mtimeMs, size: read.size });
    return unreadable(file);
  }

  /** Why a file the port would not read was skipped (a problem the user sees), or null when it is simply not there. */
  async function unreadable(file: string): Promise<WorkspaceProblem | null> {
    const stat = await fs.stat(file);
    if (stat === undefined || stat.kind === 'directory') return null;
    if (stat.kind !== 'file') return { kind: 'not-regular-file', path: file };
    if (stat.size > SIZE_LIMITS.python) return { kind: 'file-too-large', path: file, size: stat.size, limit: SIZE_LIMITS.python };
    return null;
  }

  /**
   * Reads the files with no stamped scan yet in one batch and scans each as it arrives (the Node port shares a large
   * batch with another thread, which answers the files it took by their scan); null for a file the port would not read.
   */
  async function readFresh(files: readonly string[], openDocuments: ReadonlyMap<string, string>): Promise<Map<string, ScannedFile | null>> {
    const paths = files.filter((file) => !openDocuments.has(file) && scans.get(file)?.disk == null);
    const scanned = new Map<string, ScannedFile | null>();
    await fs.readStampedEach(
      paths,
      SIZE_LIMITS.python,
      (index, read) => {
        const file = paths[index];
        if (file === undefined) return;
        scanned.set(file, read === undefined ? null : scanText(file, read.text, { mtimeMs: read.mtimeMs, size: read.size }));
      },
      (index, { scan, mtimeMs, size }) => {
        const file = paths[index];
        if (file === undefined) return;
        // Scanned where it was read: the stamp alone tells an unchanged file later; an open document equal to it is
        // scanned once more (its text is not here to compare).
        scans.set(file, { text: null, disk: { mtimeMs, size }, scan });
        scanned.set(file, scan);
      },
    );
    return scanned;
  }

  return {
    async scan(files, workspace, openDocuments) {
      const fresh = await readFresh(files, openDocuments);
      const sourcesByPath = new Map<string, PythonSource>((workspace?.pythonSources ?? []).map((source) => [source.path, source]));
      const packageModules = workspaceModuleNames(workspace);
      const siblingsByDir = new Map<string, Promise<Set<string>>>();
      const siblings = (dir: string): Promise<Set<string>> => {
        let pending = siblingsByDir.get(dir);
        if (pending === undefined) {
          pending = siblingModules(fs, dir);
          siblingsByDir.set(dir, pending);
        }
        return pending;
      };
      const results = await mapBounded(files, READ_CONCURRENCY, async (file): Promise<ScannedSource | null> => {
        const scanned = await scanFile(file, openDocuments, fresh);
        if (scanned === null) return null;
        const source = sourcesByPath.get(file);
        if ('kind' in scanned) {
          return {
            path: file,
            packageName: source?.packageName ?? null,
            role: source?.role ?? 'module',
            scan: { imports: [], shebang: null },
            skipped: scanned,
          };
        }
        const nextToFile = await siblings(path.dirname(file));
        const isLocal = (module: string): boolean => packageModules.has(module) || nextToFile.has(module);
        return {
          path: file,
          packageName: source?.packageName ?? null,
          role: source?.role ?? 'module',
          scan: withoutLocalImports(scanned, isLocal),
          localImports: scanned.imports.filter((site) => isLocal(site.topLevel)),
        };
      });
      return results.filter((result): result is ScannedSource => result !== null);
    },
  };
}

/** Modules a script can import from its own folder (Python puts the script's folder first on sys.path). */
async function siblingModules(fs: FileSystem, dir: string): Promise<Set<string>> {
  const entries = await fs.readDir(dir);
  const folders = entries.filter((entry) => entry.kind === 'directory' || entry.kind === 'symlink');
  const packages = await Promise.all(
    folders.map(async (entry) => ((await fs.stat(path.join(dir, entry.name, '__init__.py')))?.kind === 'file' ? entry.name : null)),
  );
  return siblingModuleNames(entries, new Set(packages.filter((name): name is string => name !== null)));
}

/** The workspace's own modules are not the interpreter's business. */
function withoutLocalImports(scan: ScannedFile, isLocal: (module: string) => boolean): ScannedFile {
  const imports = scan.imports.filter((site) => !isLocal(site.topLevel));
  return imports.length === scan.imports.length ? scan : { ...scan, imports };
}
