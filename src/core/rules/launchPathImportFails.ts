// A way the node really starts (ros2 run, rosrun, ros2 launch, ./node.py) runs an interpreter that cannot import what
// the node (or a workspace module it imports) imports. Judged by that interpreter's probe, never by comparing paths:
// a build whose baked Python differs from the selected one but imports everything is fine.
import * as path from 'node:path';
import type { Finding, Severity } from '../findings/finding';
import type { LaunchCheck } from '../launch/probeLaunchPaths';
import type { RuleInput } from './ruleInput';
import { docsFix, fixList, placementsFor, relatedFile } from './findingParts';
import { importsModule, isOk } from './probeFacts';
import { moduleVerdict } from './moduleVerdict';
import { verdictText } from './shebangMismatch';
import { launchFixes } from '../launch/launchFixes';
import { shebangFix } from '../fixes/shebangFix';

const RUNS: Readonly<Record<LaunchCheck['path']['kind'], string>> = {
  editor: 'Run/Debug',
  direct: 'running the file directly',
  rosrun: 'rosrun',
  'ros2-run': 'ros2 run',
  'ros2-launch': 'ros2 launch',
};

/**
 * ros2 run / rosrun / launch are how nodes are started: an error. Running the source file directly is only a warning
 * when the node has a relay or entry point that works; without one, shebang-mismatch speaks for the shebang.
 */
function severityOf(check: LaunchCheck, checks: readonly LaunchCheck[]): Severity | null {
  if (check.path.kind !== 'direct') return 'error';
  const others = checks.filter(
    (other) => other.path.file === check.path.file && (other.path.kind === 'rosrun' || other.path.kind === 'ros2-run'),
  );
  if (others.length === 0) return null;
  return 'warning';
}

/**
 * `./node.py` whose shebang finds nothing (`#!/usr/bin/env python` where there is no `python`), while rosrun or
 * ros2 run starts it: the shebang's own problem (shebang-mismatch, a warning), which that rule does not see for a
 * file with a relay because the engine's shebang targets follow the relay.
 */
function directRunnerMissing(input: RuleInput, check: LaunchCheck, checks: readonly LaunchCheck[]): Finding[] {
  const runner = check.path.runner;
  const shebang = check.path.shebang;
  if (check.path.kind !== 'direct' || runner.kind !== 'missing' || shebang === null || severityOf(check, checks) === null) return [];
  const said =
    runner.reason === 'not-on-path'
      ? `/usr/bin/env: '${runner.wanted}': No such file or directory`
      : `${runner.wanted}: bad interpreter: No such file or directory`;
  return [
    {
      code: 'shebang-mismatch',
      severity: 'warning',
      message: `Running \`${check.path.command}\` directly fails before Python starts (${said}); rosrun and ros2 run use their own interpreter`,
      detail: `launch path: ${check.path.command} → #!${shebang.text}`,
      location: check.path.declaredAt,
      related: [],
      fixes: fixList(shebangFix(check.path.file, shebang, input.selected.interpreter, false), docsFix('shebang-mismatch')),
      interpreter: runner.wanted,
      module: null,
    },
  ];
}

export function launchPathImportFails(input: RuleInput): readonly Finding[] {
  const checks = input.launch?.checks ?? [];
  return checks.flatMap((check): Finding[] => {
    const missing = directRunnerMissing(input, check, checks);
    if (missing.length > 0) return missing;
    const probe = check.probe;
    if (check.sameAsSelected || !isOk(probe) || check.interpreter === null) return [];
    const severity = severityOf(check, checks);
    if (severity === null) return [];
    const files = new Set(check.files);
    const runner = check.interpreter.path;
    const shown = (file: string): string => (input.workspace === null ? file : path.relative(input.workspace.root, file));
    return check.modules
      .filter((module) => !importsModule(probe, module) && moduleVerdict(probe, module).kind !== 'unknown')
      .flatMap((module) => {
        const uses = (input.modules.get(module) ?? []).filter((use) => files.has(use.file));
        const why = verdictText(moduleVerdict(probe, module));
        const via = check.path.script === null ? '' : ` (${shown(check.path.script)})`;
        const message = `"${check.path.command}"${via} runs ${runner}, where import ${module} fails (${why})`;
        const fixes = fixList(...launchFixes(input, check), docsFix('launch-path-import-fails'));
        const related =
          check.path.script === null ? [] : [relatedFile(check.path.script, `${RUNS[check.path.kind]} runs this, with ${runner}`)];
        return placementsFor(uses, severity).map(({ location, severity: placed }): Finding => ({
          code: 'launch-path-import-fails',
          severity: placed,
          message,
          detail: `launch path: ${check.path.command} → ${runner}${check.path.shebang === null ? '' : ` (#!${check.path.shebang.text})`}`,
          location,
          related,
          fixes,
          interpreter: runner,
          module,
        }));
      });
  });
}
