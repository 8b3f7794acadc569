import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseShell, environmentCacheKey, parseEnvOutput, withoutShellNoise } from '../../../src/node/envCapture';

const MARKER = '<<<ros-env-doctor:env:test>>>';

test('env -0 output keeps values with newlines and = signs whole', () => {
  const stdout = `${MARKER}ROS_DISTRO=noetic\0PS1=line one\nline two\0EQ=a=b=c\0EMPTY=\0`;
  assert.deepEqual(parseEnvOutput(stdout, MARKER), { ROS_DISTRO: 'noetic', PS1: 'line one\nline two', EQ: 'a=b=c', EMPTY: '' });
});

test('anything before the marker (a setup script that wrote to stdout) is ignored', () => {
  const stdout = `Sourcing ROS...\nFAKE=1\0${MARKER}A=1\0`;
  assert.deepEqual(parseEnvOutput(stdout, MARKER), { A: '1' });
});

test('output without the marker means no environment was printed', () => {
  assert.equal(parseEnvOutput('A=1\0B=2\0', MARKER), null);
});

test("the shell's own variables are dropped, or keep the values the base environment had", () => {
  const vars = { _: '/usr/bin/env', SHLVL: '1', PWD: '/ws', ROS_DISTRO: 'noetic' };
  assert.deepEqual(withoutShellNoise(vars, {}), { ROS_DISTRO: 'noetic' });
  assert.deepEqual(withoutShellNoise(vars, { PWD: '/home/u', SHLVL: '2' }), { ROS_DISTRO: 'noetic', PWD: '/home/u', SHLVL: '2' });
});

test('the cache key changes when a setup file is rebuilt or the base environment changes, not when env order does', () => {
  const base = {
    script: '/ws/devel/setup.bash',
    shell: '/usr/bin/bash',
    stamps: [
      ['setup.bash', 10],
      ['setup.sh', 11],
      ['_setup_util.py', 12],
    ] as const,
    baseEnv: { A: '1', B: '2' },
  };
  const key = environmentCacheKey(base);
  assert.equal(environmentCacheKey({ ...base, baseEnv: { B: '2', A: '1' } }), key);
  assert.notEqual(
    environmentCacheKey({
      ...base,
      stamps: [
        ['setup.bash', 10],
        ['setup.sh', 11],
        ['_setup_util.py', 13],
      ],
    }),
    key,
  );
  assert.notEqual(
    environmentCacheKey({
      ...base,
      stamps: [
        ['setup.bash', 10],
        ['setup.sh', 11],
        ['_setup_util.py', null],
      ],
    }),
    key,
  );
  assert.notEqual(environmentCacheKey({ ...base, baseEnv: { A: '1', B: '3' } }), key);
  assert.notEqual(environmentCacheKey({ ...base, baseEnv: { 'A=1\0B': '2' } }), environmentCacheKey({ ...base, baseEnv: { A: '1\0B=2' } }));
  assert.notEqual(environmentCacheKey({ ...base, shell: '/usr/bin/zsh' }), key);
});

test("the user's shell is used when it is bash or zsh, else bash", () => {
  assert.deepEqual(chooseShell(undefined, '/usr/bin/zsh'), { name: 'zsh', command: '/usr/bin/zsh' });
  assert.deepEqual(chooseShell(undefined, '/usr/bin/fish'), { name: 'bash', command: 'bash' });
  assert.deepEqual(chooseShell('bash', '/usr/bin/zsh'), { name: 'bash', command: 'bash' });
  assert.deepEqual(chooseShell(undefined, undefined), { name: 'bash', command: 'bash' });
});
