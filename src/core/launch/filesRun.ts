// The files a launch path runs: the node itself and, transitively, the workspace modules it imports
// (`detector_node.py` gets torch through `perception_demo/model.py`): their imports are what its interpreter must have.
import { posix as path } from 'node:path';
import type { ImportSite } from '../scan/importSite';
import type { ScannedSource } from '../rules/ruleInput';

/** How deep a chain of workspace imports is followed; real packages are far shallower. */
const MAX_FILES = 500;

function resolveLocal(site: ImportSite, from: string, byPath: ReadonlyMap<string, ScannedSource>, all: readonly string[]): string | null {
  const parts = site.module.split('.');
  // A sibling of the importing file first (sys.path[0] is the script's folder), then anywhere in the workspace.
  for (let length = parts.length; length > 0; length--) {
    const relative = parts.slice(0, length).join('/');
    const sibling = [path.join(path.dirname(from), `${relative}.py`), path.join(path.dirname(from), relative, '__init__.py')].find((file) =>
      byPath.has(file),
    );
    if (sibling !== undefined) return sibling;
    const suffixes = [`/${relative}.py`, `/${relative}/__init__.py`];
    const found = all.find((file) => suffixes.some((suffix) => file.endsWith(suffix)));
    if (found !== undefined) return found;
  }
  return null;
}

export function filesRunBy(start: string, sources: readonly ScannedSource[]): string[] {
  const byPath = new Map(sources.map((source) => [source.path, source]));
  const all = [...byPath.keys()];
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0 && seen.size < MAX_FILES) {
    const file = queue.shift();
    if (file === undefined) break;
    for (const site of byPath.get(file)?.localImports ?? []) {
      const target = resolveLocal(site, file, byPath, all);
      if (target !== null && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}
