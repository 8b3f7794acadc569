// Rewriting a node's first line so that running it directly uses the interpreter the user selected.
import type { FixSpec } from '../findings/fixSpec';
import type { InterpreterRef } from '../interpreters/interpreter';
import type { Shebang } from '../scan/importSite';
import { interpreterCommand } from './interpreterCommand';

/** Interpreter flags after the command (`-u`, `-O`), which the new line keeps. */
export function shebangFlags(shebang: Shebang): string[] {
  const words = shebang.text.split(/\s+/).filter((w) => w !== '');
  const at = shebang.viaEnv ? words.indexOf(shebang.command) : 0;
  return at < 0 ? [] : words.slice(at + 1);
}

/**
 * `#!/usr/bin/env python3` when that already finds the selected interpreter on PATH (portable across machines),
 * else the selected interpreter's real path.
 */
export function shebangFix(file: string, shebang: Shebang, selected: InterpreterRef, envPython3IsSelected: boolean): FixSpec {
  const command = envPython3IsSelected ? '/usr/bin/env python3' : shebangCommand(interpreterCommand(selected));
  if (command === null) {
    // A newline would put a second line into the node; no quoting makes a shebang hold one.
    return {
      kind: 'openDocs',
      title: `The selected interpreter's path cannot be written in a shebang (it holds a control character such as a newline): select an interpreter at a plain path, or run the node with it explicitly`,
      anchor: 'shebang-mismatch',
    };
  }
  const newText = ['#!' + command, ...shebangFlags(shebang)].join(' ');
  return {
    kind: 'editShebang',
    title: `Use ${command} in the shebang`,
    file,
    line: 1,
    newText,
  };
}

/** Characters the kernel and `env -S` take literally in a shebang path. */
const PLAIN_PATH = /^[A-Za-z0-9_@%+=:,./-]+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The interpreter as a shebang can name it. The kernel splits the line at the first space, so a path with one is
 * run through `/usr/bin/env -S` with the path single-quoted (env -S keeps quoted spaces; inside single quotes only
 * \\ and \' are escapes). A control character cannot be written at all: null.
 */
export function shebangCommand(interpreter: string): string | null {
  if (PLAIN_PATH.test(interpreter)) return interpreter;
  if (CONTROL.test(interpreter)) return null;
  return `/usr/bin/env -S '${interpreter.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
