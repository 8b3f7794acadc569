// Row 14: setup-script-failed says the real cause. 200 MB printed by the setup script is noise, not "an
// environment larger than 8 MB"; a 9 MB variable is named as what stops programs from starting.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertNoProcessLeft,
  assertTempRemoved,
  catkinWorkspace,
  ensureBuilt,
  findingsWith,
  hostileCase,
  report,
  runCli,
  SYSTEM_PYTHON,
} from './hostileSupport';

before(ensureBuilt);

async function withSetup(label: string, script: string) {
  const c = await hostileCase(label);
  await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport json\n' });
  await mkdir(join(c.ws, 'devel'));
  await writeFile(join(c.ws, 'devel', 'setup.bash'), script);
  return c;
}

test('a setup script printing 200 MB is sourced: its environment is used', async () => {
  const c = await withSetup('setup200', "head -c 200000000 /dev/zero | tr '\\0' x\nexport R14_SOURCED=1\n");
  try {
    const out = report(await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--format', 'json', '--timeout', '60']));
    assert.deepEqual(findingsWith(out, 'setup-script-failed'), [], JSON.stringify(out.findings, null, 1));
    assertTempRemoved(c);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});

test('a 9 MB variable left by the setup script is named in setup-script-failed', async () => {
  const c = await withSetup('setup9mb', 'export R14_HUGE="$(head -c 9000000 /dev/zero | tr \'\\0\' x)"\n');
  try {
    const out = report(await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--format', 'json', '--timeout', '60']));
    const failed = findingsWith(out, 'setup-script-failed');
    assert.equal(failed.length, 1, JSON.stringify(out.findings, null, 1));
    assert.match(failed[0]?.detail ?? '', /R14_HUGE/);
    assert.doesNotMatch(failed[0]?.detail ?? '', /Success|larger than/);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
