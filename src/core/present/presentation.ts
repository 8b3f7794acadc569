// A diagnosis presented once: causes, the diagnostics drawn per file, and the summary of both. Every output (editor
// diagnostics, status item, report, CLI text, Markdown, JSON) reads the same Presentation object of a Diagnosis.
import type { Diagnosis } from '../engine/doctorApi';
import type { SourceRange } from '../findings/finding';
import { groupCauses, type Cause, type GroupingFacts } from './causes';
import { diagnosticSpecs, type DiagnosticSpec } from './diagnosticSpecs';
import { problemSummary, type ProblemSummary } from './problemSummary';

export interface Presentation {
  /** Report entries: errors first, then by first place. */
  readonly causes: readonly Cause[];
  /** What the editor draws, by file: one spec per cause per file. */
  readonly diagnostics: ReadonlyMap<string, readonly DiagnosticSpec[]>;
  readonly summary: ProblemSummary;
}

/** What grouping needs to know beyond the findings: which import sites are guarded, and interpreters' names. */
export function groupingFacts(diagnosis: Diagnosis): GroupingFacts {
  const optionalSites = new Set<string>();
  for (const file of diagnosis.files) {
    for (const site of file.scan.imports) if (site.optional) optionalSites.add(JSON.stringify([file.path, site.line, site.column]));
  }
  const names = new Map<string, string>();
  for (const probe of [diagnosis.selected, ...diagnosis.others]) {
    if (!names.has(probe.interpreter.path)) names.set(probe.interpreter.path, probe.interpreter.displayName);
  }
  return {
    isOptionalSite: (range: SourceRange) => optionalSites.has(JSON.stringify([range.file, range.line, range.column])),
    interpreterName: (path: string) => names.get(path) ?? path,
    pendingSwitchFor: diagnosis.selectedOnly === true ? diagnosis.selected.interpreter.path : null,
  };
}

// A Diagnosis is immutable: its presentation is computed once and shared, so no two readers can disagree.
const presented = new WeakMap<Diagnosis, Presentation>();

export function presentDiagnosis(diagnosis: Diagnosis): Presentation {
  const known = presented.get(diagnosis);
  if (known !== undefined) return known;
  const facts = groupingFacts(diagnosis);
  const causes = groupCauses(diagnosis.findings, facts);
  const diagnostics = diagnosticSpecs(causes, facts);
  const presentation: Presentation = { causes, diagnostics, summary: problemSummary(causes, diagnostics) };
  presented.set(diagnosis, presentation);
  return presentation;
}
