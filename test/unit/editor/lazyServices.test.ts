import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lazyDoctorServices } from '../../../src/editor/lazyServices';
import type { DoctorServices } from '../../../src/editor/services';

test('the engine is not loaded until something asks for it, and loaded once', async () => {
  let loads = 0;
  const services = lazyDoctorServices(() => {
    loads++;
    return { processesSpawned: () => 7, rosInstalls: async () => ['/opt/ros/noetic'], fs: { stat: async () => undefined } } as unknown as DoctorServices;
  });
  assert.equal(services.processesSpawned(), 0);
  assert.equal(loads, 0);
  assert.deepEqual(await services.rosInstalls(), ['/opt/ros/noetic']);
  assert.equal(await services.fs.stat('/nowhere'), undefined);
  assert.equal(services.processesSpawned(), 7);
  assert.equal(loads, 1);
});

test('an asynchronous call loads the engine on a later turn, never inside the caller (activate)', async () => {
  let loads = 0;
  const services = lazyDoctorServices(() => {
    loads++;
    return { detectWorkspace: async () => null } as unknown as DoctorServices;
  });
  const pending = services.detectWorkspace('/ws');
  assert.equal(loads, 0, 'loaded synchronously inside the caller');
  assert.equal(await pending, null);
  assert.equal(loads, 1);
});
