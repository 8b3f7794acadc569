// Row 5: the shebang fix never writes a path the kernel cannot run (a space ends the interpreter's path) or one
// that inserts a second line into the node (a newline): it writes the /usr/bin/env form, or offers no edit and
// says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shebangFix } from '../../src/core/fixes/shebangFix';
import { parseShebang } from '../../src/core/scan/importScanner';
import type { InterpreterRef } from '../../src/core/interpreters/interpreter';

function venv(path: string): InterpreterRef {
  return {
    path,
    realPath: '/usr/bin/python3.11',
    kind: 'venv',
    source: 'selected',
    envPrefix: path.replace(/\/bin\/python$/, ''),
    displayName: path,
  };
}

test('a selected interpreter under "My Envs/" gets an /usr/bin/env -S line that runs it', () => {
  const shebang = parseShebang('#!/usr/bin/python3 -u\nimport rospy\n');
  assert.ok(shebang);
  const fix = shebangFix('/ws/node.py', shebang, venv('/home/u/My Envs/ros/bin/python'), false);
  assert.equal(fix.kind, 'editShebang');
  if (fix.kind !== 'editShebang') return;
  assert.equal(fix.newText, "#!/usr/bin/env -S '/home/u/My Envs/ros/bin/python' -u");
  assert.doesNotMatch(fix.newText, /\n/);
});

test('a path with a newline or other control character gets no shebang edit, and the reason is given', () => {
  const shebang = parseShebang('#!/usr/bin/python3\n');
  assert.ok(shebang);
  for (const path of ['/home/u/My\nEnvs/bin/python', '/home/u/a\u0007b/bin/python']) {
    const fix = shebangFix('/ws/node.py', shebang, venv(path), false);
    assert.notEqual(fix.kind, 'editShebang');
    assert.match(fix.title, /cannot be written in a shebang/);
  }
});
