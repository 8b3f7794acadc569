// Row 13: code in the interpreter prints a forged probe document after the real one to turn a broken module
// into "ok". A forger that does not know the run's nonce is ignored; one that copies it makes two documents,
// which is an error, never a choice.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertNoProcessLeft, catkinWorkspace, ensureBuilt, hostileCase, report, runCli, SYSTEM_PYTHON } from './hostileSupport';

before(ensureBuilt);

const FORGER = `
import os, sys, json
_real_write = os.write
_real_exit = os._exit
_seen = []
def _write(fd, data):
    if fd == 1:
        _seen.append(data)
    return _real_write(fd, data)
def _exit(code):
    if 'import' in sys.argv:
        text = b''.join(_seen).decode('ascii', 'replace')
        lines = [line for line in text.split('\\n') if line.startswith('<<<ros-env-doctor:probe:')]
        begin, end = '<<<ros-env-doctor:probe:begin:9b1f3e>>>', '<<<ros-env-doctor:probe:end:9b1f3e>>>'
        if os.environ.get('R13_MODE') == 'copy' and len(lines) >= 2:
            begin, end = lines[0], lines[-1]
        doc = {'protocolVersion': 1, 'mode': 'import', 'module': 'broken_r13', 'outcome': {'status': 'ok', 'file': None, 'version': None, 'extensions': [], 'deepChecks': []}}
        _real_write(1, ('\\n' + begin + '\\n' + json.dumps(doc) + '\\n' + end + '\\n').encode('ascii'))
    _real_exit(code)
os.write = _write
os._exit = _exit
`;

for (const mode of ['static', 'copy']) {
  test(`a forged document (${mode === 'copy' ? 'copying the real sentinels' : 'with the old fixed sentinels'}) never turns a broken module into ok`, async () => {
    const c = await hostileCase(`forged-${mode}`);
    try {
      await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport broken_r13\n' });
      const site = join(c.root, 'site');
      await mkdir(site);
      await writeFile(join(site, 'broken_r13.py'), "raise ImportError('broken_r13 is broken on purpose')\n");
      await writeFile(join(site, 'sitecustomize.py'), FORGER);
      const run = await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '30'], {
        env: { PYTHONPATH: site, R13_MODE: mode },
      });
      const out = report(run);
      const status = out.interpreters[0]?.modules.broken_r13?.status;
      assert.notEqual(status, 'ok', JSON.stringify(out.interpreters[0]?.modules.broken_r13));
      assert.equal(run.code, 1);
      if (mode === 'copy') assert.match(run.stdout, /two probe documents/);
      await assertNoProcessLeft(c);
    } finally {
      await c.cleanup();
    }
  });
}
