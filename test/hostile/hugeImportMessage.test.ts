// Row 12: an import raising a 5 MB message is an import error with its message cut short, not "crashed (exit
// code 0)"; 12,000 sys.path entries leave the interpreter valid. The probe cuts its own output.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
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

test('a 5 MB exception message is a module-import-error; 12,000 sys.path entries are no reason to call the interpreter invalid', async () => {
  const c = await hostileCase('bigmessage');
  try {
    await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport raises_r12\n' });
    const site = join(c.root, 'site');
    await mkdir(site);
    await writeFile(join(site, 'raises_r12.py'), "raise RuntimeError('y' * 5000000)\n");
    await writeFile(
      join(site, 'sitecustomize.py'),
      "import sys\nsys.path.extend(['/nonexistent/r12/%s/entry%05d' % ('d' * 100, i) for i in range(12000)])\n",
    );
    const run = await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '30'], {
      env: { PYTHONPATH: site },
    });
    const out = report(run);
    assert.equal(out.interpreters[0]?.probe, 'ok', out.interpreters[0]?.detail ?? '');
    const errors = findingsWith(out, 'module-import-error').filter((finding) => finding.module === 'raises_r12');
    assert.equal(errors.length, 1, JSON.stringify(out.findings.map((finding) => [finding.code, finding.message.slice(0, 200)])));
    assert.match(errors[0]?.message ?? '', /RuntimeError/);
    assert.doesNotMatch(errors[0]?.message ?? '', /crash/);
    assert.equal(out.interpreters[0]?.modules.raises_r12?.status, 'error');
    assert.ok(run.stdout.length < 1_000_000, `the report is ${run.stdout.length} characters`);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
