// rospy is found but one of the Python packages it imports (rospkg, catkin_pkg, yaml) is not: the conda/venv trap.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { installFixesFor } from './installFixesFor';
import { docsFix, fixList, placementsFor } from './findingParts';
import { selectedModules } from './probeFacts';
import { dependenciesOf } from '../ros/pythonModules';

export function rosDepsMissing(input: RuleInput): readonly Finding[] {
  return selectedModules(input).flatMap(({ module, uses, verdict, probe }) => {
    if (verdict.kind !== 'ros-deps') return [];
    // The named one first, then the rest of what the module needs (its node-start ones too, so one install makes the
    // node run; rclpy never gets rospkg) unless the probe saw them installed.
    const wanted = [verdict.dependency, ...dependenciesOf(module).map((d) => d.module)].filter(
      (d, i, all) => all.indexOf(d) === i && (d === verdict.dependency || probe.specs[d]?.found !== true),
    );
    const fixes = fixList(...installFixesFor(input, probe, wanted), docsFix('ros-deps-missing'));
    return placementsFor(uses, 'error').map(({ location, severity }): Finding => ({
      code: 'ros-deps-missing',
      severity,
      message: `import ${module} fails in ${probe.interpreter.displayName} because ${verdict.dependency} is missing (${verdict.error})`,
      detail: verdict.detail,
      location,
      related: [],
      fixes,
      interpreter: probe.interpreter.path,
      module,
    }));
  });
}
