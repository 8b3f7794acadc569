// The Node process runner (execa) on real processes: what a cancelled run leaves behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExecaRunner } from '../../src/node/execaRunner';

test('a run cancelled the moment it is asked for (execa still loading) is stopped, not left to finish', async () => {
  const runner = createExecaRunner();
  const cancel = new AbortController();
  const running = runner.run('/bin/sh', ['-c', 'sleep 1; echo finished'], {
    timeoutMs: 20_000,
    maxOutputBytes: 4096,
    signal: cancel.signal,
  });
  cancel.abort();
  assert.deepEqual(await running, { kind: 'aborted' });
});
