// The module is not installed for the selected interpreter.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { packageNames } from '../fixes/packageNames';
import { installFixesFor } from './installFixesFor';
import { docsFix, fixList, placementsFor } from './findingParts';
import { betterInterpreter, switchFix, selectedModules } from './probeFacts';
import { missingBecauseNotSourced } from './rosEnvNotSourced';
import { managerFor } from '../managers/managersOf';
import type { EnvironmentManager } from '../managers/environmentManager';
import { SYSTEM_BIN_DIRS } from '../interpreters/interpreterFacts';
import { buildAndSourceFix } from '../launch/launchFixes';
import { venvSystemSiteFix } from './venvSystemSiteFix';

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
        ? `${module} is not installed for ${name}: it comes with ROS, not from pip${venvBase(managerFor(input.managers, probe))}${elsewhere}`
        : `${module} is not installed for ${name}${elsewhere}`;
    const fixes = own
      ? fixList(buildAndSourceFix(input), docsFix('module-missing'))
      : fixList(
          better === undefined ? null : switchFix(better),
          ...installFixesFor(input, probe, [module]),
          // ROS comes from apt into the system's packages: a venv that does not see them is remade to see them.
          ros ? venvSystemSiteFix(input, probe, [module]) : null,
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

/** Why a venv cannot see the system's ROS packages, from its pyvenv.cfg (`home`, `version`, uv's marker). */
function venvBase(manager: EnvironmentManager): string {
  if ((manager.kind !== 'venv' && manager.kind !== 'uv-venv') || manager.home === null) return '';
  const what = manager.kind === 'uv-venv' ? 'uv venv' : 'venv';
  const version = manager.version === null ? '' : ` (Python ${manager.version})`;
  const home = manager.home.replace(/\/+$/, '');
  if (!SYSTEM_BIN_DIRS.includes(home))
    return `; this ${what} was made from ${home}${version}, not from the system Python that ROS's packages are installed for`;
  return manager.systemSitePackages
    ? ''
    : `; this ${what} was made from ${home}${version} without --system-site-packages, so it does not see the system's ROS packages`;
}
