// Row 3: Ctrl-C, SIGTERM and SIGHUP while a probe hangs in a sitecustomize that started `sleep 600`: the CLI kills
// every process group it started, removes its temp folder, and exits 130, 143 or 129.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertNoProcessLeft,
  assertTempRemoved,
  catkinWorkspace,
  ensureBuilt,
  hostileCase,
  recordedPids,
  recordPid,
  runCli,
  SYSTEM_PYTHON,
} from './hostileSupport';

before(ensureBuilt);

const EXPECTED: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

for (const [signal, code] of Object.entries(EXPECTED)) {
  test(`${signal} while probes hang: every probe process and its children are gone, the temp folder removed, exit ${code}`, async () => {
    const c = await hostileCase(`signal-${signal}`);
    try {
      await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport json\n' });
      const site = join(c.root, 'site');
      await mkdir(site);
      await writeFile(
        join(site, 'sitecustomize.py'),
        [
          'import os, subprocess, time',
          recordPid(c),
          `child = subprocess.Popen(['sleep', '600'])`,
          recordPid(c, 'child.pid'),
          'while True:',
          '    time.sleep(0.1)',
          '',
        ].join('\n'),
      );
      let sent = false;
      const run = await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '100'], {
        env: { PYTHONPATH: site },
        onSpawn: (child) => {
          const poll = setInterval(() => {
            if (recordedPids(c).length >= 2) {
              clearInterval(poll);
              sent = true;
              child.kill(signal as NodeJS.Signals);
            }
          }, 100);
          child.on('close', () => clearInterval(poll));
        },
      });
      assert.ok(sent, `the sitecustomize never ran; stderr: ${run.stderr}`);
      assert.equal(run.killedByTest, false, 'the CLI did not exit on the signal');
      assert.equal(run.code, code, `exit ${run.code} signal ${run.signal}; stderr: ${run.stderr}`);
      await assertNoProcessLeft(c);
      assertTempRemoved(c);
    } finally {
      await c.cleanup();
    }
  });
}
