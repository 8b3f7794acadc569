// Which kind of environment an interpreter belongs to, from facts the node side gathered on disk.
import * as path from 'node:path';
import type { InterpreterKind, InterpreterRef, InterpreterSource } from './interpreter';
import { SYSTEM_BIN_DIRS, type InterpreterLocation, type PrefixFacts } from './interpreterFacts';
import { displayName } from './displayName';

export interface Classification {
  readonly kind: InterpreterKind;
  readonly envPrefix: string | null;
  readonly displayName: string;
}

/** The pyenv version folder name ("3.12.1", or a pyenv-virtualenv name) when `file` lies under <root>/versions/. */
export function pyenvVersionOf(file: string, pyenvRoot: string | null): string | null {
  if (pyenvRoot === null) return null;
  const relative = path.relative(path.join(pyenvRoot, 'versions'), file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const version = relative.split(path.sep)[0];
  return version === undefined || version === '' ? null : version;
}

function conda(prefix: PrefixFacts): Classification {
  return {
    kind: 'conda',
    envPrefix: prefix.prefix,
    displayName: displayName({ kind: 'conda', prefix: prefix.prefix, base: prefix.condaBase }),
  };
}

/**
 * Environments are known by the folder the binary was called through (a venv's bin/python links to the base
 * interpreter, so the resolved path says nothing): conda-meta/ there means conda (it wins over a pyvenv.cfg, which a
 * real conda env never has but a conda env built from a venv does), pyvenv.cfg means venv; a link into a conda env is
 * known by the resolved prefix; pyenv by living under <root>/versions; system by its directory.
 */
export function classifyInterpreter(location: InterpreterLocation): Classification {
  const { targetPrefix, realPrefix } = location;
  if (targetPrefix?.condaMeta) return conda(targetPrefix);
  if (targetPrefix?.pyvenvCfg) {
    return {
      kind: 'venv',
      envPrefix: targetPrefix.prefix,
      displayName: displayName({ kind: 'venv', prefix: targetPrefix.prefix, version: targetPrefix.pyvenvCfg.version }),
    };
  }
  if (realPrefix?.condaMeta) return conda(realPrefix);
  const version = pyenvVersionOf(location.target, location.pyenvRoot) ?? pyenvVersionOf(location.realPath, location.pyenvRoot);
  if (version !== null) return { kind: 'pyenv', envPrefix: null, displayName: displayName({ kind: 'pyenv', version }) };
  const kind = SYSTEM_BIN_DIRS.includes(path.dirname(location.target)) ? 'system' : 'other';
  return { kind, envPrefix: null, displayName: displayName({ kind, path: location.path }) };
}

export function interpreterRef(location: InterpreterLocation, source: InterpreterSource): InterpreterRef {
  const { kind, envPrefix, displayName: name } = classifyInterpreter(location);
  return { path: location.path, realPath: location.realPath, kind, source, envPrefix, displayName: name };
}
