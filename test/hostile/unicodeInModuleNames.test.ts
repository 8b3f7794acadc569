// Row 15: Python's identifiers exclude the no-break space, the BOM, U+2028 and U+3000; a line that puts one after a
// module name is one Python rejects, and the doctor must never suggest installing `yaml\u00a0`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { scanImports } from '../../src/core/scan/importScanner';
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

const NOT_NAME_CHARACTERS = ['\u00a0', '\ufeff', '\u2028', '\u3000'];
const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*(\.[\p{XID_Start}_][\p{XID_Continue}]*)*$/u;

test('no scanned module name holds a character Python does not allow in an identifier', () => {
  for (const character of NOT_NAME_CHARACTERS) {
    const scan = scanImports(`import yaml${character}\nfrom cv2${character}x import y\nimport not_installed_r15\n`);
    for (const site of scan.imports) assert.match(site.module, IDENTIFIER, JSON.stringify(site.module));
    assert.ok(scan.imports.some((site) => site.module === 'not_installed_r15'));
  }
});

test('identifiers Python accepts are still read whole: non-ASCII letters and NFKC forms', () => {
  assert.deepEqual(
    scanImports('import café_mod\n').imports.map((site) => site.module),
    ['café_mod'],
  );
  assert.deepEqual(
    scanImports('import \uff59aml\n').imports.map((site) => site.module),
    ['yaml'],
  );
});

test('the CLI suggests no module whose name ends in a no-break space, BOM, U+2028 or U+3000', async () => {
  const c = await hostileCase('unicode');
  try {
    const lines = NOT_NAME_CHARACTERS.map((character) => `import not_installed_r15b${character}`).join('\n');
    await catkinWorkspace(c, { 'scripts/node.py': `#!/usr/bin/env python3\nimport not_installed_r15\n${lines}\n` });
    const out = report(await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '10']));
    const modules = findingsWith(out, 'module-missing').map((finding) => finding.module ?? '');
    assert.ok(modules.includes('not_installed_r15'), JSON.stringify(modules));
    for (const module of modules) assert.match(module, IDENTIFIER, JSON.stringify(module));
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
