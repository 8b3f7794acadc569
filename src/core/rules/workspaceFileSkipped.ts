// A workspace file the doctor could not use: an invalid package.xml (its package is dropped, as catkin and colcon
// refuse it), a FIFO or device where a file should be, a file over its size limit, a folder too large to walk.
// Never silent: without this finding a dropped package would read as "No problems found".
import type { Finding, Severity, SourceRange } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { describeProblem, megabytes, type WorkspaceProblem } from '../workspace/workspaceProblem';
import { docsFix } from './findingParts';
import { PACKAGE_MANIFEST } from '../ros/workspaceMarkers';

function fileOf(problem: WorkspaceProblem): string | null {
  return problem.kind === 'duplicate-package' ? null : problem.path;
}

function severityOf(problem: WorkspaceProblem): Severity {
  // catkin_make and colcon stop on an invalid manifest; the others only narrow what the doctor could check.
  return problem.kind === 'invalid-manifest' ? 'error' : 'warning';
}

function messageOf(problem: WorkspaceProblem): string {
  switch (problem.kind) {
    case 'invalid-manifest':
      return `This ${PACKAGE_MANIFEST} is invalid, so its package was skipped (catkin and colcon refuse it too): ${problem.reason}`;
    case 'not-regular-file':
      return 'Skipped: not a regular file (a FIFO, device or socket, or a link to one); replace it with a regular file or remove it';
    case 'file-too-large':
      return `Skipped: it is ${megabytes(problem.size)}, over the ${megabytes(problem.limit)} limit for this kind of file`;
    case 'too-many-files':
      return `Stopped here after ${problem.limit} Python files in this package; the rest were not checked`;
    case 'search-limit':
      return `The package search ${problem.detail}; packages beyond were not checked`;
    case 'duplicate-package':
      return describeProblem(problem);
  }
}

function rangeOf(problem: WorkspaceProblem, file: string): SourceRange {
  const line = problem.kind === 'invalid-manifest' && problem.line !== null ? problem.line : 1;
  const column = problem.kind === 'invalid-manifest' && problem.column !== null ? Math.max(0, problem.column - 1) : 0;
  return { file, line, column, endLine: line, endColumn: column + 1 };
}

export function workspaceFileSkipped(input: RuleInput): readonly Finding[] {
  const problems = [
    ...(input.workspace?.problems ?? []),
    ...input.files.flatMap((source) => (source.skipped === undefined ? [] : [source.skipped])),
  ];
  return problems.flatMap((problem): Finding[] => {
    const file = fileOf(problem);
    if (file === null) return [];
    return [
      {
        code: 'workspace-file-skipped',
        severity: severityOf(problem),
        message: messageOf(problem),
        detail: describeProblem(problem),
        location: rangeOf(problem, file),
        related: [],
        fixes: [docsFix('workspace-file-skipped')],
        interpreter: null,
        module: null,
      },
    ];
  });
}
