import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstat, readFile, readlink } from 'node:fs/promises';
import * as path from 'node:path';
import { detectWorkspaceDetailed } from '../../src/core/workspace/detectWorkspace';
import { scanImports } from '../../src/core/scan/importScanner';
import { createNodeFileSystem } from '../../src/node/nodeFileSystem';
import { buildCatkinWorkspace, catkinTools } from '../support/catkinWorkspace';
import { needs } from '../support/prerequisites';
import { generateWorkspace } from '../support/generatedWorkspace';

test('a workspace built by the real catkin_make is detected with its package, nodes, relay and setup script', async (t) => {
  if (!needs(t, ...catkinTools)) return;
  const built = await buildCatkinWorkspace();
  t.after(() => built.cleanup());
  assert.ok(built.buildMs < 20_000, `catkin_make took ${built.buildMs} ms`);

  // What catkin_make really leaves behind, which detection relies on.
  assert.match(await readFile(path.join(built.root, '.catkin_workspace'), 'utf8'), /^# .*catkin workspace/);
  const toplevel = path.join(built.root, 'src', 'CMakeLists.txt');
  assert.ok((await lstat(toplevel)).isSymbolicLink());
  assert.match(await readlink(toplevel), /catkin\/cmake\/toplevel\.cmake$/);

  const fs = createNodeFileSystem();
  const detection = await detectWorkspaceDetailed(fs, built.nodeScript);
  const workspace = detection.workspace;
  assert.ok(workspace);
  assert.deepEqual(detection.problems, []);
  assert.equal(workspace.root, built.root);
  assert.equal(workspace.kind, 'catkin_make');
  assert.deepEqual(
    workspace.packages.map((p) => [p.name, p.format, p.buildType, p.pythonModules]),
    [['demo_pkg', 2, 'catkin', ['demo_pkg']]],
  );
  assert.deepEqual(
    workspace.packages[0]?.dependencies.filter((d) => d.kind === 'exec_depend').map((d) => d.name),
    ['rospy', 'std_msgs'],
  );

  const node = workspace.pythonSources.find((s) => s.path === built.nodeScript);
  assert.ok(node, workspace.pythonSources.map((s) => s.path).join(', '));
  assert.equal(node.role, 'node');
  assert.deepEqual([...node.evidence].sort(), ['catkin_install_python', 'scripts-dir']);
  const library = workspace.pythonSources.find((s) => s.path === built.libraryModule);
  assert.deepEqual(library && { role: library.role, evidence: library.evidence, packageName: library.packageName }, {
    role: 'module',
    evidence: ['package-module'],
    packageName: 'demo_pkg',
  });

  const relayPath = path.join(built.root, 'devel', 'lib', 'demo_pkg', 'node.py');
  assert.deepEqual(workspace.relays, [{ packageName: 'demo_pkg', path: relayPath, target: built.nodeScript }]);
  // The relay's own shebang is the Python catkin was configured with, not the script's `env python3`.
  assert.equal(scanImports(await readFile(relayPath, 'utf8')).shebang?.command, '/usr/bin/python3');
  assert.equal(scanImports(await readFile(built.nodeScript, 'utf8')).shebang?.command, 'python3');

  assert.deepEqual(workspace.setupScripts, [{ path: path.join(built.root, 'devel', 'setup.bash'), kind: 'devel' }]);

  // The same workspace is found from its root and from the package's library folder.
  assert.equal((await detectWorkspaceDetailed(fs, built.root)).workspace?.root, built.root);
  assert.equal((await detectWorkspaceDetailed(fs, path.dirname(built.libraryModule))).root?.marker, '.catkin_workspace');
});

test('every Python file of a generated 200-package workspace (catkin and ament_python mixed) is found, each folder read once', async (t) => {
  const generated = await generateWorkspace(200);
  t.after(() => generated.dispose());
  const disk = createNodeFileSystem();
  const listed = new Map<string, number>();
  const fs = { ...disk, readDir: (dir: string) => (listed.set(dir, (listed.get(dir) ?? 0) + 1), disk.readDir(dir)) };
  const started = performance.now();
  const detection = await detectWorkspaceDetailed(fs, generated.root);
  const elapsed = performance.now() - started;
  t.diagnostic(`detected ${generated.pythonFiles} files in ${elapsed.toFixed(0)} ms`);
  const workspace = detection.workspace;
  assert.ok(workspace);
  assert.equal(workspace.packages.length, 200);
  assert.equal(workspace.pythonSources.length, generated.pythonFiles);
  assert.equal(workspace.pythonSources.filter((s) => s.role === 'node').length, 150 * 3 + 50 * 2);
  assert.deepEqual(
    [...listed.entries()].filter(([, count]) => count > 1),
    [],
  );
  assert.ok(elapsed < 10_000, `${elapsed} ms`);
});
