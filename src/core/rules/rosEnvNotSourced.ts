// ROS modules that import only once a setup script is sourced: fine in the doctor, broken in a bare terminal.
import type { Finding } from '../findings/finding';
import type { FixSpec } from '../findings/fixSpec';
import type { RuleInput } from './ruleInput';
import { isRosModule } from '../ros/pythonModules';
import { preferredSetupScripts } from '../ros/setupScripts';
import { shellLine } from '../fixes/shellQuote';
import { docsFix, placementsFor } from './findingParts';
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
