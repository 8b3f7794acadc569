// The install fixes a rule offers for modules one interpreter lacks: through that interpreter's manager only.
import type { FixSpec } from '../findings/fixSpec';
import { installFixes } from '../fixes/managerInstall';
import { managerFor } from '../managers/managersOf';
import type { RuleInput } from './ruleInput';
import { baseDir, type OkProbe } from './probeFacts';

export function installFixesFor(input: RuleInput, probe: OkProbe, modules: readonly string[]): FixSpec[] {
  return installFixes(
    {
      interpreter: probe.interpreter,
      facts: probe.facts,
      manager: managerFor(input.managers, probe),
      rosDistro: input.rosDistro,
      baseDir: baseDir(input),
    },
    modules,
  );
}
