// The pieces every finding is made of: where it is drawn, how severe it may be there, and the docs link.
import type { FindingCode, RelatedLocation, Severity, SourceRange } from '../findings/finding';
import type { FixSpec } from '../findings/fixSpec';
import type { Shebang } from '../scan/importSite';
import type { ImportUse, RuleInput } from './ruleInput';

export interface Placement {
  readonly location: SourceRange | null;
  readonly severity: Severity;
}

/** The module name's range on its import line. */
export function siteRange(use: ImportUse): SourceRange {
  return { file: use.file, line: use.site.line, column: use.site.column, endLine: use.site.line, endColumn: use.site.endColumn };
}

export function shebangRange(file: string, shebang: Shebang): SourceRange {
  return { file, line: 1, column: 0, endLine: 1, endColumn: shebang.length };
}

/** A guarded import (try/except ImportError) is the author saying it may fail: at most a hint there. */
function cap(severity: Severity, optional: boolean): Severity {
  return optional && severity !== 'info' ? 'info' : severity;
}

/**
 * One placement per import site that deserves a finding: optional imports at most info, type-only imports none.
 * A module imported nowhere (an extra module from the settings) gets one placement without a location.
 */
export function placementsFor(uses: readonly ImportUse[], severity: Severity): Placement[] {
  if (uses.length === 0) return [{ location: null, severity }];
  return uses.filter((u) => !u.site.typeOnly).map((u) => ({ location: siteRange(u), severity: cap(severity, u.site.optional) }));
}

/** The earliest use, preferring one that is not guarded: an interpreter-wide problem shows at full strength where it bites. */
function earliest(uses: readonly ImportUse[]): ImportUse | undefined {
  const byPosition = [...uses].filter((u) => !u.site.typeOnly).sort((a, b) => a.site.line - b.site.line || a.site.column - b.site.column);
  return byPosition.find((u) => !u.site.optional) ?? byPosition[0];
}

/** For findings about a whole interpreter: the first run-time import in each file, or one unlocated placement. */
export function firstImportPerFile(input: RuleInput, severity: Severity): Placement[] {
  return firstPlacements([...input.modules.values()].flat(), severity);
}

/** The earliest use in each file, in the order files first appear. */
export function firstUsePerFile(uses: readonly ImportUse[]): ImportUse[] {
  const byFile = new Map<string, ImportUse[]>();
  for (const use of uses) byFile.set(use.file, [...(byFile.get(use.file) ?? []), use]);
  return [...byFile.values()].flatMap((list) => {
    const first = earliest(list);
    return first === undefined ? [] : [first];
  });
}

/** Placements at the first use in each file, or one unlocated placement when there is none. */
export function firstPlacements(uses: readonly ImportUse[], severity: Severity): Placement[] {
  const firsts = firstUsePerFile(uses);
  if (firsts.length === 0) return [{ location: null, severity }];
  return firsts.map((u) => ({ location: siteRange(u), severity: cap(severity, u.site.optional) }));
}

export function docsFix(code: FindingCode): FixSpec {
  return { kind: 'openDocs', title: `Read about ${code}`, anchor: code };
}

/** A whole file (an interpreter binary, a setup script) as related information. */
export function relatedFile(file: string, message: string): RelatedLocation {
  return { message, file, range: null };
}

/** One line of a file (where an exception was raised). */
export function relatedLine(file: string, line: number, message: string): RelatedLocation {
  return { message, file, range: { file, line, column: 0, endLine: line, endColumn: 0 } };
}

/** Keeps fixes in order, dropping absent ones and repeats. */
export function fixList(...fixes: readonly (FixSpec | null | undefined)[]): FixSpec[] {
  const out: FixSpec[] = [];
  for (const fix of fixes) {
    if (fix === null || fix === undefined) continue;
    if (out.some((f) => JSON.stringify(f) === JSON.stringify(fix))) continue;
    out.push(fix);
  }
  return out;
}
