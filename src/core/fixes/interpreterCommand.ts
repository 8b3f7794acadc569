// Which path a command line should run an interpreter by.
import type { InterpreterRef } from '../interpreters/interpreter';

/**
 * A venv's or conda env's own bin/python (its realPath is the base interpreter, which would install into the base
 * and skip the env's site-packages); otherwise the real binary, so a pyenv shim's 140 ms and its version lookup are skipped.
 */
export function interpreterCommand(ref: InterpreterRef): string {
  return ref.kind === 'venv' || ref.kind === 'conda' || ref.envPrefix !== null ? ref.path : ref.realPath;
}
