import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shebangFix } from '../../../src/core/fixes/shebangFix';
import { parseShebang } from '../../../src/core/scan/importScanner';
import type { InterpreterRef } from '../../../src/core/interpreters/interpreter';

const system: InterpreterRef = {
  path: '/usr/bin/python3',
  realPath: '/usr/bin/python3.11',
  kind: 'system',
  source: 'selected',
  envPrefix: null,
  displayName: '/usr/bin/python3',
};

test('writes the selected interpreter as the user knows it into the shebang, keeping interpreter flags', () => {
  const shebang = parseShebang('#!/usr/bin/env python -u\nimport rospy\n');
  assert.ok(shebang);
  assert.deepEqual(shebangFix('/ws/src/demo/scripts/node.py', shebang, system, false), {
    kind: 'editShebang',
    title: 'Use /usr/bin/python3 in the shebang',
    file: '/ws/src/demo/scripts/node.py',
    line: 1,
    newText: '#!/usr/bin/python3 -u',
  });
});

test('prefers the portable /usr/bin/env python3 when that finds the selected interpreter', () => {
  const shebang = parseShebang('#!/usr/bin/python2.7\n');
  assert.ok(shebang);
  const fix = shebangFix('/ws/node.py', shebang, system, true);
  assert.equal(fix.kind === 'editShebang' ? fix.newText : null, '#!/usr/bin/env python3');
});
