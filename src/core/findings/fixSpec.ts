import type { SourceRange } from './finding';

// Fixes are data until the editor layer turns them into edits, terminals or settings, and only when the user chooses one.

/** The environment's own manager (see src/core/managers/environmentManager.ts): never another's. */
export type InstallTool = 'pip' | 'conda' | 'pixi' | 'uv' | 'apt';

export type FixSpec =
  | { readonly kind: 'selectInterpreter'; readonly title: string; readonly path: string }
  | {
      readonly kind: 'installPackages';
      readonly title: string;
      readonly interpreter: string;
      /** Distribution names (pip) or package names (conda), not import names. */
      readonly packages: readonly string[];
      readonly tool: InstallTool;
      /** The exact shell line, built by shellQuote. */
      readonly command: string;
      /** Set only on a fix that overrides a safeguard (PEP 668's PIP_BREAK_SYSTEM_PACKAGES=1): shown last, labelled. */
      readonly optIn?: 'break-system-packages';
    }
  | {
      readonly kind: 'buildFromSource';
      readonly title: string;
      readonly interpreter: string;
      readonly package: string;
      readonly commands: readonly string[];
      readonly docsUrl: string;
    }
  | {
      readonly kind: 'editShebang';
      readonly title: string;
      readonly file: string;
      /** 1-based; the shebang is always line 1. */
      readonly line: 1;
      /** The whole new first line, without the newline. */
      readonly newText: string;
    }
  | {
      readonly kind: 'createEnvironment';
      readonly title: string;
      readonly tool: 'conda' | 'venv';
      /** Where the file would be written (environment.yml or requirements.txt), absolute. */
      readonly file: string;
      readonly content: string;
      /** What to run after the file is written. */
      readonly commands: readonly string[];
    }
  /** A text edit in a file the user has open (e.g. `import Torch` → `import torch`). */
  | { readonly kind: 'replaceText'; readonly title: string; readonly range: SourceRange; readonly newText: string }
  | { readonly kind: 'runInTerminal'; readonly title: string; readonly commands: readonly string[] }
  | { readonly kind: 'ignoreModule'; readonly title: string; readonly module: string }
  | { readonly kind: 'openDocs'; readonly title: string; readonly anchor: string };

export type FixKind = FixSpec['kind'];
