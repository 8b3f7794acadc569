// Causes → what the editor draws on a line: per file, ONE spec per cause, on the file's first failing import, with
// the file's other places of that cause as related information. The editor only converts these into
// vscode.Diagnostic objects; every word and range is decided here.
import type { Finding, FindingCode, RelatedLocation, SourceRange } from '../findings/finding';
import {
  causeText,
  compareSeverity,
  ignorableModules,
  mergedFixes,
  eachItsOwnRepair,
  type Cause,
  type GroupingFacts,
  type PresentedSeverity,
} from './causes';
import type { PresentedFix } from './fixPresentation';

export const DIAGNOSTIC_SOURCE = 'ROS Env Doctor';

export interface DiagnosticSpec {
  readonly file: string;
  readonly range: SourceRange;
  readonly severity: PresentedSeverity;
  readonly message: string;
  readonly code: FindingCode;
  /** The README section explaining the rule, without '#'. */
  readonly docsAnchor: string;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly PresentedFix[];
  /** The cause this diagnostic shows (Cause.id): the report entry it belongs to. */
  readonly causeId: string;
}

type Located = Finding & { readonly location: SourceRange };

function hasLocation(finding: Finding): finding is Located {
  return finding.location !== null;
}

/** The first line of the finding's detail, when it adds something the message does not say. */
function firstDetailLine(finding: Finding, message: string): string | null {
  if (finding.detail === null) return null;
  const line = finding.detail
    .split('\n')
    .map((part) => part.trim())
    .find((part) => part.length > 0);
  return line === undefined || message.includes(line) ? null : line;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function byPlace(a: Located, b: Located): number {
  return a.location.line - b.location.line || a.location.column - b.location.column;
}

function fileSpec(cause: Cause, file: string, members: readonly Located[], facts: GroupingFacts): DiagnosticSpec {
  const sorted = [...members].sort(byPlace);
  const primary = sorted[0] as Located;
  const others: Located[] = [];
  const seenModules = new Set<string | null>([primary.module]);
  for (const finding of sorted.slice(1)) {
    // import torch and import torch.nn in one file: one module, flagged once.
    if (finding.module !== null && seenModules.has(finding.module)) continue;
    if (finding.module === null && finding.message === primary.message) continue;
    seenModules.add(finding.module);
    others.push(finding);
  }
  const shown = [primary, ...others];
  const text = causeText(shown, facts, cause.findings);
  const detail = others.length === 0 ? firstDetailLine(primary, text) : null;
  const related: RelatedLocation[] = [
    ...others.map((finding) => ({ message: finding.message, file, range: finding.location })),
    ...shown.flatMap((finding) => finding.related),
  ];
  const seenRelated = new Set<string>();
  const severity = cause.optional ? 'hint' : (shown.map((finding) => finding.severity).sort(compareSeverity)[0] ?? cause.severity);
  return {
    file,
    range: primary.location,
    severity,
    message: detail === null ? text : `${text}\n${detail}`,
    code: primary.code,
    docsAnchor: primary.code,
    related: related.filter((item) => {
      const key = JSON.stringify(item);
      if (seenRelated.has(key)) return false;
      seenRelated.add(key);
      return true;
    }),
    // The repairs of what fails on this file's lines, and "ignore" for the module on this line (for each module when
    // each is its own repair: the diagnostic on the first failing import is the only place to reach them).
    fixes: mergedFixes(
      shown,
      unique([...(primary.module === null ? [] : [primary.module]), ...ignorableModules(shown, facts, cause.findings)]),
      primary.code,
      eachItsOwnRepair(cause.findings, facts),
    ),
    causeId: cause.id,
  };
}

/** Specs by file, each file's sorted by position then severity; causes without a location are left to the report. */
export function diagnosticSpecs(causes: readonly Cause[], facts: GroupingFacts): ReadonlyMap<string, readonly DiagnosticSpec[]> {
  const byFile = new Map<string, DiagnosticSpec[]>();
  for (const cause of causes) {
    const membersByFile = new Map<string, Located[]>();
    for (const finding of cause.findings.filter(hasLocation)) {
      const list = membersByFile.get(finding.location.file) ?? [];
      list.push(finding);
      membersByFile.set(finding.location.file, list);
    }
    for (const [file, members] of membersByFile) {
      const list = byFile.get(file) ?? [];
      list.push(fileSpec(cause, file, members, facts));
      byFile.set(file, list);
    }
  }
  for (const list of byFile.values()) {
    list.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column || compareSeverity(a.severity, b.severity));
  }
  return byFile;
}

/** The spec a diagnostic drawn at this place with this code came from (code actions get copies, not the objects). */
export function findSpec(specs: readonly DiagnosticSpec[], code: string, line: number, column: number): DiagnosticSpec | undefined {
  return specs.find((spec) => spec.code === code && spec.range.line === line && spec.range.column === column);
}

/** The README address of a rule: the repository URL with the code as the anchor; null when the URL is unknown. */
export function docsUrl(repositoryUrl: string | null, anchor: string): string | null {
  if (repositoryUrl === null || repositoryUrl.trim() === '') return null;
  const base = repositoryUrl
    .trim()
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base)) return null;
  return `${base}#${anchor}`;
}
