// The module is not installed for the selected interpreter.
import type { Finding } from '../findings/finding';
import type { FixSpec } from '../findings/fixSpec';
import type { RuleInput } from './ruleInput';
import { installFix } from '../fixes/installCommand';
import { aptPackage, packageNames } from '../fixes/packageNames';
import { shellLine } from '../fixes/shellQuote';
import { docsFix, fixList, placementsFor } from './findingParts';
import { baseDir, betterInterpreter, switchFix, selectedModules, type OkProbe } from './probeFacts';
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
      ros ? aptFix(input, probe, module) : installFix(probe, [module], baseDir(input)),
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

/** ROS packages come from apt (`ros-noetic-cv-bridge`, or Debian's `python3-cv-bridge`), for the system Python. */
function aptFix(input: RuleInput, probe: OkProbe, module: string): FixSpec | null {
  const pkg = aptPackage(module, input.rosDistro, probe.facts.version.major);
  if (pkg === null) return null;
  return { kind: 'runInTerminal', title: `Install ${pkg} with apt`, commands: [shellLine(['sudo', 'apt-get', 'install', pkg])] };
}
