// Row 2: workspace files are read only when they are regular files. A FIFO package.xml must not hang the CLI, a
// link to /dev/zero must not be read; both are findings on the file. Links to regular files (catkin's
// src/CMakeLists.txt into the ROS installation, --symlink-install trees) keep working.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertNoProcessLeft,
  assertTempRemoved,
  assertUnchanged,
  catkinWorkspace,
  ensureBuilt,
  findingsWith,
  hostileCase,
  MANIFEST,
  report,
  runCli,
  snapshot,
  SYSTEM_PYTHON,
} from './hostileSupport';

before(ensureBuilt);

const CATKIN_TOPLEVEL = '/usr/share/catkin/cmake/toplevel.cmake';

test('a FIFO package.xml, a package.xml linked to /dev/zero and a node linked to /dev/zero are skipped with a finding each', async () => {
  const c = await hostileCase('special');
  try {
    const pkg = await catkinWorkspace(c, { 'scripts/real_node.py': '#!/usr/bin/env python3\nimport not_installed_r2\n' });
    // A --symlink-install style link to a regular file is read as the file.
    await mkdir(join(pkg, 'nodes'));
    await symlink(join(pkg, 'scripts', 'real_node.py'), join(pkg, 'nodes', 'linked_node.py'));
    await symlink('/dev/zero', join(pkg, 'scripts', 'zero_node.py'));
    if (existsSync(CATKIN_TOPLEVEL)) await symlink(CATKIN_TOPLEVEL, join(c.ws, 'src', 'CMakeLists.txt'));
    const fifoPkg = join(c.ws, 'src', 'fifo_pkg');
    await mkdir(fifoPkg);
    execFileSync('mkfifo', [join(fifoPkg, 'package.xml')]);
    const zeroPkg = join(c.ws, 'src', 'zero_pkg');
    await mkdir(zeroPkg);
    await symlink('/dev/zero', join(zeroPkg, 'package.xml'));
    const other = join(c.ws, 'src', 'fine_pkg');
    await mkdir(join(other, 'scripts'), { recursive: true });
    await writeFile(join(other, 'package.xml'), MANIFEST('fine_pkg'));
    const before = snapshot(c.ws);

    const out = report(await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '10']));
    const skipped = findingsWith(out, 'workspace-file-skipped');
    const skippedFiles = skipped.map((finding) => finding.file);
    for (const file of [join(fifoPkg, 'package.xml'), join(zeroPkg, 'package.xml'), join(pkg, 'scripts', 'zero_node.py')]) {
      assert.ok(skippedFiles.includes(file), `no workspace-file-skipped finding on ${file}: ${JSON.stringify(out.findings, null, 1)}`);
    }
    for (const finding of skipped) assert.match(finding.message, /not a regular file/);
    // The link to a regular file is still scanned, and nothing reads the FIFO.
    const missing = findingsWith(out, 'module-missing').filter((finding) => finding.module === 'not_installed_r2');
    assert.ok(missing.length >= 1, JSON.stringify(out.findings, null, 1));
    assertUnchanged(before, snapshot(c.ws));
    assertTempRemoved(c);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
