// One cause = one message. Rules stay granular (one finding per interpreter × module × import site); this is the one
// place they are grouped, for the editor, the report, the CLI and the Markdown alike.
//
// A cause is one interpreter failing the node, or one thing that one action repairs:
// - an interpreter's failing imports are ONE cause, whatever repairs them ("pyenv 3.12 cannot import rospy, torch and 4
//   more"): when another interpreter imports them all, its switch is the cause's first step; when none does, each
//   module's own repairs are the cause's fixes. So the early answer (the selected interpreter alone, before the others
//   are known) already draws what the full answer draws, and the full answer only refines the words in place;
// - findings whose preferred fix is the switch that repairs those imports join that cause (better-interpreter-available);
// - other findings group by (code, interpreter, module) — one module is one cause however many lines import it — or,
//   without a module, by (code, interpreter, message), and other switches by (interpreter, target).
// Imports guarded by try/except ImportError form causes of their own with the severity 'hint': the author said the
// node runs without them.
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
   * imports are one cause either way; this only decides the words: early, which interpreter would import them all is
   * not known yet, so the message names what fails and nothing more.
   */
  readonly pendingSwitchFor?: string | null;
}

/** The codes of an import that fails in an interpreter: what a switch of interpreter, or the module's own repair, fixes. */
const FAILING_IMPORT: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'module-missing',
  'module-import-error',
  'extension-abi-mismatch',
  'probe-timeout',
]);

/** An import that fails in an interpreter (not a guarded one: those are hints, grouped apart). */
function isFailingImport(finding: Finding): finding is Finding & { readonly interpreter: string; readonly module: string } {
  return finding.interpreter !== null && finding.module !== null && finding.severity === 'error' && FAILING_IMPORT.has(finding.code);
}

/** The interpreter every one of these failing imports would be repaired by switching to, else null. */
function commonSwitch(members: readonly Finding[]): string | null {
  const failing = members.filter(isFailingImport);
  const targets = new Set(
    failing.map((finding) => preferredFix(finding)).map((fix) => (fix?.kind === 'selectInterpreter' ? fix.path : null)),
  );
  const [only] = targets;
  return failing.length > 0 && targets.size === 1 && only !== undefined ? only : null;
}

const META_KINDS: ReadonlySet<FixSpec['kind']> = new Set<FixSpec['kind']>(['ignoreModule', 'openDocs']);

/** The first fix that repairs rather than explains or silences: what the user should do first. */
export function preferredFix(finding: Finding): FixSpec | undefined {
  return finding.fixes.find((fix) => !META_KINDS.has(fix.kind));
}

function isOptional(finding: Finding, facts: GroupingFacts): boolean {
  return finding.location !== null && facts.isOptionalSite(finding.location);
}

