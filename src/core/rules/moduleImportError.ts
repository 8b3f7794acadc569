// The module is there but raises (or kills the interpreter) when imported, for a reason that is not the ABI.
import type { Finding, RelatedLocation } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { docsFix, fixList, placementsFor, relatedLine } from './findingParts';
import { betterInterpreter, selectedModules, switchFix } from './probeFacts';
import { exceptionText } from './moduleVerdict';
import { provenShadow } from './shadowedByOutsidePackage';
import type { FixSpec } from '../findings/fixSpec';
import { shellLine } from '../fixes/shellQuote';
import { numpyBreakFixes } from './numpyBreakFixes';

export function moduleImportError(input: RuleInput): readonly Finding[] {
  return selectedModules(input).flatMap(({ module, uses, verdict, probe }) => {
    // A proven outside culprit is reported once, as shadowed-by-outside-package.
    if (provenShadow(input, module) !== null) return [];
    const name = probe.interpreter.displayName;
    let message: string;
    let detail: string | null;
    let related: RelatedLocation[] = [];
    const library = input.causes?.get(module);
    if (verdict.kind === 'error' && library?.kind === 'library-not-on-path') {
      const by = library.requiredBy === null ? '' : ` (needed by ${library.requiredBy})`;
      message = `import ${module} fails in ${name} because the loader cannot find ${library.library}${by}; it is in ${library.dir}, which is not on LD_LIBRARY_PATH, and with it there the import works`;
      detail = `${verdict.exceptionType}: ${verdict.message}`;
    } else if (verdict.kind === 'error') {
      message = `import ${module} fails in ${name} with ${exceptionText(verdict.exceptionType, verdict.message)}`;
      detail = verdict.detail;
      if (verdict.raisedAt !== null) related = [relatedLine(verdict.raisedAt.file, verdict.raisedAt.line, 'raised here')];
    } else if (verdict.kind === 'crash') {
      const how = verdict.signal ?? (verdict.exitCode === null ? 'no exit code' : `exit code ${verdict.exitCode}`);
      message = `import ${module} crashed the interpreter ${name} (${how})`;
      detail = verdict.detail === '' ? null : verdict.detail;
    } else {
      return [];
    }
    const better = betterInterpreter(input, module);
    const fixes = fixList(
      library?.kind === 'library-not-on-path' ? libraryPathFix(library.dir, library.env) : null,
      better === undefined ? null : switchFix(better),
      ...(verdict.kind === 'error' ? numpyBreakFixes(input, probe, module, verdict.message) : []),
      docsFix('module-import-error'),
    );
    return placementsFor(uses, 'error').map(({ location, severity }): Finding => ({
      code: 'module-import-error',
      severity,
      message,
      detail,
      location,
      related,
      fixes,
      interpreter: probe.interpreter.path,
      module,
    }));
  });
}

/** Puts the folder that has the missing library first on LD_LIBRARY_PATH in a terminal (a setup script does the same). */
function libraryPathFix(dir: string, env: Readonly<Record<string, string>>): FixSpec {
  const value = [dir, ...(env.LD_LIBRARY_PATH ?? '').split(':').filter((d) => d !== '')].join(':');
  return {
    kind: 'runInTerminal',
    title: `Put ${dir} on LD_LIBRARY_PATH in this terminal`,
    commands: [shellLine(['export', `LD_LIBRARY_PATH=${value}`])],
  };
}
