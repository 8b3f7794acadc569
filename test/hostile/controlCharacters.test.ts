// Row 7: a file *name* with control characters must not reach the terminal raw: no title change, no OSC 52
// clipboard write, no screen clear. Text and markdown output show them escaped.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProcessLeft, catkinWorkspace, ensureBuilt, hostileCase, runCli, SYSTEM_PYTHON } from './hostileSupport';

before(ensureBuilt);

// Every C0 control but the newline, DEL and the C1 controls (U+0080–U+009F: 8-bit CSI/OSC).
// eslint-disable-next-line no-control-regex -- finding these characters is the test
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

test('text and markdown output escape control characters in file names and module names', async () => {
  const c = await hostileCase('control');
  try {
    await catkinWorkspace(c, {
      'scripts/n\u001b]0;X\u0007.py': '#!/usr/bin/env python3\nimport not_installed_r7\n',
      'scripts/c\u001b]52;c;aGk=\u0007\u001b[2J\u009b.py': '#!/usr/bin/env python3\nimport not_installed_r7b\n',
    });
    for (const format of ['text', 'markdown']) {
      const run = await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--no-color', '--format', format, '--timeout', '10']);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /not_installed_r7b?/);
      const raw = RAW_CONTROL.exec(run.stdout);
      assert.equal(raw, null, `${format}: raw control character U+${raw?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} in the output`);
      assert.match(run.stdout, /\\x1b\]0;X\\x07\.py/, `${format}: the escaped name is shown`);
      // eslint-disable-next-line no-control-regex -- an OSC sequence is what must not appear
      assert.doesNotMatch(run.stderr, /\u001b\]/);
    }
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
