// The module is there but raises (or kills the interpreter) when imported, for a reason that is not the ABI.
import type { Finding, RelatedLocation } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { docsFix, fixList, placementsFor, relatedLine } from './findingParts';
import { betterInterpreter, selectedModules, switchFix } from './probeFacts';
import { exceptionText } from './moduleVerdict';

export function moduleImportError(input: RuleInput): readonly Finding[] {
  return selectedModules(input).flatMap(({ module, uses, verdict, probe }) => {
    const name = probe.interpreter.displayName;
    let message: string;
    let detail: string | null;
    let related: RelatedLocation[] = [];
    if (verdict.kind === 'error') {
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
    const fixes = fixList(better === undefined ? null : switchFix(better), docsFix('module-import-error'));
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
