// Reads and scans the workspace's Python files, remembering each scan by the file's text so a keystroke
// in one file rescans only that file.
import * as path from 'node:path';
import type { FileSystem } from '../ports';
import type { ScannedSource } from '../rules/ruleInput';
import { scanImports } from '../scan/importScanner';
import type { ScannedFile } from '../scan/importSite';
import type { PythonSource, Workspace } from '../workspace/workspace';

export interface SourceScanner {
  scan(files: readonly string[], workspace: Workspace | null, openDocuments: ReadonlyMap<string, string>): Promise<ScannedSource[]>;
}

interface CachedScan {
  readonly text: string;
  readonly scan: ScannedFile;
}

export function createSourceScanner(fs: FileSystem): SourceScanner {
  const scans = new Map<string, CachedScan>();

  function scanOne(file: string, text: string): ScannedFile {
    const cached = scans.get(file);
    if (cached !== undefined && cached.text === text) return cached.scan;
    const scan = scanImports(text);
    scans.set(file, { text, scan });
    return scan;
  }

  return {
    async scan(files, workspace, openDocuments) {
      const sourcesByPath = new Map<string, PythonSource>((workspace?.pythonSources ?? []).map((source) => [source.path, source]));
      const packageModules = new Set((workspace?.packages ?? []).flatMap((pkg) => pkg.pythonModules));
      const siblingsByDir = new Map<string, Promise<Set<string>>>();
      const siblings = (dir: string): Promise<Set<string>> => {
        let pending = siblingsByDir.get(dir);
        if (pending === undefined) {
          pending = siblingModules(fs, dir);
          siblingsByDir.set(dir, pending);
        }
        return pending;
      };
      const results = await Promise.all(
        files.map(async (file): Promise<ScannedSource | null> => {
          const text = openDocuments.get(file) ?? (await fs.readFile(file));
          if (text === undefined) return null;
          const local = new Set([...packageModules, ...(await siblings(path.dirname(file)))]);
          const source = sourcesByPath.get(file);
          return {
            path: file,
            packageName: source?.packageName ?? null,
            role: source?.role ?? 'module',
            scan: withoutLocalImports(scanOne(file, text), local),
          };
        }),
      );
      return results.filter((result): result is ScannedSource => result !== null);
    },
  };
}

/** Modules a script can import from its own folder (Python puts the script's folder first on sys.path). */
async function siblingModules(fs: FileSystem, dir: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const entry of await fs.readDir(dir)) {
    if (entry.kind === 'file' && entry.name.endsWith('.py')) names.add(entry.name.slice(0, -3));
    else if (entry.kind === 'directory' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(entry.name)) names.add(entry.name);
  }
  return names;
}

/** The workspace's own modules are not the interpreter's business. */
function withoutLocalImports(scan: ScannedFile, local: ReadonlySet<string>): ScannedFile {
  const imports = scan.imports.filter((site) => !local.has(site.topLevel));
  return imports.length === scan.imports.length ? scan : { ...scan, imports };
}
