// An interpreter the doctor knows of, before anything has been run in it.

export type InterpreterKind = 'system' | 'venv' | 'conda' | 'pyenv' | 'other';

/** How the interpreter came to be known; the selected one is probed first and reported against. */
export type InterpreterSource =
  | 'selected'
  | 'python-environments'
  | 'python-extension'
  | 'setting'
  | 'path'
  | 'well-known'
  | 'pyenv'
  | 'conda'
  | 'workspace-venv'
  /** A pixi environment (`.pixi/envs/<name>`) of the workspace or a folder above it. */
  | 'pixi'
  | 'shebang';

export interface InterpreterRef {
  /** The path as the user (or the discovery) gave it; what messages show. */
  readonly path: string;
  /** The binary after links and pyenv shims are resolved; what is run and what dedupes. */
  readonly realPath: string;
  readonly kind: InterpreterKind;
  readonly source: InterpreterSource;
  /** The environment's root (conda prefix, venv folder), when it belongs to one. */
  readonly envPrefix: string | null;
  /** A short human name: "conda: torch-env", "venv: .venv", "pyenv 3.12.1", "/usr/bin/python3". */
  readonly displayName: string;
}
