// One cause = one message. Rules stay granular (one finding per interpreter × module × import site); this is the one
// place they are grouped, for the editor, the report, the CLI and the Markdown alike.
//
// A cause is what ONE action repairs: findings about the same interpreter whose preferred fix is the same switch of
// interpreter are one cause ("pyenv 3.12 cannot import rospy, torch and 4 more; switch to /usr/bin/python3");
// other findings group by (code, interpreter, module) — one module is one cause however many lines import it — or,
// without a module, by (code, interpreter, message). Imports guarded by try/except ImportError form causes of their
// own with the severity 'hint': the author said the node runs without them.
import type { Finding, FindingCode, Severity, SourceRange } from '../findings/finding';
import type { FixSpec } from '../findings/fixSpec';
import { presentFixes, stableHash, type PresentedFix } from './fixPresentation';

/** A finding's severity as shown; 'hint' is an optional import, drawn as a hint and never counted as a problem. */
export type PresentedSeverity = Severity | 'hint';

export const PRESENTED_SEVERITIES: readonly PresentedSeverity[] = ['error', 'warning', 'info', 'hint'];

const SEVERITY_RANK: Readonly<Record<PresentedSeverity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareSeverity(a: PresentedSeverity, b: PresentedSeverity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

/** A clickable place of a cause: a range in a file (1-based line, 0-based column) and what fails there. */
export interface CauseLocation extends SourceRange {
  readonly module: string | null;
  /** The member finding's own message, e.g. "torch is not installed for pyenv 3.12.1". */
  readonly label: string;
}

export interface Cause {
  /** Stable across re-diagnoses of the same facts. */
  readonly id: string;
  /** The code of its most severe member: the docs anchor and the quick-fix link. */
  readonly code: FindingCode;
  readonly severity: PresentedSeverity;
  /** What fails, in which interpreter, what to do first. Plain text. */
  readonly message: string;
  readonly detail: string | null;
  readonly interpreter: string | null;
  /** The modules concerned, in the order their first import appears. */
  readonly modules: readonly string[];
  /** Only guarded imports (try/except ImportError): a hint, never a problem. */
  readonly optional: boolean;
  /** One per file and module (import torch + import torch.nn in one file is one place), in file and line order. */
  readonly locations: readonly CauseLocation[];
  /** One set of fixes for the whole cause; ids resolve through fixesById(diagnosis.findings). */
  readonly fixes: readonly PresentedFix[];
  /** The granular findings it groups, most severe and earliest first. */
  readonly findings: readonly Finding[];
}

export interface GroupingFacts {
  /** Whether an import site at this place is guarded by try/except ImportError. */
  readonly isOptionalSite: (range: SourceRange) => boolean;
  /** The short name of an interpreter by path ("pyenv 3.12.1"); the path itself when unknown. */
  readonly interpreterName: (path: string) => string;
  /**
   * The selected interpreter while the others are still being probed (the early answer), else null. Its failing
   * imports are then one cause already, the way the full answer groups them under the switch it offers when another
   * interpreter imports them all: the diagnostics drawn early are refined in place, not replaced by fewer.
   */
  readonly pendingSwitchFor?: string | null;
}

/** Findings the full answer groups under "switch interpreter" when another interpreter imports what fails. */
const SWITCHABLE: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'module-missing',
  'module-import-error',
  'extension-abi-mismatch',
  'probe-timeout',
]);

function pendingSwitch(finding: Finding, facts: GroupingFacts): boolean {
  return (
    (facts.pendingSwitchFor ?? null) !== null &&
    finding.interpreter === facts.pendingSwitchFor &&
    finding.module !== null &&
    finding.severity === 'error' &&
    SWITCHABLE.has(finding.code)
  );
}

const META_KINDS: ReadonlySet<FixSpec['kind']> = new Set<FixSpec['kind']>(['ignoreModule', 'openDocs']);

/** The first fix that repairs rather than explains or silences: what the user should do first. */
export function preferredFix(finding: Finding): FixSpec | undefined {
  return finding.fixes.find((fix) => !META_KINDS.has(fix.kind));
}

function isOptional(finding: Finding, facts: GroupingFacts): boolean {
  return finding.location !== null && facts.isOptionalSite(finding.location);
}

function causeKey(finding: Finding, optional: boolean, facts: GroupingFacts): string {
  const interpreter = finding.interpreter ?? '';
  if (optional) return JSON.stringify(['optional', finding.code, interpreter, finding.module]);
  const preferred = preferredFix(finding);
  if (preferred?.kind === 'selectInterpreter') return JSON.stringify(['switch', interpreter, preferred.path]);
  if (pendingSwitch(finding, facts)) return JSON.stringify(['switch', interpreter, null]);
  if (finding.module !== null) return JSON.stringify([finding.code, interpreter, finding.module]);
  return JSON.stringify([finding.code, interpreter, finding.message]);
}

