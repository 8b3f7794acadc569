import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shellLine, shellQuote } from '../../../src/core/fixes/shellQuote';

test('leaves plain paths and pip requirement specifiers bare so commands read naturally', () => {
  assert.equal(
    shellLine(['/usr/bin/python3', '-m', 'pip', 'install', 'empy==3.3.4', ':all:']),
    '/usr/bin/python3 -m pip install empy==3.3.4 :all:',
  );
});

test('quotes a path with spaces so it stays one word', () => {
  assert.equal(shellQuote('/home/me/my ws/devel/setup.bash'), "'/home/me/my ws/devel/setup.bash'");
});

test('quotes single quotes, dollars, globs and the empty word', () => {
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
  assert.equal(shellQuote('$HOME/*'), "'$HOME/*'");
  assert.equal(shellQuote(''), "''");
  assert.equal(shellQuote('~/ws'), "'~/ws'");
});
