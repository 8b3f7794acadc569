// The one count of problems: the status item, its tooltip, the report's heading and the Problems panel all read it,
// so they agree by construction. It counts what the editor draws (one diagnostic per cause per file), plus the
// causes that belong to no line (shown in the report only).
import type { Cause, PresentedSeverity } from './causes';
import type { DiagnosticSpec } from './diagnosticSpecs';

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** Optional imports: drawn as hints, never counted as problems. */
  readonly hint: number;
}

export interface FileProblems extends SeverityCounts {
  readonly file: string;
}

export interface ProblemSummary {
  /** Diagnostics the editor draws, by severity: exactly what the Problems panel lists. */
  readonly diagnostics: SeverityCounts;
  /** Files with at least one error, warning or info diagnostic, most errors first. */
  readonly files: readonly FileProblems[];
  /** Causes (report entries) by severity. */
  readonly causes: SeverityCounts;
  /** Causes with no line to draw on (an interpreter that cannot run, a failed setup script): report only. */
  readonly unlocated: readonly Cause[];
}

function count(severities: readonly PresentedSeverity[]): SeverityCounts {
  const of = (severity: PresentedSeverity) => severities.filter((s) => s === severity).length;
  return { error: of('error'), warning: of('warning'), info: of('info'), hint: of('hint') };
}

/** Problems shown (errors, warnings, infos); hints are not problems. */
export function problemCount(counts: SeverityCounts): number {
  return counts.error + counts.warning + counts.info;
}

export function problemSummary(causes: readonly Cause[], diagnostics: ReadonlyMap<string, readonly DiagnosticSpec[]>): ProblemSummary {
  const files = [...diagnostics.entries()]
    .map(([file, specs]): FileProblems => ({ file, ...count(specs.map((spec) => spec.severity)) }))
    .filter((file) => problemCount(file) > 0)
    .sort((a, b) => b.error - a.error || b.warning - a.warning || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    diagnostics: count([...diagnostics.values()].flat().map((spec) => spec.severity)),
    files,
    causes: count(causes.map((cause) => cause.severity)),
    unlocated: causes.filter((cause) => cause.locations.length === 0),
  };
}

/** "2 errors, 1 warning", "no problems"; hints are left out. */
export function countsText(counts: SeverityCounts): string {
  const parts = (['error', 'warning', 'info'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity === 'info' ? 'note' : severity}${counts[severity] === 1 ? '' : 's'}`);
  return parts.length === 0 ? 'no problems' : parts.join(', ');
}
