import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lazyEngine } from '../../../src/editor/engineLoader';
import type { Engine } from '../../../src/node/engine';

const stand = { processesSpawned: () => 7 } as unknown as Engine;

test('the engine is not loaded until something asks for it, and then loaded once, as one object', async () => {
  let loads = 0;
  const engine = lazyEngine(() => {
    loads++;
    return stand;
  });
  assert.equal(engine.loaded(), undefined);
  assert.equal(loads, 0);
  const [first, second] = await Promise.all([engine.get(), engine.get()]);
  assert.equal(first, stand);
  assert.equal(second, stand);
  assert.equal(await engine.get(), stand);
  assert.equal(engine.loaded()?.processesSpawned(), 7);
  assert.equal(loads, 1);
});

test('asking loads the engine on a later turn, never inside the caller (activate)', async () => {
  let loads = 0;
  const engine = lazyEngine(() => {
    loads++;
    return stand;
  });
  const pending = engine.get();
  assert.equal(loads, 0, 'loaded synchronously inside the caller');
  await pending;
  assert.equal(loads, 1);
});
