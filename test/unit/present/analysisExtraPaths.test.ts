import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proposeExtraPaths } from '../../../src/core/present/analysisExtraPaths';

test('proposes the sourced PYTHONPATH entries the setting lacks, in their order, after the existing ones', () => {
  const proposal = proposeExtraPaths('/ws/devel/lib/python3/dist-packages:/opt/ros/noetic/lib/python3/dist-packages', ['/home/me/tools']);
  assert.deepEqual(proposal.missing, ['/ws/devel/lib/python3/dist-packages', '/opt/ros/noetic/lib/python3/dist-packages']);
  assert.deepEqual(proposal.value, ['/home/me/tools', '/ws/devel/lib/python3/dist-packages', '/opt/ros/noetic/lib/python3/dist-packages']);
});

test('entries already there (with or without a trailing slash), repeated ones and empty ones are not added', () => {
  const proposal = proposeExtraPaths('/opt/ros/noetic/lib/python3/dist-packages/::/a:/a:', ['/opt/ros/noetic/lib/python3/dist-packages']);
  assert.deepEqual(proposal.missing, ['/a']);
});

test('nothing to propose without a PYTHONPATH', () => {
  assert.deepEqual(proposeExtraPaths(undefined, ['/x']), { missing: [], value: ['/x'] });
  assert.deepEqual(proposeExtraPaths('', []).missing, []);
});
