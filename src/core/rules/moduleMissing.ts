// The module is not installed for the selected interpreter.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { packageNames } from '../fixes/packageNames';
import { installFixesFor } from './installFixesFor';
import { docsFix, fixList, placementsFor } from './findingParts';
import { betterInterpreter, switchFix, selectedModules } from './probeFacts';
import { missingBecauseNotSourced } from './rosEnvNotSourced';
import { buildAndSourceFix } from '../launch/launchFixes';

export function moduleMissing(input: RuleInput): readonly Finding[] {
  return selectedModules(input).flatMap(({ module, uses, verdict, probe }) => {
    if (verdict.kind !== 'missing' || missingBecauseNotSourced(input, module)) return [];
    const better = betterInterpreter(input, module);
    const name = probe.interpreter.displayName;
    const ros = packageNames(module).ros;
    const elsewhere = better === undefined ? '' : `; ${better.interpreter.displayName} has it`;
    // A package of this workspace (messages generated at build time: `from my_interfaces.msg import X`): pip would
    // fetch a same-named stranger from PyPI; building and sourcing the workspace is what provides it.
    const own = input.workspace?.packages.some((pkg) => pkg.name === module) === true;
    const message = own
      ? `${module} is a package of this workspace that ${name} cannot import yet: build the workspace and source its setup script`
      : ros
        ? `${module} is not installed for ${name}: it comes with ROS, not from pip${elsewhere}`
        : `${module} is not installed for ${name}${elsewhere}`;
    const fixes = own
      ? fixList(buildAndSourceFix(input), docsFix('module-missing'))
      : fixList(better === undefined ? null : switchFix(better), ...installFixesFor(input, probe, [module]), docsFix('module-missing'));
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
