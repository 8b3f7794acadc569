// `import Torch`: the module exists, spelt otherwise. Linux file systems are case-sensitive, so it never imports.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { docsFix, placementsFor } from './findingParts';
import { selectedModules } from './probeFacts';

export function moduleNameCase(input: RuleInput): readonly Finding[] {
  return selectedModules(input).flatMap(({ module, uses, verdict, probe }) => {
    if (verdict.kind !== 'case') return [];
    const variant = verdict.variants[0] ?? module;
    return placementsFor(uses, 'error').map(({ location, severity }): Finding => ({
      code: 'module-name-case',
      severity,
      message: `No module named '${module}' in ${probe.interpreter.displayName}; did you mean '${variant}'?`,
      detail: verdict.message,
      location,
      related: [],
      fixes:
        location === null
          ? [docsFix('module-name-case')]
          : [
              { kind: 'replaceText', title: `Change '${module}' to '${variant}'`, range: location, newText: variant },
              docsFix('module-name-case'),
            ],
      interpreter: probe.interpreter.path,
      module,
    }));
  });
}
