// The scenario of the CLI ↔ editor parity window (suites/parity.e2e.ts): the copy of examples/catkin_ws plus a node
// whose shebang names the Python of a venv that was deleted since. With pyenv 3.11 selected the folder then has
// findings of two codes (module-missing, shebang-mismatch) in four files and of two severities (errors, and a hint for
// the guarded coloredlogs import), so a comparison of the two outputs has something to disagree about.
import { chmod, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Relative to the workspace folder. */
export const SHEBANG_NODE = join('src', 'perception_demo', 'scripts', 'legacy_node.py');

/** Writes the node; its shebang names a venv next to the workspace copy that does not exist. */
export async function addShebangNode(workspace: string): Promise<void> {
  const file = join(workspace, SHEBANG_NODE);
  const deletedVenvPython = join(dirname(workspace), 'deleted-venv', 'bin', 'python3');
  const text = [
    `#!${deletedVenvPython}`,
    '"""A node whose shebang still names the venv it was written in, deleted since."""',
    'import rospy',
    '',
    "rospy.init_node('legacy')",
    '',
  ].join('\n');
  await writeFile(file, text);
  await chmod(file, 0o755);
}
