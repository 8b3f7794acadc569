// A finding is what a rule concluded: a stable code, what to tell the user, where, and what would fix it.
import type { FixSpec } from './fixSpec';

export type Severity = 'error' | 'warning' | 'info';

/** Findings about one module in one interpreter. */
export type ModuleFindingCode =
  | 'module-missing'
  | 'module-import-error'
  | 'module-name-case'
  | 'extension-abi-mismatch'
  | 'ros-deps-missing'
  | 'ros-start-deps-missing'
  | 'ros-env-not-sourced'
  | 'shadowed-by-outside-package'
  | 'launch-path-import-fails';

/** Findings about an interpreter as a whole. */
export type InterpreterFindingCode =
  | 'interpreter-invalid'
  | 'foreign-python-path'
  | 'ros-python-mismatch'
  | 'better-interpreter-available'
  | 'shebang-mismatch'
  | 'build-interpreter-missing';

/** Findings about the workspace or the machine, not one interpreter. */
export type WorkspaceFindingCode =
  | 'split-environment'
  | 'conda-shadows-system-python'
  | 'setup-script-failed'
  | 'workspace-file-skipped'
  | 'untrusted-skipped'
  | 'entry-point-not-installed'
  | 'install-outdated';

export type FindingCode = ModuleFindingCode | InterpreterFindingCode | WorkspaceFindingCode | 'probe-timeout';

/** A place in a file. Lines are 1-based, columns 0-based, end exclusive (as editors count). */
export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Another place that explains a finding: the other interpreter, the setup script, the shebang. */
export interface RelatedLocation {
  readonly message: string;
  readonly file: string;
  /** Absent when the place is a whole file (an interpreter binary, a setup script). */
  readonly range: SourceRange | null;
}

interface FindingCommon {
  readonly severity: Severity;
  /** One sentence a user can act on; no trailing period-less fragments. */
  readonly message: string;
  /** More lines (the traceback's end, the paths compared); null when the message says it all. */
  readonly detail: string | null;
  /** Where the editor draws it; null for findings that belong to no line (reported in the report and CLI only). */
  readonly location: SourceRange | null;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly FixSpec[];
}

export type ModuleFinding = FindingCommon & { readonly code: ModuleFindingCode; readonly interpreter: string; readonly module: string };
export type InterpreterFinding = FindingCommon & {
  readonly code: InterpreterFindingCode;
  readonly interpreter: string;
  readonly module: null;
};
/** A hang: of the interpreter's start-up (module null) or of one module's import (module set). */
export type ProbeTimeoutFinding = FindingCommon & {
  readonly code: 'probe-timeout';
  readonly interpreter: string;
  readonly module: string | null;
};
export type WorkspaceFinding = FindingCommon & {
  readonly code: WorkspaceFindingCode;
  readonly interpreter: string | null;
  readonly module: null;
};

export type Finding = ModuleFinding | InterpreterFinding | ProbeTimeoutFinding | WorkspaceFinding;

/** Every code, in the order the README's Rules section documents them. */
export const FINDING_CODES: readonly FindingCode[] = [
  'interpreter-invalid',
  'probe-timeout',
  'module-missing',
  'module-import-error',
  'module-name-case',
  'extension-abi-mismatch',
  'shadowed-by-outside-package',
  'foreign-python-path',
  'ros-python-mismatch',
  'ros-deps-missing',
  'ros-start-deps-missing',
  'ros-env-not-sourced',
  'shebang-mismatch',
  'launch-path-import-fails',
  'build-interpreter-missing',
  'entry-point-not-installed',
  'install-outdated',
  'conda-shadows-system-python',
  'split-environment',
  'better-interpreter-available',
  'setup-script-failed',
  'workspace-file-skipped',
  'untrusted-skipped',
];
