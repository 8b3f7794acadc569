// Row 8 and --untrusted: checking a workspace one does not trust runs nothing from it. Canaries in a workspace
// venv's python, a shebang interpreter inside the workspace, its devel/setup.bash and a sitecustomize.py on a
// PYTHONPATH entry inside it each write a file when run; with --untrusted none is written, and what was skipped is
// one info finding. Without --untrusted the same canaries fire (they do detect running).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
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
  type HostileCase,
} from './hostileSupport';

before(ensureBuilt);

async function canaryWorkspace(c: HostileCase): Promise<{ canary: string; venvPython: string; env: Record<string, string> }> {
  const canary = join(c.root, 'canary');
  const venvPython = join(c.ws, '.venv', 'bin', 'python');
  await catkinWorkspace(c, {
    'scripts/node.py': `#!${venvPython}\nimport canary_mod_r8\n`,
    'scripts/plain.py': '#!/usr/bin/env python3\nimport json\n',
  });
  await mkdir(join(c.ws, '.venv', 'bin'), { recursive: true });
  await writeFile(join(c.ws, '.venv', 'pyvenv.cfg'), 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n');
  await writeFile(venvPython, `#!/bin/sh\necho venv-python >> ${JSON.stringify(canary)}\nexec /usr/bin/python3 "$@"\n`);
  await chmod(venvPython, 0o755);
  await mkdir(join(c.ws, 'devel'));
  await writeFile(join(c.ws, 'devel', 'setup.bash'), `echo setup.bash >> ${JSON.stringify(canary)}\n`);
  const lib = join(c.ws, 'lib');
  await mkdir(lib);
  await writeFile(join(lib, 'sitecustomize.py'), `open(${JSON.stringify(canary)}, 'a').write('sitecustomize\\n')\n`);
  return { canary, venvPython, env: { PYTHONPATH: lib } };
}

test('--untrusted runs and sources nothing from the workspace, and reports what it skipped as info', async () => {
  const c = await hostileCase('untrusted');
  try {
    const { canary, venvPython, env } = await canaryWorkspace(c);
    const run = await runCli(c, [c.ws, '--untrusted', '--python', SYSTEM_PYTHON, '--format', 'json', '--timeout', '20'], { env });
    const out = report(run);
    assert.equal(existsSync(canary), false, 'a canary fired: something inside the workspace was run or sourced');
    const skipped = findingsWith(out, 'untrusted-skipped');
    assert.equal(skipped.length, 1, JSON.stringify(out.findings, null, 1));
    assert.equal(skipped[0]?.severity, 'info');
    for (const path of [venvPython, join(c.ws, 'devel', 'setup.bash'), join(c.ws, 'lib')])
      assert.match(skipped[0]?.detail ?? '', new RegExp(path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.deepEqual(findingsWith(out, 'shebang-mismatch'), []);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});

test('--untrusted refuses an interpreter inside the workspace with a one-line error naming it', async () => {
  const c = await hostileCase('untrusted-python');
  try {
    const { canary, venvPython, env } = await canaryWorkspace(c);
    const run = await runCli(c, [c.ws, '--untrusted', '--python', venvPython, '--format', 'json'], { env });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--untrusted: .*is inside the untrusted workspace .*--python/);
    assert.equal(existsSync(canary), false);
  } finally {
    await c.cleanup();
  }
});

test('without --untrusted (CI=true does not imply it) the same canaries fire', async () => {
  const c = await hostileCase('trusted');
  try {
    const { canary, env } = await canaryWorkspace(c);
    report(await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--format', 'json', '--timeout', '20'], { env: { ...env, CI: 'true' } }));
    assert.equal(existsSync(canary), true);
  } finally {
    await c.cleanup();
  }
});
