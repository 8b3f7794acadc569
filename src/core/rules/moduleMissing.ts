// The module is not installed for the selected interpreter.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { packageNames } from '../fixes/packageNames';
import { installFixesFor } from './installFixesFor';
import { docsFix, fixList, placementsFor } from './findingParts';
import { betterInterpreter, switchFix, selectedModules } from './probeFacts';
import { missingBecauseNotSourced } from './rosEnvNotSourced';

export function moduleMissing(input: RuleInput): readonly Finding[] {
  return selectedModules(input).flatMap(({ module, uses, verdict, probe }) => {
    if (verdict.kind !== 'missing' || missingBecauseNotSourced(input, module)) return [];
    const better = betterInterpreter(input, module);
    const name = probe.interpreter.displayName;
    const ros = packageNames(module).ros;
    const elsewhere = better === undefined ? '' : `; ${better.interpreter.displayName} has it`;
    const message = ros
      ? `${module} is not installed for ${name}: it comes with ROS, not from pip${elsewhere}`
      : `${module} is not installed for ${name}${elsewhere}`;
    const fixes = fixList(
      better === undefined ? null : switchFix(better),
      ...installFixesFor(input, probe, [module]),
      docsFix('module-missing'),
    );
    return placementsFor(uses, 'error').map(({ location, severity }): Finding => ({
      code: 'module-missing',
      severity,
      message,
      detail: verdict.message,
      location,
      related: [],
      fixes,
      interpreter: probe.interpreter.path,
      module,
    }));
  });
}
