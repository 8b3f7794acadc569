// What the node side learns from the disk about an interpreter's location, before anything is run in it.
// Classification (classifyInterpreter.ts) is a pure function of these facts.

/** The folder above an interpreter's bin/ directory, and the markers that say what kind of environment it is. */
export interface PrefixFacts {
  readonly prefix: string;
  /** pyvenv.cfg in the prefix: its Python version ("3.11.7") when it names one; null when there is no pyvenv.cfg. */
  readonly pyvenvCfg: { readonly version: string | null } | null;
  /** The prefix holds conda-meta/. */
  readonly condaMeta: boolean;
  /** The prefix also holds condabin/ or envs/: a conda installation's base environment rather than a named one. */
  readonly condaBase: boolean;
}

export interface InterpreterLocation {
  /** The path as given (may be a pyenv shim or a link). */
  readonly path: string;
  /** The binary that really runs: `path` with a pyenv shim resolved, links not yet resolved. */
  readonly target: string;
  /**
   * What runs and what dedupes: `target` with every link resolved (or `target` itself when it does not exist) —
   * except in a venv or conda env, where only the folders are resolved and the binary's own link is kept, because
   * Python finds its environment from the path it was started by (running the resolved venv binary starts the base
   * interpreter, outside the venv).
   */
  readonly realPath: string;
  /** Facts about the folder above target's bin/ (null when target is not in a bin/ folder). */
  readonly targetPrefix: PrefixFacts | null;
  /** Facts about the folder above the fully resolved binary's bin/, when it differs from targetPrefix. */
  readonly realPrefix: PrefixFacts | null;
  /** $PYENV_ROOT or ~/.pyenv, when pyenv is installed. */
  readonly pyenvRoot: string | null;
}

/** Directories whose interpreters are the operating system's (or the administrator's). */
export const SYSTEM_BIN_DIRS: readonly string[] = ['/usr/bin', '/usr/local/bin', '/bin'];

/** Names discovery looks for: python, python2, python3, python3.11 (not python3-config, python3.11m, pythonw). */
/** Whether a prefix is an environment whose binary must be run through its own path (see InterpreterLocation.realPath). */
export function isEnvironmentPrefix(prefix: PrefixFacts | null): boolean {
  return prefix !== null && (prefix.condaMeta || prefix.pyvenvCfg !== null);
}

export function isInterpreterName(name: string): boolean {
  return /^python(\d(\.\d+)?)?$/.test(name);
}

/** The Python version a pyvenv.cfg names (`version = 3.11.7`, or uv's `version_info = 3.11.7.final.0`). */
export function pyvenvCfgVersion(text: string): string | null {
  let versionInfo: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match === null) continue;
    const [, key, value] = match;
    if (value === undefined || value === '') continue;
    if (key === 'version') return value;
    if (key === 'version_info') versionInfo = value.split('.').slice(0, 3).join('.');
  }
  return versionInfo;
}
