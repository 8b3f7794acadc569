// Which third-party modules the workspace needs, and where each is imported.
import type { InterpreterFacts } from '../probe/protocol';
import type { ImportUse, ScannedSource } from '../rules/ruleInput';

/** Every top-level module imported by the sources (local ones are already marked by the scanner's caller), in first-seen order. */
export function importedModules(sources: readonly ScannedSource[], ignored: ReadonlySet<string>): Map<string, ImportUse[]> {
  const uses = new Map<string, ImportUse[]>();
  for (const source of sources) {
    for (const site of source.scan.imports) {
      if (site.typeOnly || ignored.has(site.topLevel)) continue;
      const list = uses.get(site.topLevel);
      if (list === undefined) uses.set(site.topLevel, [{ file: source.path, site }]);
      else list.push({ file: source.path, site });
    }
  }
  return uses;
}

/** Drops the interpreter's own standard library: `import os` is never a ROS problem. */
export function withoutStandardLibrary<T>(modules: ReadonlyMap<string, T>, facts: InterpreterFacts | null): Map<string, T> {
  if (facts === null) return new Map(modules);
  const stdlib = new Set([...facts.stdlibModules, ...facts.builtinModules]);
  return new Map([...modules].filter(([name]) => !stdlib.has(name)));
}