function causeKey(finding: Finding, optional: boolean, switches: ReadonlyMap<string, string | null>): string {
  const interpreter = finding.interpreter ?? '';
  if (optional) return JSON.stringify(['optional', finding.code, interpreter, finding.module]);
  if (isFailingImport(finding)) return JSON.stringify(['imports', interpreter]);
  const preferred = preferredFix(finding);
  if (preferred?.kind === 'selectInterpreter') {
    // The switch that repairs the interpreter's failing imports: the same cause, said once.
    if (switches.get(interpreter) === preferred.path) return JSON.stringify(['imports', interpreter]);
    return JSON.stringify(['switch', interpreter, preferred.path]);
  }
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
 * an interpreter's failing imports "X cannot import a, b and c." followed by the first step: the switch that imports
 * them all, else (once the other interpreters are known) the first module's own repair.
 */
export function causeText(members: readonly Finding[], facts: GroupingFacts, cause: readonly Finding[] = members): string {
  const first = members[0];
  if (first === undefined) return '';
  const failing = members.filter(isFailingImport);
  const modules = unique(failing.map((finding) => finding.module));
  const interpreter = failing[0]?.interpreter;
  if (modules.length > 1 && interpreter !== undefined) {
    const cannot = `${facts.interpreterName(interpreter)} cannot import ${listWords(modules)}`;
    // Decided for the whole cause: a switch that suits one file's imports but loses another file's is no way out.
    const target = commonSwitch(cause);
    const preferred = failing.map(preferredFix).find((fix) => fix !== undefined);
    if (target !== null && preferred !== undefined) {
      return `${cannot}. ${preferred.title}, which imports ${modules.length === 2 ? 'both' : 'all of them'}.`;
    }
    // Early: which interpreter imports them all is not known yet; the full answer adds it in place.
    if (facts.pendingSwitchFor === interpreter) return `${cannot}.`;
    // No switch repairs them all: the first step is the first module's own repair (a switch would lose the others).
    // Said of the workspace, not of this file's modules: another interpreter may import these and lack another file's.
    const step = ownRepair(failing) ?? preferred;
    const none = `${cannot}, and no other interpreter imports everything the workspace needs.`;
    return step === undefined ? none : `${none} ${sentence(step.title)}`;
  }
  // A module finding says more than the interpreter-wide one that joined its cause (better-interpreter-available).
  const lead = members.find((finding) => finding.module !== null) ?? first;
  // A file whose only failing import another interpreter has is still part of a cause no switch repairs: its first
  // step is the module's own repair, as its preferred fix is (the switch would lose another file's import).
  const own = eachItsOwnRepair(cause, facts) ? ownRepair([lead]) : undefined;
  return withFirstStep(lead.message, own ?? preferredFix(lead) ?? preferredFix(first));
}

/** The first fix of these findings that repairs in place: neither a switch of interpreter nor an ignore or docs link. */
function ownRepair(findings: readonly Finding[]): FixSpec | undefined {
  return findings.flatMap((finding) => finding.fixes).find((fix) => !META_KINDS.has(fix.kind) && fix.kind !== 'selectInterpreter');
}

/**
 * The modules that "ignore" may be offered for among these members: each module of an interpreter's failing imports
 * when no one switch repairs them (each is its own repair), none when one does (ignoring one would hide the wrong
 * interpreter, not solve it, and early none either: which is not known yet), and the one module of a one-module cause.
 */
export function ignorableModules(members: readonly Finding[], facts: GroupingFacts, cause: readonly Finding[] = members): string[] {
  const modules = unique(members.flatMap((finding) => (finding.module === null ? [] : [finding.module])));
  if (modules.length <= 1) return modules;
  return eachItsOwnRepair(cause, facts) ? modules : [];
}

/**
 * Whether these are an interpreter's failing imports that no one switch repairs, once the other interpreters are known
 * (early, a switch may still turn up): then each module is its own repair, and a switch that suits some of them is
 * offered after the repairs (it would lose the others).
 */
export function eachItsOwnRepair(cause: readonly Finding[], facts: GroupingFacts): boolean {
  const failing = cause.filter(isFailingImport);
  if (failing.length === 0 || failing.some((finding) => finding.interpreter === facts.pendingSwitchFor)) return false;
  return commonSwitch(failing) === null;
}

/**
 * One set of fixes for some members of a cause: every distinct repair once (the same switch offered by two rules is one
 * button), "ignore" for the given modules, and one docs link.
 */
export function mergedFixes(
  members: readonly Finding[],
  ignorable: readonly string[],
  code: FindingCode,
  switchesLast = false,
): PresentedFix[] {
  const presented = members.flatMap((finding) => presentFixes(finding));
  const seen = new Set<string>();
  const keep = (fix: PresentedFix): boolean => {
    const key = fix.kind === 'openDocs' ? 'docs' : JSON.stringify({ ...fix.fix, title: undefined });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const unordered = presented.filter((fix) => !META_KINDS.has(fix.kind)).filter(keep);
  const isSwitch = (fix: PresentedFix): boolean => fix.fix.kind === 'selectInterpreter';
  const repairs = switchesLast ? [...unordered.filter((fix) => !isSwitch(fix)), ...unordered.filter(isSwitch)] : unordered;
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
  const failingByInterpreter = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!isFailingImport(finding) || isOptional(finding, facts)) continue;
    failingByInterpreter.set(finding.interpreter, [...(failingByInterpreter.get(finding.interpreter) ?? []), finding]);
  }
  const switches = new Map([...failingByInterpreter].map(([interpreter, failing]) => [interpreter, commonSwitch(failing)]));
  const groups = new Map<string, { optional: boolean; members: Finding[] }>();
  for (const finding of findings) {
    const optional = isOptional(finding, facts);
    const key = causeKey(finding, optional, switches);
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
      fixes: mergedFixes(sorted, optional ? modules : ignorableModules(sorted, facts), lead.code, eachItsOwnRepair(sorted, facts)),
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
