// colcon copies an ament_python package into install/ (unless --symlink-install): a node edited after the last
// build still runs the old copy under `ros2 run`.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { docsFix, fixList, relatedFile } from './findingParts';
import { rebuildFix } from '../launch/launchFixes';

export function installOutdated(input: RuleInput): readonly Finding[] {
  const launch = input.launch;
  if (launch === undefined || launch.colconBuildArgs.includes('--symlink-install')) return [];
  return launch.entryPoints.flatMap((entry): Finding[] => {
    const built = entry.built;
    if (built === null || entry.source === null || entry.sourceMtimeMs === null || entry.sourceMtimeMs <= built.mtimeMs) return [];
    return [
      {
        code: 'install-outdated',
        severity: 'warning',
        message: `\`ros2 run ${entry.packageName} ${entry.name}\` runs the copy installed by the last build, which is older than ${entry.source.split('/').pop() ?? entry.source}: rebuild the workspace`,
        detail: null,
        location: entry.declaredAt,
        related: [relatedFile(built.path, 'the installed entry point')],
        fixes: fixList(rebuildFix(input, [entry.source]), docsFix('install-outdated')),
        interpreter: null,
        module: null,
      },
    ];
  });
}
