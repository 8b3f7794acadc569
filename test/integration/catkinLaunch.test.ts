// ROS 1 with a REAL catkin_make workspace: rosrun's relay runs /usr/bin/python3 and is fine, but running the node
// directly (./scripts/node.py) uses the node's own shebang on the sourced PATH. Checked beside rosrun, a warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { needs, pyenvRoot, pyenvVersion, rosStack, DEBIAN_PYTHON } from '../support/prerequisites';
import { buildCatkinWorkspace, catkinTools, SYSTEM_PATH, type CatkinWorkspace } from '../support/catkinWorkspace';
import type { JsonReport } from '../../src/cli/jsonOutput';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
/** Line of `import rospy` in the workspace's node.py (test/support/catkinWorkspace.ts). */
const ROSPY_LINE = 3;
let ws: CatkinWorkspace | null = null;

before(async () => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
  if (existsSync('/usr/bin/catkin_make')) ws = await buildCatkinWorkspace();
});
after(() => ws?.cleanup());

function doctor(root: string, env: Record<string, string>): Promise<JsonReport> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, root, '--python', DEBIAN_PYTHON, '--format', 'json', '--no-cache'],
      { env: { HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8', ...env }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        assert.ok(error === null || error.code === 1, `the CLI failed: ${stderr}`);
        resolve(JSON.parse(stdout) as JsonReport);
      },
    );
  });
}

function summary(report: JsonReport): string {
  return report.findings.map((f) => `${f.code} ${f.severity} ${f.file ?? ''}:${f.line ?? ''} ${f.message}`).join('\n');
}

async function withFirstLine(file: string, line: string): Promise<string> {
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^#!.*$/m, line));
  return text;
}

test("./scripts/node.py whose #!/usr/bin/env python3 finds pyenv's shim (3.12, no rospy) is a warning beside the working relay; the shebang fix clears it", async (t) => {
  if (!needs(t, ...rosStack, ...catkinTools, pyenvVersion('3.12')) || ws === null) return;
  const workspace = ws;
  const original = await readFile(workspace.nodeScript, 'utf8');
  t.after(() => writeFile(workspace.nodeScript, original));
  const env = { PATH: `${pyenvRoot() ?? ''}/shims:${SYSTEM_PATH}`, PYENV_ROOT: pyenvRoot() ?? '', PYENV_VERSION: '3.12.1' };
  // What really happens: the shim runs 3.12, which has no rospy.
  const real = spawnSync(workspace.nodeScript, [], { env: { ...env, HOME: process.env.HOME ?? '/root' }, encoding: 'utf8' });
  assert.match(real.stderr, /No module named 'rospy'/);

  const report = await doctor(workspace.root, env);
  const direct = report.findings.filter((f) => f.code === 'launch-path-import-fails');
  // rospy and std_msgs in the node, and yaml in the workspace module it imports (helper.py), all fail under 3.12.
  assert.deepEqual(
    direct.map((f) => [f.file, f.line, f.module, f.severity]),
    [
      [workspace.nodeScript, ROSPY_LINE, 'rospy', 'warning'],
      [workspace.nodeScript, ROSPY_LINE + 1, 'std_msgs', 'warning'],
      [workspace.libraryModule, 1, 'yaml', 'warning'],
    ],
    summary(report),
  );
  const finding = direct[0];
  assert.ok(finding);
  assert.match(finding.message, /\.\/src\/demo_pkg\/scripts\/node\.py/);
  assert.equal(report.findings.filter((f) => f.severity === 'error').length, 0, summary(report));
  const rosrun = report.launchPaths.find((row) => row.kind === 'rosrun');
  assert.equal(rosrun?.verdict, 'ok', JSON.stringify(report.launchPaths));

  const edit = finding.fixes.find((fix) => fix.kind === 'editShebang');
  assert.ok(edit?.kind === 'editShebang', JSON.stringify(finding.fixes));
  await withFirstLine(workspace.nodeScript, edit.newText);
  const after = await doctor(workspace.root, env);
  assert.deepEqual(after.findings, [], summary(after));
});

test('./scripts/node.py with #!/usr/bin/env python on a system without python: a shebang warning beside the working relay, fixed by the shebang edit', async (t) => {
  if (!needs(t, ...rosStack, ...catkinTools) || ws === null) return;
  const workspace = ws;
  const original = await withFirstLine(workspace.nodeScript, '#!/usr/bin/env python');
  t.after(() => writeFile(workspace.nodeScript, original));
  const env = { PATH: SYSTEM_PATH };
  const real = spawnSync(workspace.nodeScript, [], { env, encoding: 'utf8' });
  assert.match(real.stderr, /\/usr\/bin\/env: 'python': No such file or directory/);

  const report = await doctor(workspace.root, env);
  const finding = report.findings.find((f) => f.code === 'shebang-mismatch' && f.file === workspace.nodeScript && f.line === 1);
  assert.ok(finding, summary(report));
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /No such file or directory/);
  const edit = finding.fixes.find((fix) => fix.kind === 'editShebang');
  assert.ok(edit?.kind === 'editShebang', JSON.stringify(finding.fixes));
  await withFirstLine(workspace.nodeScript, edit.newText);
  const after = await doctor(workspace.root, env);
  assert.deepEqual(after.findings, [], summary(after));
});
