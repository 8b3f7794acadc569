// ROS modules that import only once a setup script is sourced: fine in the doctor, broken in a bare terminal. And ROS 2
// entry points that cannot find their own package's metadata without the workspace's setup script.
import * as path from 'node:path';
import type { Finding } from '../findings/finding';
import type { FixSpec } from '../findings/fixSpec';
import type { RuleInput } from './ruleInput';
import { isRosModule } from '../ros/pythonModules';
import { preferredSetupScripts } from '../ros/setupScripts';
import { shellLine } from '../fixes/shellQuote';
import { docsFix, placementsFor, relatedFile } from './findingParts';
import { isOk, selectedModules } from './probeFacts';
import { moduleVerdict } from './moduleVerdict';

/** The script a user should source: the last one the environment sourced, else the workspace's best. */
function setupScript(input: RuleInput): string | null {
  if (input.environment.kind === 'sourced') return input.environment.scripts.at(-1) ?? null;
  return preferredSetupScripts(input.workspace?.setupScripts ?? [])[0]?.path ?? null;
}

/** Nothing was sourced, the workspace has a setup script, and a ROS module is missing: sourcing is the cure. */
export function missingBecauseNotSourced(input: RuleInput, module: string): boolean {
  return input.environment.kind === 'plain' && isRosModule(module) && setupScript(input) !== null;
}

function relative(input: RuleInput, script: string): string {
  const root = input.workspace?.root;
  return root !== undefined && script.startsWith(`${root}/`) ? script.slice(root.length + 1) : script;
}

export function rosEnvNotSourced(input: RuleInput): readonly Finding[] {
  return [...selectedNeedsSourcing(input), ...entryPointsNeedSourcing(input)];
}

/** The workspace's setup script whose space holds this built script (install/setup.bash for install/<pkg>/lib/…). */
function installSetupScript(input: RuleInput, built: string): string | null {
  const scripts = preferredSetupScripts(input.workspace?.setupScripts ?? []).filter((script) => script.kind !== 'ros-distro');
  return scripts.find((script) => built.startsWith(path.dirname(script.path) + '/'))?.path ?? null;
}

/**
 * ROS 2: a colcon entry point finds its own package by its metadata first (importlib.metadata.distribution), which
 * only the workspace's setup script puts on the runner's path. Unsourced, `ros2 run` dies before the node starts with
 * `importlib.metadata.PackageNotFoundError: No package metadata was found for <dist>` — seen here by asking the
 * runner for that metadata (the probe), never by running the entry point.
 */
function entryPointsNeedSourcing(input: RuleInput): Finding[] {
  return (input.launch?.checks ?? []).flatMap((check): Finding[] => {
    const distribution = check.path.distribution;
    const built = check.path.script;
    if (check.path.kind !== 'ros2-run' || check.metadata?.found !== false || distribution === undefined || built === null) return [];
    const script = installSetupScript(input, built);
    if (script === null || (input.environment.kind === 'sourced' && input.environment.scripts.includes(script))) return [];
    const shown = relative(input, script);
    const runner = check.interpreter?.path ?? 'its interpreter';
    return [
      {
        code: 'ros-env-not-sourced',
        severity: 'warning',
        message: `"${check.path.command}" fails in ${runner} before the node starts, with PackageNotFoundError for ${distribution}, because ${shown} is not sourced; source ${shown} first`,
        detail: `importlib.metadata.PackageNotFoundError: No package metadata was found for ${distribution} (${built} looks it up; launch path: ${check.path.command} → ${runner})`,
        location: check.path.declaredAt,
        related: [relatedFile(built, `ros2 run runs this, which looks up ${distribution}`), relatedFile(script, 'the setup script')],
        fixes: [
          { kind: 'runInTerminal', title: `Source ${shown}`, commands: [shellLine(['source', script])] },
          docsFix('ros-env-not-sourced'),
        ],
        interpreter: runner,
        // The package the entry point would import: one cause per package, whichever of its entry points fail.
        module: check.path.packageName ?? distribution,
      },
    ];
  });
}

function selectedNeedsSourcing(input: RuleInput): readonly Finding[] {
  const script = setupScript(input);
  if (script === null) return [];
  const shown = relative(input, script);
  const fixes: FixSpec[] = [
    { kind: 'runInTerminal', title: `Source ${shown}`, commands: [shellLine(['source', script])] },
    docsFix('ros-env-not-sourced'),
  ];
  const plain = input.selectedPlain;
  return selectedModules(input).flatMap(({ module, uses, verdict, probe }) => {
    if (!isRosModule(module)) return [];
    const name = probe.interpreter.displayName;
    let message: string;
    if (verdict.kind === 'missing' && missingBecauseNotSourced(input, module)) {
      message = `${module} is missing in ${name} because ${shown} is not sourced`;
    } else if (
      input.environment.kind === 'sourced' &&
      isOk(plain) &&
      verdict.kind !== 'missing' &&
      verdict.kind !== 'unknown' &&
      verdict.kind !== 'case' &&
      moduleVerdict(plain, module).kind === 'missing'
    ) {
      message = `${module} imports in ${name} only after sourcing ${shown}; a terminal or launch configuration without it fails`;
    } else {
      return [];
    }
    return placementsFor(uses, 'warning').map(({ location, severity }): Finding => ({
      code: 'ros-env-not-sourced',
      severity,
      message,
      detail: null,
      location,
      related: [{ message: 'the setup script', file: script, range: null }],
      fixes,
      interpreter: probe.interpreter.path,
      module,
    }));
  });
}
