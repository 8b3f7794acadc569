// No interpreter imports everything, but between them they do: torch lives in conda, rospy in the system Python.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { condaEnvironmentFix } from '../fixes/environmentYml';
import { venvFix } from '../fixes/installCommand';
import { interpreterCommand } from '../fixes/interpreterCommand';
import { packageNames } from '../fixes/packageNames';
import { isRosModule } from '../ros/pythonModules';
import { docsFix, fixList, relatedFile } from './findingParts';
import { baseDir, importsAll, importsModule, isOk, neededModules, okOthers, type OkProbe } from './probeFacts';

export function splitEnvironment(input: RuleInput): readonly Finding[] {
  const needed = neededModules(input);
  const probes: OkProbe[] = [...(isOk(input.selected) ? [input.selected] : []), ...okOthers(input)];
  if (needed.length === 0 || probes.length < 2 || probes.some((p) => importsAll(p, needed))) return [];
  if (!needed.every((m) => probes.some((p) => importsModule(p, m)))) return [];
  const providers = coveringSet(probes, needed);
  const has = (p: OkProbe): string[] => needed.filter((m) => importsModule(p, m));
  const message = `No interpreter imports everything this workspace needs, but together they do: ${providers
    .map((p) => `${p.interpreter.displayName} has ${has(p).join(', ')}`)
    .join('; ')}`;
  const dir = baseDir(input);
  const root = input.workspace?.root ?? null;
  return [
    {
      code: 'split-environment',
      severity: 'error',
      message,
      detail: probes.map((p) => `${p.interpreter.path}: ${has(p).join(', ') || '(none)'}`).join('\n'),
      location: null,
      related: providers.map((p) => relatedFile(p.interpreter.path, `${p.interpreter.displayName} imports ${has(p).join(', ')}`)),
      fixes: fixList(
        dir === null ? null : condaEnvironmentFix(needed, input.rosDistro, root, dir),
        dir === null ? null : venvAlternative(probes, needed, dir),
        docsFix('split-environment'),
      ),
      interpreter: input.selected.interpreter.path,
      module: null,
    },
  ];
}

/** Greedy: the interpreter with the most modules, then whoever adds the most of what is still missing. */
function coveringSet(probes: readonly OkProbe[], needed: readonly string[]): OkProbe[] {
  const chosen: OkProbe[] = [];
  let missing = [...needed];
  while (missing.length > 0) {
    const best = [...probes].sort((a, b) => gain(b, missing) - gain(a, missing))[0];
    if (best === undefined || gain(best, missing) === 0) break;
    chosen.push(best);
    missing = missing.filter((m) => !importsModule(best, m));
  }
  return chosen;
}

function gain(probe: OkProbe, missing: readonly string[]): number {
  return missing.filter((m) => importsModule(probe, m)).length;
}

/** A venv on top of the interpreter that has ROS (its packages stay visible), pip-installing the rest. */
function venvAlternative(probes: readonly OkProbe[], needed: readonly string[], dir: string) {
  const ros = needed.filter(isRosModule);
  const base = probes.filter((p) => ros.every((m) => importsModule(p, m))).sort((a, b) => gain(b, needed) - gain(a, needed))[0];
  if (base === undefined) return null;
  const rest = needed.filter((m) => !importsModule(base, m)).map((m) => packageNames(m).pip);
  if (rest.some((p) => p === null)) return null;
  return venvFix(
    interpreterCommand(base.interpreter),
    rest.filter((p): p is string => p !== null),
    dir,
  );
}
