// How a fix spec is offered to the user: a stable id, a title, what choosing it does, and which one to prefer.
// Pure data; src/editor turns each effect into a terminal, an edit, a setting or a document.
import type { Finding, FindingCode } from '../findings/finding';
import type { FixKind, FixSpec } from '../findings/fixSpec';

/** What choosing a fix does, so the editor knows which machinery to use and what to ask first. */
export type FixEffect =
  | { readonly kind: 'switch-interpreter'; readonly path: string }
  /** Commands typed into a visible terminal and left for the user to run (never executed for them). */
  | { readonly kind: 'terminal'; readonly text: string }
  /** An undoable edit of one line range in a file. */
  | {
      readonly kind: 'edit';
      readonly file: string;
      readonly line: number;
      readonly wholeLine: boolean;
      readonly column: number;
      readonly endLine: number;
      readonly endColumn: number;
      readonly newText: string;
    }
  /** An unsaved document with suggested content; the commands are shown afterwards. */
  | {
      readonly kind: 'untitled-document';
      readonly suggestedFile: string;
      readonly content: string;
      readonly language: string;
      readonly followUp: string | null;
    }
  | { readonly kind: 'ignore-module'; readonly module: string }
  | { readonly kind: 'docs'; readonly anchor: string };

export interface PresentedFix {
  /** Stable across re-diagnoses of the same facts: code actions and report buttons refer to a fix by it. */
  readonly id: string;
  readonly title: string;
  readonly kind: FixKind;
  readonly isPreferred: boolean;
  readonly effect: FixEffect;
  readonly fix: FixSpec;
}

/** Joins shell lines into one line, so a terminal shows all of it and nothing runs until the user presses Enter. */
export function terminalText(commands: readonly string[]): string {
  return commands
    .map((command) => command.trim())
    .filter((command) => command.length > 0)
    .join(' && ');
}

export function fixEffect(fix: FixSpec): FixEffect {
  switch (fix.kind) {
    case 'selectInterpreter':
      return { kind: 'switch-interpreter', path: fix.path };
    case 'installPackages':
      return { kind: 'terminal', text: fix.command };
    case 'buildFromSource':
      return { kind: 'terminal', text: terminalText(fix.commands) };
    case 'runInTerminal':
      return { kind: 'terminal', text: terminalText(fix.commands) };
    case 'editShebang':
      return {
        kind: 'edit',
        file: fix.file,
        line: fix.line,
        wholeLine: true,
        column: 0,
        endLine: fix.line,
        endColumn: 0,
        newText: fix.newText,
      };
    case 'replaceText':
      return {
        kind: 'edit',
        file: fix.range.file,
        line: fix.range.line,
        wholeLine: false,
        column: fix.range.column,
        endLine: fix.range.endLine,
        endColumn: fix.range.endColumn,
        newText: fix.newText,
      };
    case 'createEnvironment':
      return {
        kind: 'untitled-document',
        suggestedFile: fix.file,
        content: fix.content,
        language: fix.file.endsWith('.yml') || fix.file.endsWith('.yaml') ? 'yaml' : 'pip-requirements',
        followUp: fix.commands.length === 0 ? null : terminalText(fix.commands),
      };
    case 'ignoreModule':
      return { kind: 'ignore-module', module: fix.module };
    case 'openDocs':
      return { kind: 'docs', anchor: fix.anchor };
  }
}

// Fixes that explain or silence rather than repair are never the preferred one.
const META_KINDS: ReadonlySet<FixKind> = new Set<FixKind>(['ignoreModule', 'openDocs']);

/** FNV-1a, 32 bits: short ids that stay the same for the same fix (or cause). */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function fixId(code: FindingCode, fix: FixSpec): string {
  return `${code}/${fix.kind}/${stableHash(JSON.stringify(fix))}`;
}

/** The rule's fixes plus the standard ones (ignore this module, read about this rule), each presented once. */
export function presentFixes(finding: Finding): readonly PresentedFix[] {
  const fixes: FixSpec[] = [...finding.fixes];
  if (finding.module !== null && !fixes.some((fix) => fix.kind === 'ignoreModule')) {
    fixes.push({ kind: 'ignoreModule', title: `Ignore module '${finding.module}' in this workspace`, module: finding.module });
  }
  if (!fixes.some((fix) => fix.kind === 'openDocs')) {
    fixes.push({ kind: 'openDocs', title: `Learn more about ${finding.code}`, anchor: finding.code });
  }
  // The rule lists its fixes best first; the first real repair is the preferred one.
  const preferredIndex = fixes.findIndex((fix) => !META_KINDS.has(fix.kind));
  const seen = new Set<string>();
  const presented: PresentedFix[] = [];
  fixes.forEach((fix, index) => {
    const id = fixId(finding.code, fix);
    if (seen.has(id)) return;
    seen.add(id);
    presented.push({ id, title: fix.title, kind: fix.kind, isPreferred: index === preferredIndex, effect: fixEffect(fix), fix });
  });
  return presented;
}

/** Every fix of every finding, by id: what a report button or a command argument resolves against. */
export function fixesById(findings: readonly Finding[]): ReadonlyMap<string, PresentedFix> {
  const byId = new Map<string, PresentedFix>();
  for (const finding of findings) for (const fix of presentFixes(finding)) if (!byId.has(fix.id)) byId.set(fix.id, fix);
  return byId;
}
