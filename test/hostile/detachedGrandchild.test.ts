// Row 9: a sitecustomize that forks, setsid()s and execs `sleep 600` keeping fd 1 must not turn a finished probe
// into a timeout: "finished" is the process exiting. The daemon is reported, not killed (the doctor did not start
// it); the test stops it. A setup.bash that starts such a daemon still yields its environment.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  catkinWorkspace,
  ensureBuilt,
  findingsWith,
  hostileCase,
  killRecorded,
  recordedPids,
  recordPid,
  report,
  runCli,
  SYSTEM_PYTHON,
} from './hostileSupport';

before(ensureBuilt);

test("a daemon holding the probe's stdout does not make the probe time out, and is reported", async () => {
  const c = await hostileCase('grandchild');
  try {
    await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport json_r9\n' });
    const site = join(c.root, 'site');
    await mkdir(site);
    await writeFile(join(site, 'json_r9.py'), 'VALUE = 1\n');
    await writeFile(
      join(site, 'sitecustomize.py'),
      [
        'import os',
        'pid = os.fork()',
        'if pid == 0:',
        '    os.setsid()',
        "    os.execvp('sleep', ['sleep', '600'])",
        recordPid(c, 'pid'),
        '',
      ].join('\n'),
    );
    const run = await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '30'], {
      env: { PYTHONPATH: site },
    });
    const out = report(run);
    assert.deepEqual(findingsWith(out, 'probe-timeout'), [], JSON.stringify(out.findings, null, 1));
    assert.equal(out.interpreters[0]?.modules.json_r9?.status, 'ok');
    assert.match(run.stderr, /left a process running/);
    assert.ok(recordedPids(c).length >= 1);
  } finally {
    killRecorded(c);
    await c.cleanup();
  }
});

test('a setup.bash that starts `setsid sleep 600 &` is sourced: its environment is used, no setup-script-failed', async () => {
  const c = await hostileCase('setupdaemon');
  try {
    await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport json\n' });
    await mkdir(join(c.ws, 'devel'));
    await writeFile(
      join(c.ws, 'devel', 'setup.bash'),
      [`setsid sleep 600 &`, `echo $! >> ${JSON.stringify(c.pidFile)}`, 'export R9_SOURCED=1', ''].join('\n'),
    );
    const out = report(await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--format', 'json', '--timeout', '30']));
    assert.deepEqual(findingsWith(out, 'setup-script-failed'), [], JSON.stringify(out.findings, null, 1));
    assert.ok(recordedPids(c).length >= 1);
  } finally {
    killRecorded(c);
    await c.cleanup();
  }
});
