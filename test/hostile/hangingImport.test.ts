// Row 4: a module that deadlocks at import is imported once per run: after it timed out in the selected
// interpreter, the other interpreters are not made to hang on it too (unless --all asks for the full matrix).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { pyenvRoot } from '../support/prerequisites';
import {
  assertNoProcessLeft,
  catkinWorkspace,
  ensureBuilt,
  findingsWith,
  hostileCase,
  recordedPids,
  recordPid,
  report,
  runCli,
  SYSTEM_PYTHON,
} from './hostileSupport';

before(ensureBuilt);

test('a deadlocking import times out once, in the selected interpreter only', async () => {
  const c = await hostileCase('deadlock');
  try {
    await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport deadlock_r4\n' });
    const lib = join(c.root, 'lib');
    await mkdir(lib);
    await writeFile(
      join(lib, 'deadlock_r4.py'),
      [
        'import os, threading',
        recordPid(c),
        'lock = threading.Lock()',
        'lock.acquire()',
        't = threading.Thread(target=lock.acquire)',
        't.start()',
        't.join()',
        '',
      ].join('\n'),
    );
    // pyenv's versions are the other interpreters the doctor would look for one that works in.
    const root = pyenvRoot();
    assert.ok(root !== null && readdirSync(join(root, 'versions')).length >= 2, 'pyenv with several Python versions is installed');
    const run = await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '3'], {
      env: { PYTHONPATH: lib, PYENV_ROOT: pyenvRoot() ?? '/nonexistent' },
    });
    const out = report(run);
    const timeouts = findingsWith(out, 'probe-timeout').filter((finding) => finding.module === 'deadlock_r4');
    assert.ok(timeouts.length >= 1, JSON.stringify(out.findings, null, 1));
    assert.equal(recordedPids(c).length, 1, `imported ${recordedPids(c).length} times`);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
