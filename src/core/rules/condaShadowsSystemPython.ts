// An activated conda env (base, usually) sits before /usr/bin on PATH, so `python3` in a terminal is not the ROS one.
import * as path from 'node:path';
import type { Finding } from '../findings/finding';
import type { FixSpec } from '../findings/fixSpec';
import type { RuleInput } from './ruleInput';
import { docsFix, shebangRange } from './findingParts';
import { importsModule, isOk, type OkProbe } from './probeFacts';
import { moduleVerdict } from './moduleVerdict';
import type { InterpreterProbe } from '../probe/probeResult';

const ROS_ENTRY_MODULES = ['rospy', 'rclpy'];

const FIXES: readonly FixSpec[] = [
  { kind: 'runInTerminal', title: 'Deactivate conda in this terminal', commands: ['conda deactivate'] },
  { kind: 'runInTerminal', title: 'Stop conda activating base in new shells', commands: ['conda config --set auto_activate_base false'] },
  docsFix('conda-shadows-system-python'),
];

export function condaShadowsSystemPython(input: RuleInput): readonly Finding[] {
  const all: InterpreterProbe[] = [input.selected, ...input.others];
  const usrBin = input.pathDirs.indexOf('/usr/bin');
  if (usrBin < 0) return [];
  const systems = all.filter(isOk).filter((p) => p.interpreter.kind === 'system');
  const seen = new Set<string>();
  return all.flatMap((conda): Finding[] => {
    if (conda.interpreter.kind !== 'conda' || seen.has(conda.interpreter.path)) return [];
    seen.add(conda.interpreter.path);
    const bin = path.dirname(conda.interpreter.path);
    const at = input.pathDirs.indexOf(bin);
    if (at < 0 || at > usrBin) return [];
    const pick = shadowed(systems, conda);
    if (pick === null) return [];
    const { system, module } = pick;
    const message = `${conda.interpreter.displayName} comes before /usr/bin on PATH, so python3 runs ${conda.interpreter.path}, which cannot import ${module}, instead of ${system.interpreter.path}, which can`;
    const base = {
      code: 'conda-shadows-system-python',
      severity: 'warning',
      message,
      detail: `PATH: ${input.pathDirs.join(':')}`,
      related: [],
      fixes: FIXES,
      interpreter: conda.interpreter.path,
      module: null,
    } as const;
    const atShebangs = input.files.flatMap((f) =>
      f.scan.shebang !== null && f.scan.shebang.viaEnv ? [{ ...base, location: shebangRange(f.path, f.scan.shebang) }] : [],
    );
    return [{ ...base, location: null }, ...atShebangs];
  });
}

/** A system interpreter importing rospy/rclpy that the conda one cannot. */
function shadowed(systems: readonly OkProbe[], conda: InterpreterProbe): { system: OkProbe; module: string } | null {
  for (const module of ROS_ENTRY_MODULES) {
    if (isOk(conda) && ['ok', 'unknown'].includes(moduleVerdict(conda, module).kind)) continue;
    const system = systems.find((s) => importsModule(s, module));
    if (system !== undefined) return { system, module };
  }
  return null;
}
