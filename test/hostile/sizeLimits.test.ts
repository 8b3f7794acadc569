// Row 11: a 50 MB package.xml and a package of 100,000 files are bounded: the first is skipped with a finding
// naming the limit, the walk of the second stops with a finding, and the CLI still answers for the rest.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertNoProcessLeft,
  assertTempRemoved,
  catkinWorkspace,
  ensureBuilt,
  findingsWith,
  hostileCase,
  MANIFEST,
  report,
  runCli,
  SYSTEM_PYTHON,
} from './hostileSupport';

before(ensureBuilt);

test('a 50 MB package.xml and a 6 MB node are skipped with a finding naming the size limit', async () => {
  const c = await hostileCase('size');
  try {
    await catkinWorkspace(c, {
      'scripts/node.py': '#!/usr/bin/env python3\nimport not_installed_r11\n',
      'scripts/huge_node.py': `#!/usr/bin/env python3\nimport not_installed_r11_huge\n${'#'.repeat(6 * 1024 * 1024)}\n`,
    });
    const big = join(c.ws, 'src', 'big_pkg');
    await mkdir(big);
    const manifest = join(big, 'package.xml');
    const handle = await open(manifest, 'w');
    await handle.write(MANIFEST('big_pkg').replace('</package>', `<!--${'x'.repeat(50 * 1024 * 1024)}-->\n</package>`));
    await handle.close();
    const out = report(await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '10']));
    const skipped = findingsWith(out, 'workspace-file-skipped');
    const onManifest = skipped.find((finding) => finding.file === manifest);
    assert.ok(onManifest !== undefined, JSON.stringify(out.findings, null, 1));
    assert.match(onManifest.message, /MB/);
    assert.ok(
      skipped.some((finding) => finding.file?.endsWith('huge_node.py')),
      JSON.stringify(skipped, null, 1),
    );
    assert.ok(findingsWith(out, 'module-missing').some((finding) => finding.module === 'not_installed_r11'));
    assertTempRemoved(c);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});

test('a package of 100,000 files is walked up to a bound, with a finding saying where it stopped', async () => {
  const c = await hostileCase('many');
  try {
    const pkg = await catkinWorkspace(c, {
      'scripts/node.py': '#!/usr/bin/env python3\nimport not_installed_r11\n',
      'src/p/__init__.py': '',
    });
    for (let dir = 0; dir < 100; dir++) {
      const folder = join(pkg, 'src', 'p', `m${dir}`);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, '__init__.py'), '');
      for (let file = 0; file < 1000; file++) await writeFile(join(folder, `f${file}.py`), 'import os\n');
    }
    const out = report(await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '10']));
    const limit = findingsWith(out, 'workspace-file-skipped');
    assert.ok(
      limit.some((finding) => /files/.test(finding.message) && finding.file !== null && finding.file.startsWith(pkg)),
      JSON.stringify(out.findings, null, 1),
    );
    assert.ok(findingsWith(out, 'module-missing').some((finding) => finding.module === 'not_installed_r11'));
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
