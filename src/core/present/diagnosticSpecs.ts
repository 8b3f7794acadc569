// Findings → what the editor draws on a line: one spec per finding that has a location, grouped by file.
// The editor only converts these into vscode.Diagnostic objects; every word and range is decided here.
import type { Finding, FindingCode, RelatedLocation, Severity, SourceRange } from '../findings/finding';
import { presentFixes, type PresentedFix } from './fixPresentation';

export const DIAGNOSTIC_SOURCE = 'ROS Env Doctor';

export interface DiagnosticSpec {
  readonly file: string;
  readonly range: SourceRange;
  readonly severity: Severity;
  readonly message: string;
  readonly code: FindingCode;
  /** The README section explaining the rule, without '#'. */
  readonly docsAnchor: string;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly PresentedFix[];
}

/** The first line of the finding's detail, when it adds something the message does not say. */
function firstDetailLine(finding: Finding): string | null {
  if (finding.detail === null) return null;
  const line = finding.detail.split('\n').map((part) => part.trim()).find((part) => part.length > 0);
  return line === undefined || finding.message.includes(line) ? null : line;
}

export function diagnosticSpec(finding: Finding & { readonly location: SourceRange }): DiagnosticSpec {
  const detail = firstDetailLine(finding);
  return {
    file: finding.location.file,
    range: finding.location,
    severity: finding.severity,
    message: detail === null ? finding.message : `${finding.message}\n${detail}`,
    code: finding.code,
    docsAnchor: finding.code,
    related: finding.related,
    fixes: presentFixes(finding),
  };
}

function hasLocation(finding: Finding): finding is Finding & { readonly location: SourceRange } {
  return finding.location !== null;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Specs by file, each file's sorted by position then severity; findings without a location are left to the report. */
export function diagnosticSpecs(findings: readonly Finding[]): ReadonlyMap<string, readonly DiagnosticSpec[]> {
  const byFile = new Map<string, DiagnosticSpec[]>();
  const seen = new Set<string>();
  for (const finding of findings) {
    if (!hasLocation(finding)) continue;
    const spec = diagnosticSpec(finding);
    // Two rules (or two interpreters) can say the same thing on the same range; show it once.
    const key = JSON.stringify([spec.file, spec.range, spec.code, spec.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byFile.get(spec.file) ?? [];
    list.push(spec);
    byFile.set(spec.file, list);
  }
  for (const list of byFile.values()) {
    list.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
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
  const base = repositoryUrl.trim().replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base)) return null;
  return `${base}#${anchor}`;
}
