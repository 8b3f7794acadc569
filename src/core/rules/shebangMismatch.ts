// Running a node directly (or with rosrun) uses its shebang's interpreter, not the one selected in the editor.
import * as path from 'node:path';
import type { Finding } from '../findings/finding';
import type { FixSpec } from '../findings/fixSpec';
import type { InterpreterProbe } from '../probe/probeResult';
import type { Shebang } from '../scan/importSite';
import type { RuleInput, ShebangTarget } from './ruleInput';
import { shebangFix } from '../fixes/shebangFix';
import { shellLine } from '../fixes/shellQuote';
import { interpreterCommand } from '../fixes/interpreterCommand';
import { docsFix, relatedFile, shebangRange } from './findingParts';
import { importsModule, isOk } from './probeFacts';
import { exceptionText, moduleVerdict, type ModuleVerdict } from './moduleVerdict';

/** Why an import fails, in a few words. */
export function verdictText(verdict: ModuleVerdict): string {
  switch (verdict.kind) {
    case 'missing':
    case 'case':
      return verdict.message;
    case 'abi':
    case 'ros-deps':
      return verdict.error;
    case 'error':
      return exceptionText(verdict.exceptionType, verdict.message);
    case 'crash':
      return `it crashed (${verdict.signal ?? `exit code ${verdict.exitCode ?? '?'}`})`;
    case 'timeout':
      return 'it did not finish';
    case 'ok':
    case 'unknown':
      return verdict.kind;
  }
}

/** `/usr/bin/env python3` already finds the selected interpreter: some target with that shebang resolved to it. */
function envPython3IsSelected(input: RuleInput): boolean {
  return input.shebangs.some(
    (t) => t.relay === null && t.shebang.viaEnv && t.shebang.command === 'python3' && t.resolvedPath !== null && t.probe === null,
  );
}

function shebangShown(shebang: Shebang): string {
  return `#!${shebang.text}`;
}

/** Why the interpreter a shebang runs cannot run this file, or null when it can. */
function failure(input: RuleInput, target: ShebangTarget, probe: InterpreterProbe): string | null {
  if (probe.kind === 'invalid') return `which cannot run Python: ${probe.detail}`;
  if (probe.kind === 'timeout') return 'which did not finish starting';
  const modules = [...input.modules.entries()]
    .filter(([, uses]) => uses.some((u) => u.file === target.file && !u.site.typeOnly))
    .map(([m]) => m)
    .sort();
  const failing = modules.filter((m) => importsModule(input.selected, m) && !importsModule(probe, m));
  const first = failing[0];
  if (first === undefined || !isOk(probe)) return null;
  return `where ${failing.join(', ')} ${failing.length === 1 ? 'fails' : 'fail'} (${verdictText(moduleVerdict(probe, first))})`;
}

function rebuildFix(input: RuleInput): FixSpec | null {
  const workspace = input.workspace;
  if (workspace === null) return null;
  const python = interpreterCommand(input.selected.interpreter);
  const build =
    workspace.kind === 'catkin_tools'
      ? [shellLine(['catkin', 'config', `-DPYTHON_EXECUTABLE=${python}`]), shellLine(['catkin', 'build'])]
      : [shellLine(['catkin_make', `-DPYTHON_EXECUTABLE=${python}`])];
  return { kind: 'runInTerminal', title: `Rebuild the workspace with ${python}`, commands: [shellLine(['cd', workspace.root]), ...build] };
}

export function shebangMismatch(input: RuleInput): readonly Finding[] {
  const selected = input.selected;
  return input.shebangs.flatMap((target): Finding[] => {
    const relay = target.relay;
    const relayShebang = relay?.shebang ?? null;
    const relayDiffers = relay !== null && relayShebang !== null && relayShebang.text !== target.shebang.text;
    // With the launch-path model collected, rosrun's relay is judged there (launch-path-import-fails, build-interpreter-missing).
    if (relayDiffers && input.launch !== undefined) return [];
    const deciding = relayDiffers ? relayShebang : target.shebang;
    const runner = relayDiffers
      ? `rosrun runs ${input.workspace === null ? relay.path : path.relative(input.workspace.root, relay.path)} with ${target.resolvedPath ?? deciding.command}`
      : `the shebang runs ${target.resolvedPath ?? deciding.command}`;
    let message: string;
    if (target.resolvedPath === null) {
      const what = deciding.viaEnv ? `finds no ${deciding.command} on PATH` : 'names a file that does not exist';
      message = relayDiffers ? `${runner}, but "${shebangShown(deciding)}" ${what}` : `"${shebangShown(deciding)}" ${what}`;
    } else if (target.probe === null) {
      return [];
    } else {
      const why = failure(input, target, target.probe);
      if (why === null) return [];
      message = `${runner}, ${why}`;
    }
    const fixes = relayDiffers
      ? [rebuildFix(input), docsFix('shebang-mismatch')]
      : [shebangFix(target.file, target.shebang, selected.interpreter, envPython3IsSelected(input)), docsFix('shebang-mismatch')];
    return [
      {
        code: 'shebang-mismatch',
        severity: relayDiffers ? 'warning' : 'error',
        message,
        detail: `selected: ${selected.interpreter.path}`,
        location: shebangRange(target.file, target.shebang),
        related: relay === null ? [] : [relatedFile(relay.path, 'the relay rosrun runs')],
        fixes: fixes.filter((f): f is FixSpec => f !== null),
        interpreter: target.resolvedPath ?? selected.interpreter.path,
        module: null,
      },
    ];
  });
}
