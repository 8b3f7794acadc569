// The short names the report, status item and quick picks show for an interpreter.
import * as path from 'node:path';
import type { InterpreterKind } from './interpreter';

/** "3.11.7" → "3.11"; anything else is kept as it is. */
function majorMinor(version: string): string {
  const match = /^(\d+)\.(\d+)/.exec(version);
  return match === null ? version : `${match[1]}.${match[2]}`;
}

export type DisplayNameInput =
  | { readonly kind: 'conda'; readonly prefix: string; readonly base: boolean }
  | { readonly kind: 'venv'; readonly prefix: string; readonly version: string | null }
  | { readonly kind: 'pyenv'; readonly version: string }
  | { readonly kind: Extract<InterpreterKind, 'system' | 'other'>; readonly path: string };

/** "conda: torch-env", "conda: base", "venv: .venv (3.11)", "pyenv 3.12.1", "/usr/bin/python3". */
export function displayName(input: DisplayNameInput): string {
  switch (input.kind) {
    case 'conda': {
      // pixi keeps its environments in <project>/.pixi/envs/<name>: "pixi: default (robot)".
      const pixi = /\/([^/]+)\/\.pixi\/envs\/([^/]+)\/?$/.exec(input.prefix);
      if (pixi !== null) return `pixi: ${pixi[2]} (${pixi[1]})`;
      return `conda: ${input.base ? 'base' : path.basename(input.prefix)}`;
    }
    case 'venv': {
      const name = path.basename(input.prefix);
      return input.version === null ? `venv: ${name}` : `venv: ${name} (${majorMinor(input.version)})`;
    }
    case 'pyenv':
      return `pyenv ${input.version}`;
    case 'system':
    case 'other':
      return input.path;
  }
}
