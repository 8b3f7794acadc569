import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parsePyenvShim,
  parseVersionFile,
  parseVersionVariable,
  resolveVersionName,
  sortVersions,
} from '../../../src/core/interpreters/pyenvShim';

const SHIM = `#!/usr/bin/env bash
set -e
[ -n "$PYENV_DEBUG" ] && set -x

program="\${0##*/}"

export PYENV_ROOT="/root/.pyenv"
exec "/root/.pyenv/libexec/pyenv" exec "$program" "$@"
`;

test('a pyenv shim is recognised and names its pyenv root', () => {
  assert.deepEqual(parsePyenvShim(SHIM), { pyenvRoot: '/root/.pyenv' });
  assert.equal(parsePyenvShim('#!/bin/sh\nexec /usr/bin/python3 "$@"\n'), null);
  assert.equal(parsePyenvShim('\x7fELF\x02\x01'), null);
});

test('.python-version files list versions per line, skip comments and refuse paths', () => {
  assert.deepEqual(parseVersionFile('3.11.7\n'), ['3.11.7']);
  assert.deepEqual(parseVersionFile('# pinned for ROS\n3.8.18 2.7.18\n\nsystem\n'), ['3.8.18', '2.7.18', 'system']);
  assert.deepEqual(parseVersionFile('../../etc\n3.9\n'), ['3.9']);
  assert.deepEqual(parseVersionVariable('3.12.1:system'), ['3.12.1', 'system']);
});

test('a version prefix means the latest installed final release, as `pyenv latest` does', () => {
  const installed = ['2.7.18', '3.9.18', '3.10.13', '3.10.2', '3.12.1', '3.12-dev', 'ros-venv'];
  assert.equal(resolveVersionName('3.10', installed), '3.10.13');
  assert.equal(resolveVersionName('3', installed), '3.12.1');
  assert.equal(resolveVersionName('python-3.9.18', installed), '3.9.18');
  assert.equal(resolveVersionName('ros-venv', installed), 'ros-venv');
  assert.equal(resolveVersionName('system', installed), 'system');
  assert.equal(resolveVersionName('3.6', installed), null);
});

test('versions sort numerically (3.9 before 3.10), named ones last', () => {
  assert.deepEqual(sortVersions(['3.10.13', 'ros-venv', '2.7.18', '3.9.18']), ['2.7.18', '3.9.18', '3.10.13', 'ros-venv']);
});
