import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Prober, ProbeRequest } from '../../../src/core/probe/prober';
import type { InterpreterProbe } from '../../../src/core/probe/probeResult';
import { sharingProber } from '../../../src/core/probe/sharedProbes';

function countingProber(): Prober & { readonly runs: ProbeRequest[] } {
  const runs: ProbeRequest[] = [];
  return {
    runs,
    probe(request) {
      runs.push(request);
      const result: InterpreterProbe = {
        kind: 'invalid',
        interpreter: request.interpreter,
        reason: 'not-found',
        detail: `run ${runs.length}`,
      };
      return new Promise((resolve) => setTimeout(() => resolve(result), 5));
    },
    prove: () => Promise.reject(new Error('not asked')),
    get processesSpawned() {
      return runs.length;
    },
  };
}

const ref = {
  path: '/usr/bin/python3',
  realPath: '/usr/bin/python3.11',
  kind: 'system',
  source: 'selected',
  envPrefix: null,
  displayName: 'python3',
} as const;
const request = (signal?: AbortSignal): ProbeRequest => ({
  interpreter: ref,
  modules: ['rospy', 'torch'],
  env: { PATH: '/usr/bin' },
  environment: 'sourced',
  timeoutMs: 1000,
  ...(signal === undefined ? {} : { signal }),
});

test('the same probe asked twice by one check runs once', async () => {
  const inner = countingProber();
  const shared = sharingProber(inner);
  const signal = new AbortController().signal;
  const [a, b] = await Promise.all([shared.probe(request(signal)), shared.probe({ ...request(signal), modules: ['torch', 'rospy'] })]);
  assert.equal(inner.runs.length, 1);
  assert.equal(a, b);
  // Once settled it is not kept: the probe cache, not this, answers later checks.
  await shared.probe(request(signal));
  assert.equal(inner.runs.length, 2);
});

test("a newer check never gets a cancelled check's run, and different questions are not shared", async () => {
  const inner = countingProber();
  const shared = sharingProber(inner);
  await Promise.all([shared.probe(request(new AbortController().signal)), shared.probe(request(new AbortController().signal))]);
  assert.equal(inner.runs.length, 2);
  await Promise.all([
    shared.probe(request()),
    shared.probe({ ...request(), specOnly: true }),
    shared.probe({ ...request(), environment: 'plain' }),
  ]);
  assert.equal(inner.runs.length, 5);
});
