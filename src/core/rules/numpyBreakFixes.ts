// The fix for a NumPy 1.x extension under NumPy 2 in this environment: pin numpy<2 through its manager, where
// numpy 1.x exists for this Python; from Python 3.13 on, upgrade the package that carries the old extension.
import type { FixSpec } from '../findings/fixSpec';
import { isNumpy2Break, numpyPin } from '../fixes/numpyPin';
import { installFixes, pipManages } from '../fixes/managerInstall';
import { managerFor } from '../managers/managersOf';
import type { RuleInput } from './ruleInput';
import { baseDir, type OkProbe } from './probeFacts';

export function numpyBreakFixes(input: RuleInput, probe: OkProbe, module: string, message: string): FixSpec[] {
  if (!isNumpy2Break(message)) return [];
  const manager = managerFor(input.managers, probe);
  // The system Python's numpy comes from apt (1.x on Debian 12 / Ubuntu 24.04): a NumPy 2 there is an outside one.
  if (manager.kind === 'system' || (manager.kind === 'other' && !pipManages(manager))) return [];
  const pin = numpyPin(probe.facts);
  const ctx = { interpreter: probe.interpreter, facts: probe.facts, manager, rosDistro: input.rosDistro, baseDir: baseDir(input) };
  if (pin !== null) {
    return installFixes(ctx, [pin]).map((fix) =>
      fix.kind === 'installPackages' ? { ...fix, title: `Pin ${pin} in ${probe.interpreter.displayName} (built against NumPy 1.x)` } : fix,
    );
  }
  return installFixes(ctx, [module]).map((fix) =>
    fix.kind === 'installPackages'
      ? {
          ...fix,
          title: `Python ${probe.facts.version.major}.${probe.facts.version.minor} has no numpy 1.x: update ${fix.packages.join(', ')} to a NumPy 2 build`,
        }
      : fix,
  );
}
