// pyenv's shim resolution, re-done from its files so that no shim (140 ms each) and no `pyenv which` has to run.
// Mirrors pyenv 2.x: PYENV_VERSION, else the nearest .python-version from the working directory up, else
// $PYENV_ROOT/version, else "system"; each may list several versions, tried in order; a version that is not
// installed under its own name is resolved as a prefix to the latest installed one ("3.12" → "3.12.1").

/** A pyenv shim is a small bash script that execs `$PYENV_ROOT/libexec/pyenv exec <program>`; its root is in its text. */
export function parsePyenvShim(text: string): { readonly pyenvRoot: string } | null {
  if (!text.startsWith('#!') || !/pyenv"? exec /.test(text)) return null;
  const root = /^export PYENV_ROOT="([^"]+)"$/m.exec(text);
  return root?.[1] === undefined ? null : { pyenvRoot: root[1] };
}

/** Versions named in a .python-version or $PYENV_ROOT/version file: one or more per line, `#` comments skipped. */
export function parseVersionFile(text: string): string[] {
  const versions: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const word of line.trim().split(/\s+/)) {
      if (word === '' || word.startsWith('#')) break;
      if (word.includes('/') || word === '.' || word === '..') continue;
      versions.push(word);
    }
  }
  return versions;
}

/** PYENV_VERSION="3.11.7:2.7.18" */
export function parseVersionVariable(value: string): string[] {
  return value
    .split(':')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

function numericParts(version: string): number[] | null {
  if (!/^\d+(\.\d+)*$/.test(version)) return null;
  return version.split('.').map(Number);
}

function compareNumeric(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? -1) - (b[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The installed version folder a requested version name means, 'system', or null when nothing matches.
 * Prefix matching takes only final releases (no -dev, rc), as `pyenv latest` does.
 */
export function resolveVersionName(requested: string, installed: readonly string[]): string | null {
  if (requested === 'system') return 'system';
  const name = requested.startsWith('python-') ? requested.slice('python-'.length) : requested;
  if (installed.includes(requested)) return requested;
  if (installed.includes(name)) return name;
  let best: { version: string; parts: number[] } | null = null;
  for (const version of installed) {
    if (!version.startsWith(`${name}.`)) continue;
    const parts = numericParts(version);
    if (parts === null) continue;
    if (best === null || compareNumeric(parts, best.parts) > 0) best = { version, parts };
  }
  return best?.version ?? null;
}

/** Sorts version folder names newest last where they are numeric ("3.9.18" before "3.10.13"), others by name after. */
export function sortVersions(versions: readonly string[]): string[] {
  return [...versions].sort((a, b) => {
    const pa = numericParts(a);
    const pb = numericParts(b);
    if (pa !== null && pb !== null) return compareNumeric(pa, pb);
    if (pa !== null) return -1;
    if (pb !== null) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
