// Which path a command line or shebang should run an interpreter by.
import * as path from 'node:path';
import type { InterpreterRef } from '../interpreters/interpreter';

/**
 * The path the user knows it by (`/usr/bin/python3`, a venv's own bin/python, whose realPath would start the base
 * interpreter outside the env); only a pyenv shim is replaced by the binary it runs now, since a shim's meaning
 * changes with pyenv's selection and costs 140 ms a start.
 */
export function interpreterCommand(ref: InterpreterRef): string {
  return path.basename(path.dirname(ref.path)) === 'shims' ? ref.realPath : ref.path;
}