function comparePlaces(a: SourceRange | null, b: SourceRange | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** "a", "a and b", "a, b and c", "a, b, c and 3 more". */
export function listWords(words: readonly string[], max = 4): string {
  if (words.length <= 1) return words[0] ?? '';
  if (words.length > max) return `${words.slice(0, max - 1).join(', ')} and ${words.length - max + 1} more`;
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** Ends a sentence once: messages are written without a final period, some details with one. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The member's message followed by the first thing to do, unless the message already says it. */
function withFirstStep(message: string, first: FixSpec | undefined): string {
  if (first === undefined || message.includes(first.title)) return sentence(message);
  return `${sentence(message)} ${sentence(first.title)}`;
}

/**
 * What one diagnostic or one report entry says for these members of a cause: a single finding's own message, or for
 * a switch of interpreter "X cannot import a, b and c. Switch interpreter to Y, which imports them all."
 */
export function causeText(members: readonly Finding[], facts: GroupingFacts): string {
  const first = members[0];
  if (first === undefined) return '';
  const preferred = preferredFix(first);
  const modules = unique(members.flatMap((finding) => (finding.module === null ? [] : [finding.module])));
  if (preferred?.kind === 'selectInterpreter' && modules.length > 1 && first.interpreter !== null) {
    const name = facts.interpreterName(first.interpreter);
    return `${name} cannot import ${listWords(modules)}. ${preferred.title}, which imports ${modules.length === 2 ? 'both' : 'all of them'}.`;
  }
  // The early answer's version of the same sentence: what fails is known, which interpreter imports it all is not yet.
  if (modules.length > 1 && first.interpreter !== null && members.every((finding) => pendingSwitch(finding, facts))) {
    return `${facts.interpreterName(first.interpreter)} cannot import ${listWords(modules)}.`;
  }
  // A module finding says more than the interpreter-wide one that joined its cause (better-interpreter-available).
  const lead = members.find((finding) => finding.module !== null) ?? first;
  return withFirstStep(lead.message, preferred);
}

/**
 * One set of fixes for some members of a cause: every distinct repair once (the same switch offered by two rules is one
 * button), "ignore" for the given modules, and one docs link.
 */
export function mergedFixes(members: readonly Finding[], ignorable: readonly string[], code: FindingCode): PresentedFix[] {
  const presented = members.flatMap((finding) => presentFixes(finding));
  const seen = new Set<string>();
  const keep = (fix: PresentedFix): boolean => {
    const key = fix.kind === 'openDocs' ? 'docs' : JSON.stringify({ ...fix.fix, title: undefined });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const repairs = presented.filter((fix) => !META_KINDS.has(fix.kind)).filter(keep);
  const ignores = presented.filter((fix) => fix.fix.kind === 'ignoreModule' && ignorable.includes(fix.fix.module)).filter(keep);
  const docs = presented.filter((fix) => fix.kind === 'openDocs');
  const ownDocs = docs.find((fix) => fix.fix.kind === 'openDocs' && fix.fix.anchor === code) ?? docs[0];
  const all = [...repairs, ...ignores, ...(ownDocs === undefined ? [] : [ownDocs])];
  return all.map((fix, index) => ({ ...fix, isPreferred: index === 0 && !META_KINDS.has(fix.kind) }));
}

function causeLocations(members: readonly Finding[]): CauseLocation[] {
  const seen = new Set<string>();
  const out: CauseLocation[] = [];
  for (const finding of [...members].sort((a, b) => comparePlaces(a.location, b.location))) {
    if (finding.location === null) continue;
    const key = JSON.stringify([finding.location.file, finding.module ?? finding.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...finding.location, module: finding.module, label: finding.message });
  }
  return out;
}

/** Groups findings into causes, most severe first, then by first place; unlocated causes after located ones. */
export function groupCauses(findings: readonly Finding[], facts: GroupingFacts): Cause[] {
  const groups = new Map<string, { optional: boolean; members: Finding[] }>();
  for (const finding of findings) {
    const optional = isOptional(finding, facts);
    const key = causeKey(finding, optional, facts);
    const group = groups.get(key) ?? { optional, members: [] };
    group.members.push(finding);
    groups.set(key, group);
  }
  const causes = [...groups.entries()].map(([key, { optional, members }]): Cause => {
    const sorted = [...members].sort((a, b) => compareSeverity(a.severity, b.severity) || comparePlaces(a.location, b.location));
    const lead = sorted[0] as Finding;
    const severity: PresentedSeverity = optional ? 'hint' : lead.severity;
    const byPlace = [...members].sort((a, b) => comparePlaces(a.location, b.location));
    const modules = unique(byPlace.flatMap((finding) => (finding.module === null ? [] : [finding.module])));
    const details = unique(sorted.flatMap((finding) => (finding.detail === null ? [] : [finding.detail])));
    return {
      id: `${lead.code}/${stableHash(key)}`,
      code: lead.code,
      severity,
      message: causeText(byPlace, facts),
      detail: modules.length > 1 ? null : (details[0] ?? null),
      interpreter: lead.interpreter,
      modules,
      optional,
      locations: causeLocations(members),
      // Ignoring one module fixes a one-module cause; for a wrong interpreter it would hide the problem, not solve it.
      fixes: mergedFixes(sorted, modules.length === 1 ? modules : [], lead.code),
      findings: sorted,
    };
  });
  return causes.sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      comparePlaces(a.locations[0] ?? null, b.locations[0] ?? null) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
