// A venv made without --system-site-packages cannot see the ROS Python packages (apt puts them in the system's
// dist-packages): make it see them, from the Python it was made from. Offered for the selected interpreter and for a
// launch path's interpreter; tested by running its lines (test/integration/venvSystemSite.test.ts).
import * as path from 'node:path';
import type { FixSpec } from '../findings/fixSpec';
import { interpreterCommand } from '../fixes/interpreterCommand';
import { shellLine } from '../fixes/shellQuote';
import { managerFor } from '../managers/managersOf';
import { COLCON_IGNORE_FILE } from '../ros/workspaceMarkers';
import { importsAll, isOk, type OkProbe } from './probeFacts';
import type { RuleInput } from './ruleInput';

/**
 * `venv --upgrade` on the existing venv rewrites pyvenv.cfg (include-system-site-packages = true) and keeps what is
 * installed in it; colcon must not crawl a venv inside the workspace, hence COLCON_IGNORE. Null unless the probe is a
 * plain venv made without --system-site-packages and a non-venv Python of the same minor imports every failing module.
 */
export function venvSystemSiteFix(input: RuleInput, probe: OkProbe, failing: readonly string[]): FixSpec | null {
  const manager = managerFor(input.managers, probe);
  if (failing.length === 0 || manager.kind !== 'venv' || manager.systemSitePackages) return null;
  const fits = (other: OkProbe): boolean =>
    !other.facts.isVenv && other.facts.version.minor === probe.facts.version.minor && importsAll(other, failing);
  const bases = [input.selected, ...input.others].filter(isOk).filter(fits);
  // The Python the venv was made from first: that is what its own pyvenv.cfg names.
  const base = bases.find((other) => other.facts.prefix === probe.facts.basePrefix) ?? bases[0];
  if (base === undefined) return null;
  const venv = manager.prefix;
  const inWorkspace = input.workspace !== null && !path.relative(input.workspace.root, venv).startsWith('..');
  return {
    kind: 'runInTerminal',
    title: `Let the venv ${venv} see ${base.interpreter.path}'s packages (--system-site-packages)`,
    commands: [
      shellLine([interpreterCommand(base.interpreter), '-m', 'venv', '--system-site-packages', '--upgrade', venv]),
      ...(inWorkspace ? [shellLine(['touch', path.join(venv, COLCON_IGNORE_FILE)])] : []),
    ],
  };
}
