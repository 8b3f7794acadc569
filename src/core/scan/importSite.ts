// What the import scanner finds in one Python file.

export interface ImportSite {
  /** The full dotted name as written (`cv_bridge.boost.cv_bridge_boost`). */
  readonly module: string;
  /** Its first component (`cv_bridge`): what the probe checks. */
  readonly topLevel: string;
  /** 1-based line of the module name. */
  readonly line: number;
  /** 0-based column range of the module name on that line (end exclusive). */
  readonly column: number;
  readonly endColumn: number;
  readonly form: 'import' | 'from';
  /** Inside `try: … except ImportError` (or ModuleNotFoundError / Exception / bare except). */
  readonly optional: boolean;
  /** Inside `if TYPE_CHECKING:`. */
  readonly typeOnly: boolean;
}

export interface Shebang {
  /** The whole first line without `#!`, trimmed. */
  readonly text: string;
  /** The interpreter the kernel would run: `/usr/bin/python3`, or for `/usr/bin/env python3` the command `python3`. */
  readonly command: string;
  /** True for `/usr/bin/env X`: the command is looked up on PATH. */
  readonly viaEnv: boolean;
  /** The first line's length, so an edit can replace it exactly. */
  readonly length: number;
}

export interface ScannedFile {
  readonly imports: readonly ImportSite[];
  readonly shebang: Shebang | null;
}
