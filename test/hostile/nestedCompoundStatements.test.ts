// Row 1: a node file of nested one-line compound statements must not crash the scanner (it runs in the extension
// host too): the import after them is still found and reported.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { scanImports } from '../../src/core/scan/importScanner';
import {
  assertNoProcessLeft,
  assertTempRemoved,
  assertUnchanged,
  catkinWorkspace,
  ensureBuilt,
  findingsWith,
  hostileCase,
  report,
  runCli,
  snapshot,
  SYSTEM_PYTHON,
} from './hostileSupport';

before(ensureBuilt);

test('the scanner reads 1 MB of `if x: ` on one line without recursion and finds the import at its end', () => {
  for (const repeat of [11_000, 180_000]) {
    const text = `${'if x: '.repeat(repeat)}import not_installed_r1\n`;
    const scan = scanImports(text);
    assert.deepEqual(
      scan.imports.map((site) => site.module),
      ['not_installed_r1'],
    );
  }
});

test('the CLI reports the missing import of a node whose one line is `if x: ` × 180,000 then an import', async () => {
  const c = await hostileCase('nested');
  try {
    const pkg = await catkinWorkspace(c, {
      'scripts/node.py': `#!/usr/bin/env python3\n${'if x: '.repeat(180_000)}import not_installed_r1\n`,
    });
    const before = snapshot(c.ws);
    const out = report(await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '10']));
    const missing = findingsWith(out, 'module-missing').filter((finding) => finding.module === 'not_installed_r1');
    assert.equal(missing.length, 1, JSON.stringify(out.findings, null, 1));
    assert.equal(missing[0]?.file, join(pkg, 'scripts', 'node.py'));
    assert.equal(missing[0]?.line, 2);
    assertUnchanged(before, snapshot(c.ws));
    assertTempRemoved(c);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
