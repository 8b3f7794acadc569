// The selected interpreter is not a working Python at all: nothing it imports can be judged.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { docsFix, firstImportPerFile, fixList, relatedFile } from './findingParts';
import { betterInterpreter, switchFix } from './probeFacts';

export function interpreterInvalid(input: RuleInput): readonly Finding[] {
  const probe = input.selected;
  if (probe.kind !== 'invalid') return [];
  const better = betterInterpreter(input);
  const fixes = fixList(better === undefined ? null : switchFix(better), docsFix('interpreter-invalid'));
  return firstImportPerFile(input, 'error').map(({ location, severity }) => ({
    code: 'interpreter-invalid',
    severity,
    message: `The selected interpreter ${probe.interpreter.displayName} cannot run Python (${probe.detail})`,
    detail: `${probe.interpreter.path} (${probe.reason})`,
    location,
    related: [relatedFile(probe.interpreter.path, 'the selected interpreter')],
    fixes,
    interpreter: probe.interpreter.path,
    module: null,
  }));
}
