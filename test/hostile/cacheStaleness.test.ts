// Row 10: an installed module edited in place (its folder's time unchanged) is probed again, not served "ok" from
// the cache while its import raises; --no-cache probes afresh and then refreshes the cache for the next run.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertNoProcessLeft,
  catkinWorkspace,
  ensureBuilt,
  findingsWith,
  hostileCase,
  report,
  runCli,
  SYSTEM_PYTHON,
} from './hostileSupport';

before(ensureBuilt);

test('editing site-packages/<mod>/core.py in place to raise is seen by the next cached run', async () => {
  const c = await hostileCase('cache-edit');
  try {
    await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport editme_r10\n' });
    const pkg = join(c.root, 'site', 'editme_r10');
    await mkdir(pkg, { recursive: true });
    await writeFile(join(pkg, '__init__.py'), 'from . import core\n');
    await writeFile(join(pkg, 'core.py'), 'VALUE = 1\n');
    const args = [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '20'];
    const env = { PYTHONPATH: join(c.root, 'site') };
    const first = report(await runCli(c, args, { env }));
    assert.equal(first.interpreters[0]?.modules.editme_r10?.status, 'ok');
    await writeFile(join(pkg, 'core.py'), "raise RuntimeError('broken_r10_on_purpose')\n");
    const second = report(await runCli(c, args, { env }));
    assert.equal(second.interpreters[0]?.modules.editme_r10?.status, 'error', JSON.stringify(second.interpreters[0]?.modules.editme_r10));
    assert.equal(findingsWith(second, 'module-import-error').filter((finding) => finding.module === 'editme_r10').length, 1);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});

test('--no-cache probes afresh and refreshes the cache file', async () => {
  const c = await hostileCase('cache-refresh');
  try {
    await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport single_r10\n' });
    const site = join(c.root, 'site');
    await mkdir(site);
    await writeFile(join(site, 'single_r10.py'), 'VALUE = 1\n');
    const args = [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '20'];
    const env = { PYTHONPATH: site };
    report(await runCli(c, args, { env }));
    await writeFile(join(site, 'single_r10.py'), "raise RuntimeError('refreshed_r10_on_purpose')\n");
    const fresh = report(await runCli(c, [...args, '--no-cache'], { env }));
    assert.equal(fresh.interpreters[0]?.modules.single_r10?.status, 'error');
    const saved = readFileSync(join(c.cache, 'ros-env-doctor', 'probes.json'), 'utf8');
    assert.match(saved, /refreshed_r10_on_purpose/, 'the --no-cache run saved what it found');
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
