// Row 16: a cache that cannot be saved (its path is a folder) leaves no probes.json.<pid>.tmp behind, and says
// which file and what to do.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoProcessLeft, catkinWorkspace, ensureBuilt, hostileCase, report, runCli, SYSTEM_PYTHON } from './hostileSupport';

before(ensureBuilt);

test('a failed cache save leaves no temporary file and names the cache file', async () => {
  const c = await hostileCase('cachedir');
  try {
    await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport json\n' });
    const cacheDir = join(c.cache, 'ros-env-doctor');
    await mkdir(join(cacheDir, 'probes.json'), { recursive: true });
    const run = await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '10']);
    report(run);
    assert.deepEqual(readdirSync(cacheDir), ['probes.json']);
    assert.match(run.stderr, /probes\.json/);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
