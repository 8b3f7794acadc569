import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deepChecksFor } from '../../../src/core/probe/deepChecks';
import { stableHash } from '../../../src/core/probe/stableHash';

test('cv_bridge is checked through its boost module and cv2, torch through torch._C', () => {
  assert.deepEqual(deepChecksFor('cv_bridge'), ['cv_bridge.boost.cv_bridge_boost', 'cv2']);
  assert.deepEqual(deepChecksFor('torch'), ['torch._C']);
  // numpy 2 first (numpy._core), numpy 1 next: the probe imports the first whose module exists.
  assert.deepEqual(deepChecksFor('numpy'), ['numpy._core._multiarray_umath|numpy.core._multiarray_umath']);
  assert.deepEqual(deepChecksFor('rospy'), []);
});

test('the environment fingerprint ignores variable order and sees every value change', () => {
  assert.equal(stableHash({ A: '1', B: '2' }), stableHash({ B: '2', A: '1' }));
  assert.notEqual(stableHash({ A: '1', B: '2' }), stableHash({ A: '1', B: '3' }));
  assert.notEqual(stableHash({ A: 'b=c' }), stableHash({ 'A=b': 'c' }));
  assert.match(stableHash({}), /^[0-9a-f]{16}$/);
});
