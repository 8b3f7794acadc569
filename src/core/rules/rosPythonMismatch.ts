// The ROS install was built for one Python (melodic: 2, noetic: 3, humble: 3.10) and the selected interpreter is another.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { isRosModule } from '../ros/pythonModules';
import { docsFix, fixList, placementsFor } from './findingParts';
import { importsAll, isOk, neededModules, okOthers, pythonVersion, switchFix, type OkProbe } from './probeFacts';

export function rosPythonMismatch(input: RuleInput): readonly Finding[] {
  const probe = input.selected;
  const distro = input.rosDistro;
  if (!isOk(probe) || distro.pythonVersion === null) return [];
  const fits = (p: OkProbe): boolean =>
    p.facts.version.major === distro.pythonVersion &&
    (distro.rosVersion !== 2 || distro.pythonMinor === null || p.facts.version.minor === distro.pythonMinor);
  if (fits(probe)) return [];
  const wanted =
    distro.rosVersion === 2 && distro.pythonMinor !== null ? `${distro.pythonVersion}.${distro.pythonMinor}` : `${distro.pythonVersion}`;
  const rosName = distro.name === null ? 'This ROS install' : `ROS ${distro.name}`;
  const message = `${rosName} is built for Python ${wanted} but ${probe.interpreter.displayName} is ${pythonVersion(probe.facts)}`;
  const matching = okOthers(input).filter(fits);
  const better = matching.find((p) => importsAll(p, neededModules(input))) ?? matching[0];
  const fixes = fixList(better === undefined ? null : switchFix(better), docsFix('ros-python-mismatch'));
  return [...input.modules.entries()]
    .filter(([module]) => isRosModule(module))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, uses]) =>
      uses.length === 0
        ? []
        : placementsFor(uses, 'error').map(({ location, severity }): Finding => ({
            code: 'ros-python-mismatch',
            severity,
            message,
            detail: distro.evidence,
            location,
            related: [],
            fixes,
            interpreter: probe.interpreter.path,
            module: null,
          })),
    );
}
