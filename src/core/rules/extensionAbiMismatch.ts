// Compiled code built for another Python (or another NumPy): present, found, and unusable by this interpreter.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { installFixesFor } from './installFixesFor';
import type { FixSpec } from '../findings/fixSpec';
import { pipManages } from '../fixes/managerInstall';
import { managerFor } from '../managers/managersOf';
import type { EnvironmentManager } from '../managers/environmentManager';
import { packageNames } from '../fixes/packageNames';
import { sourceBuildFix } from '../fixes/sourceBuild';
import { docsFix, fixList, placementsFor } from './findingParts';
import { betterInterpreter, pythonVersion, selectedModules, switchFix } from './probeFacts';
import { ownTag } from './moduleVerdict';
import { provenShadow } from './shadowedByOutsidePackage';
import { numpyBreakFixes } from './numpyBreakFixes';

export function extensionAbiMismatch(input: RuleInput): readonly Finding[] {
  return selectedModules(input).flatMap(({ module, uses, verdict, probe }) => {
    // A proven outside culprit is reported once, as shadowed-by-outside-package.
    if (provenShadow(input, module) !== null) return [];
    if (verdict.kind !== 'abi') return [];
    const name = probe.interpreter.displayName;
    // Python 2 has no ABI tag to name.
    const here = `${name} is ${pythonVersion(probe.facts)}${probe.facts.soabi === null ? '' : ` (${ownTag(probe.facts)})`}`;
    const message =
      verdict.builtFor === null
        ? `${module} here is built for another Python but ${here} (${verdict.error})`
        : `${module} here is built for ${verdict.builtFor} but ${here}`;
    const better = betterInterpreter(input, module);
    const names = packageNames(module);
    // A wheel only helps where pip/conda manage the environment; a PEP 668 system Python gets no install fix here.
    const install = names.ros
      ? []
      : installFixesFor(input, probe, [module]).filter((f) => f.kind === 'installPackages' && f.optIn === undefined);
    const numpy = numpyBreakFixes(input, probe, module, `${verdict.error}\n${verdict.detail ?? ''}`);
    const fixes = fixList(
      better === undefined ? null : switchFix(better),
      buildable(sourceBuildFix(probe.interpreter, module, input.workspace, input.rosDistro), managerFor(input.managers, probe)),
      ...numpy,
      ...install.filter(
        (fix) => !numpy.some((n) => n.kind === 'installPackages' && fix.kind === 'installPackages' && n.command === fix.command),
      ),
      docsFix('extension-abi-mismatch'),
    );
    return placementsFor(uses, 'error').map(({ location, severity }): Finding => ({
      code: 'extension-abi-mismatch',
      severity,
      message,
      detail: verdict.detail === null ? verdict.error : `${verdict.error}\n${verdict.detail}`,
      location,
      related: [],
      fixes,
      interpreter: probe.interpreter.path,
      module,
    }));
  });
}

/** A source build that pip-installs is only offered where pip manages the environment. */
function buildable(fix: FixSpec | null, manager: EnvironmentManager): FixSpec | null {
  if (fix?.kind !== 'buildFromSource') return fix;
  return fix.commands.some((c) => / -m pip install /.test(c)) && !pipManages(manager) ? null : fix;
}
