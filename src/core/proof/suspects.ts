// Who could be to blame for a failed import: a package loaded from outside the environment (the user site, a
// PYTHONPATH entry, a .pth file's entries) or a library directory on LD_LIBRARY_PATH that the loader used instead
// of the system's. Pure: from the probe's facts and the failed import's report. Nothing here is blamed yet: a
// suspect becomes a cause only when the import works with it bypassed (proveCauses.ts).
import * as path from 'node:path';
import type { InterpreterFacts, LoadedPackage, ReportedImport, SysPathEntry } from '../probe/protocol';

export type FailedImport = Extract<ReportedImport, { status: 'error' }>;

export type Suspect =
  | { readonly kind: 'user-site'; readonly entry: string; readonly packages: readonly LoadedPackage[] }
  | { readonly kind: 'pythonpath'; readonly entry: string; readonly packages: readonly LoadedPackage[] }
  | { readonly kind: 'pth'; readonly pthFile: string; readonly entries: readonly string[]; readonly packages: readonly LoadedPackage[] }
  | {
      /** `<dir>/libstdc++.so.6: version 'GLIBCXX_3.4.30' not found (required by <ext>)`, with <dir> on LD_LIBRARY_PATH. */
      readonly kind: 'ld-library-path';
      readonly dir: string;
      readonly library: string;
      readonly needed: string;
      readonly requiredBy: string | null;
    };

export type SuspectKind = Suspect['kind'];

/** What the dynamic loader said, read from the ImportError's text. */
export type LoaderError =
  | { readonly kind: 'version-not-found'; readonly library: string; readonly needed: string; readonly requiredBy: string | null }
  | { readonly kind: 'library-not-found'; readonly library: string };

export function loaderError(message: string): LoaderError | null {
  const version = /(\/[^\s:]+): version [`'‘"]?([A-Za-z]+_[\d.]+)[`'’"]? not found(?: \(required by ([^)]+)\))?/.exec(message);
  if (version?.[1] !== undefined && version[2] !== undefined)
    return { kind: 'version-not-found', library: version[1], needed: version[2], requiredBy: version[3] ?? null };
  const missing = /([^\s:]+\.so[\w.]*): cannot open shared object file: No such file or directory/.exec(message);
  if (missing?.[1] !== undefined) return { kind: 'library-not-found', library: missing[1] };
  return null;
}

function under(file: string, dir: string): boolean {
  const root = dir.replace(/\/+$/, '');
  return root !== '' && (file === root || file.startsWith(`${root}/`));
}

/** The sys.path entry a file was found under: the longest one that contains it. */
export function entryOf(sysPath: readonly SysPathEntry[], file: string): SysPathEntry | null {
  let best: SysPathEntry | null = null;
  for (const entry of sysPath) {
    if (entry.path === '' || !under(file, entry.path)) continue;
    if (best === null || entry.path.length > best.path.length) best = entry;
  }
  return best;
}

export function splitPathList(value: string | undefined): string[] {
  return (value ?? '').split(':').filter((part) => part !== '');
}

/**
 * Suspects in the order they are tried: outside packages the failed import really loaded (grouped by the
 * sys.path entry, or the .pth file, that put them there), then a library directory the loader's message names.
 */
export function suspectsOf(facts: InterpreterFacts, failure: FailedImport, env: Readonly<Record<string, string>>): Suspect[] {
  const loaded: LoadedPackage[] = [...(failure.loaded ?? [])];
  if (failure.file !== null)
    loaded.push({ module: failure.target.split('.')[0] ?? failure.target, file: failure.file, version: failure.version });
  const byEntry = new Map<string, { entry: SysPathEntry; packages: LoadedPackage[] }>();
  for (const pkg of loaded) {
    if (pkg.file === null) continue;
    const entry = entryOf(facts.sysPath, pkg.file);
    if (entry === null || !['user-site', 'pythonpath', 'pth'].includes(entry.origin)) continue;
    const key = entry.origin === 'pth' ? `pth:${entry.pthFile ?? entry.path}` : `${entry.origin}:${entry.path}`;
    const group = byEntry.get(key) ?? { entry, packages: [] };
    if (!group.packages.some((p) => p.module === pkg.module)) group.packages.push(pkg);
    byEntry.set(key, group);
  }
  const suspects: Suspect[] = [];
  for (const { entry, packages } of byEntry.values()) {
    if (entry.origin === 'user-site') suspects.push({ kind: 'user-site', entry: entry.path, packages });
    else if (entry.origin === 'pythonpath') suspects.push({ kind: 'pythonpath', entry: entry.path, packages });
    else if (entry.origin === 'pth') {
      const pthFile = entry.pthFile ?? null;
      const entries =
        pthFile === null ? [entry.path] : facts.sysPath.filter((e) => e.origin === 'pth' && e.pthFile === pthFile).map((e) => e.path);
      suspects.push({ kind: 'pth', pthFile: pthFile ?? entry.path, entries, packages });
    }
  }
  const loader = loaderError(failure.message);
  if (loader?.kind === 'version-not-found') {
    const dir = path.dirname(loader.library);
    if (splitPathList(env.LD_LIBRARY_PATH).some((d) => d.replace(/\/+$/, '') === dir)) {
      suspects.push({
        kind: 'ld-library-path',
        dir,
        library: loader.library,
        needed: loader.needed,
        requiredBy: loader.requiredBy ?? failure.errorPath ?? null,
      });
    }
  }
  const order: Record<SuspectKind, number> = { 'user-site': 0, pythonpath: 1, pth: 2, 'ld-library-path': 3 };
  return suspects.sort((a, b) => order[a.kind] - order[b.kind]);
}
