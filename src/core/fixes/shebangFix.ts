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
  const command = envPython3IsSelected ? '/usr/bin/env python3' : interpreterCommand(selected);
  const newText = ['#!' + command, ...shebangFlags(shebang)].join(' ');
  return {
    kind: 'editShebang',
    title: `Use ${command} in the shebang`,
    file,
    line: 1,
    newText,
  };
}
