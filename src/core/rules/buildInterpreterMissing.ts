// The interpreter a build baked into an entry point or relay no longer exists (a deleted build venv): running the
// node fails before Python starts (`cannot execute: required file not found`).
import * as path from 'node:path';
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { docsFix, fixList, relatedFile } from './findingParts';
import { rebuildFix } from '../launch/launchFixes';

export function buildInterpreterMissing(input: RuleInput): readonly Finding[] {
  const launch = input.launch;
  if (launch === undefined) return [];
  const located = launch.checks.flatMap((check): Finding[] => {
    const runner = check.path.runner;
    // A source file's own shebang is shebang-mismatch's business; this rule is about what a build wrote.
    if (runner.kind !== 'missing' || check.path.kind === 'direct' || check.path.script === null) return [];
    const script = check.path.script;
    const shown = input.workspace === null ? script : path.relative(input.workspace.root, script);
    const what = runner.reason === 'no-such-file' ? `${runner.wanted}, which no longer exists` : `"${runner.wanted}", which is not on PATH`;
    return [
      {
        code: 'build-interpreter-missing',
        severity: 'error',
        message: `"${check.path.command}" runs ${shown}, whose #! names ${what}; rebuild the workspace with an interpreter that exists`,
        detail: runner.reason === 'no-such-file' ? `bash: ${shown}: cannot execute: required file not found` : null,
        location: check.path.declaredAt,
        related: [relatedFile(script, `the built script names ${runner.wanted}`)],
        fixes: fixList(rebuildFix(input, check.files), docsFix('build-interpreter-missing')),
        interpreter: runner.wanted,
        module: null,
      },
    ];
  });
  // colcon's own record of the build Python, when no built script told already.
  const named = new Set(located.map((finding) => finding.interpreter));
  const recorded = launch.buildInterpreters.flatMap((build): Finding[] =>
    build.exists || named.has(build.path)
      ? []
      : [
          {
            code: 'build-interpreter-missing',
            severity: 'error',
            message: `The workspace was built with ${build.path}, which no longer exists; rebuild it with an interpreter that exists`,
            detail: `recorded in ${build.recordedIn}`,
            location: null,
            related: [relatedFile(build.recordedIn, `records ${build.path}`)],
            fixes: fixList(rebuildFix(input, []), docsFix('build-interpreter-missing')),
            interpreter: build.path,
            module: null,
          },
        ],
  );
  return [...located, ...recorded];
}
