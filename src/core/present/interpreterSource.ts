// Who chose an interpreter, in words: the report says it, so a user whose two Python extensions disagree sees
// which one ROS Env Doctor followed.
import type { InterpreterSource } from '../interpreters/interpreter';

const CHOSEN_BY: Readonly<Record<InterpreterSource, string>> = {
  selected: 'given on the command line',
  'python-environments': 'selected in the Python Environments extension',
  'python-extension': 'selected in the Python extension',
  setting: 'from the python.defaultInterpreterPath setting',
  path: 'the first python3/python on PATH',
  'well-known': 'found in a well-known place',
  pyenv: 'found among pyenv versions',
  conda: 'found among conda environments',
  pixi: 'found among pixi environments',
  'workspace-venv': 'found in the workspace',
  shebang: "named by a node's shebang",
};

export function chosenBy(source: InterpreterSource): string {
  return CHOSEN_BY[source];
}
