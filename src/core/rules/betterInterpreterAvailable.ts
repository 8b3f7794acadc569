// The selected interpreter fails an import that another known interpreter (or one a launch path runs, such as the
// build's Python) gets right, along with everything else.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { docsFix } from './findingParts';
import { importsAll, neededModules, selectedModules, switchCandidates, switchFix } from './probeFacts';

export function betterInterpreterAvailable(input: RuleInput): readonly Finding[] {
  const needed = neededModules(input);
  const failing = selectedModules(input)
    .filter(({ module, verdict }) => needed.includes(module) && verdict.kind !== 'ok' && verdict.kind !== 'unknown')
    .map(({ module }) => module);
  if (failing.length === 0) return [];
  const better = switchCandidates(input).find((p) => importsAll(p, needed));
  if (better === undefined) return [];
  return [
    {
      code: 'better-interpreter-available',
      severity: 'info',
      message: `${better.interpreter.displayName} imports every module this workspace needs, unlike the selected ${input.selected.interpreter.displayName}, which fails ${failing.join(', ')}`,
      detail: `${better.interpreter.path}: ${needed.join(', ')}`,
      location: null,
      related: [],
      fixes: [switchFix(better), docsFix('better-interpreter-available')],
      interpreter: input.selected.interpreter.path,
      module: null,
    },
  ];
}
