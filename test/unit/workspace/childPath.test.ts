import { test } from 'node:test';
import assert from 'node:assert/strict';
import { posix as path } from 'node:path';
import fc from 'fast-check';
import { childPath } from '../../../src/core/workspace/childPath';

const COMPONENT = fc.stringMatching(/^[A-Za-z0-9_.é -]{1,12}$/);

test('childPath is what path.join gives for a folder in normal form and any name (a listing name or anything else)', () => {
  fc.assert(
    fc.property(
      fc.array(COMPONENT, { maxLength: 6 }),
      fc.oneof(COMPONENT, fc.constantFrom('', '.', '..', 'a/b', '../x', '/abs')),
      (parts, name) => {
        const dir = path.join('/', ...parts);
        assert.equal(childPath(dir, name), path.join(dir, name));
      },
    ),
    { seed: 20261128, numRuns: 3000 },
  );
  for (const [dir, name] of [
    ['/', 'src'],
    ['', 'x'],
    ['.', 'x'],
    ['rel/dir', 'x'],
  ] as const)
    assert.equal(childPath(dir, name), path.join(dir, name), `${dir} + ${name}`);
});
