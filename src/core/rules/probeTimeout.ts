// A hang: the interpreter never finished starting, or one import never finished.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { docsFix, firstImportPerFile, fixList, placementsFor } from './findingParts';
import { betterInterpreter, seconds, selectedModules, switchFix } from './probeFacts';

export function probeTimeout(input: RuleInput): readonly Finding[] {
  const probe = input.selected;
  const name = probe.interpreter.displayName;
  if (probe.kind === 'timeout') {
    const better = betterInterpreter(input);
    const fixes = fixList(better === undefined ? null : switchFix(better), docsFix('probe-timeout'));
    return firstImportPerFile(input, 'error').map(({ location, severity }) => ({
      code: 'probe-timeout',
      severity,
      message: `${name} did not finish starting within ${seconds(probe.timeoutMs)} — a sitecustomize.py or .pth file may hang`,
      detail: null,
      location,
      related: [],
      fixes,
      interpreter: probe.interpreter.path,
      module: null,
    }));
  }
  return selectedModules(input).flatMap(({ module, uses, verdict }) => {
    if (verdict.kind !== 'timeout') return [];
    const better = betterInterpreter(input, module);
    const fixes = fixList(better === undefined ? null : switchFix(better), docsFix('probe-timeout'));
    return placementsFor(uses, 'error').map(({ location, severity }): Finding => ({
      code: 'probe-timeout',
      severity,
      message: `import ${module} did not finish within ${seconds(verdict.timeoutMs)} in ${name}`,
      detail: null,
      location,
      related: [],
      fixes,
      interpreter: probe.interpreter.path,
      module,
    }));
  });
}
