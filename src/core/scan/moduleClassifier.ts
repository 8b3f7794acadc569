// Decides whether a top-level module is the workspace's own code rather than something an interpreter must provide.
// A file's folder listing is handed in as data (the caller already has it, or reads it once per folder).
import type { DirEntry } from '../ports';
import type { Workspace } from '../workspace/workspace';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `foo.cpython-311-x86_64-linux-gnu.so`, `foo.abi3.so`, `foo.so`, `foo.pyd`. */
const EXTENSION_MODULE = /^([A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z0-9_-]+)?\.(so|pyd)$/;

/**
 * Modules importable from a script's own folder (sys.path[0] when it runs): `x.py`, compiled `x.*.so`, and the
 * sub-folders named in `packageDirs` (those holding an `__init__.py`). A folder without `__init__.py` is only a
 * namespace portion, which never shadows a real package installed elsewhere, so it does not make an import local.
 */
export function siblingModuleNames(entries: readonly DirEntry[], packageDirs: ReadonlySet<string> = new Set()): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) {
    const name = entry.name;
    if ((entry.kind === 'directory' || entry.kind === 'symlink') && packageDirs.has(name) && IDENTIFIER.test(name)) {
      names.add(name);
    }
    if (entry.kind === 'file' || entry.kind === 'symlink') {
      if (name.endsWith('.py')) {
        const stem = name.slice(0, -3);
        if (IDENTIFIER.test(stem)) names.add(stem);
        continue;
      }
      const compiled = EXTENSION_MODULE.exec(name);
      if (compiled?.[1] !== undefined) names.add(compiled[1]);
    }
  }
  return names;
}

/** Every top-level module a workspace's packages provide. */
export function workspaceModuleNames(workspace: Workspace | null): Set<string> {
  const names = new Set<string>();
  if (workspace === null) return names;
  for (const pkg of workspace.packages) for (const module of pkg.pythonModules) names.add(module);
  return names;
}
