// rospy is found but one of the Python packages it imports (rospkg, catkin_pkg, …) is not: the conda/venv trap.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { installFixesFor } from './installFixesFor';
import { docsFix, fixList, placementsFor } from './findingParts';
import { selectedModules } from './probeFacts';
import { generationOfCoreModule, ROS_PYTHON_MODULES } from '../ros/pythonModules';

export function rosDepsMissing(input: RuleInput): readonly Finding[] {
  return selectedModules(input).flatMap(({ module, uses, verdict, probe }) => {
    if (verdict.kind !== 'ros-deps') return [];
    // The named one first, then the rest of the usual set of the module's ROS generation (rclpy never gets rospkg)
    // unless the probe saw them installed.
    const set = ROS_PYTHON_MODULES[generationOfCoreModule(module) ?? 1];
    const wanted = [verdict.dependency, ...set.baseSet, ...set.runtimeDependencies.filter((d) => probe.specs[d]?.found === false)].filter(
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
