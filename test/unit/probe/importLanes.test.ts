import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headStart, importLanes } from '../../../src/core/probe/importLanes';

test('one slot: every import in one process, the costliest first', () => {
  assert.deepEqual(importLanes(['yaml', 'rospy', 'torch', 'cv_bridge'], 1), [['torch', 'cv_bridge', 'rospy', 'yaml']]);
});

test('two slots: the costliest import alone, the others together in the second process', () => {
  assert.deepEqual(importLanes(['std_msgs', 'rospy', 'numpy', 'torch', 'cv_bridge'], 2), [
    ['torch'],
    ['cv_bridge', 'rospy', 'numpy', 'std_msgs'],
  ]);
});

test('two heavy imports each get a lane of their own, the rest goes to the lighter one', () => {
  assert.deepEqual(importLanes(['torch', 'tensorflow', 'yaml'], 2), [['torch', 'yaml'], ['tensorflow']]);
});

test('never more lanes than modules, and nothing for no modules', () => {
  assert.deepEqual(importLanes(['rospy', 'yaml'], 8), [['rospy'], ['yaml']]);
  assert.deepEqual(importLanes([], 2), []);
});

test('head start: the costliest import when it runs alone in its lane, with a slot left for the facts pass', () => {
  assert.equal(headStart(['std_msgs', 'rospy', 'numpy', 'torch', 'cv_bridge'], 2), 'torch');
  assert.equal(headStart(['rospy', 'yaml'], 4), 'rospy');
});

test('no head start with one slot, when the costliest shares its lane, or for a module of unknown cost', () => {
  assert.equal(headStart(['torch', 'rospy'], 1), undefined);
  assert.equal(headStart(['torch', 'tensorflow', 'yaml'], 2), undefined);
  assert.equal(headStart(['my_pkg', 'other_pkg'], 2), undefined);
  assert.equal(headStart([], 2), undefined);
});
