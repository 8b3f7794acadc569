import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandInterpreterSetting, Settings, type RawSettings } from '../../../src/editor/settings';

const raw =
  (values: Record<string, unknown>): RawSettings =>
  (key) =>
    values[key];

test('uses the documented defaults when nothing is set', () => {
  const parsed = Settings.from(raw({}));
  assert.deepEqual(parsed.value, {
    extraModules: [],
    ignoreModules: [],
    probeTimeoutSeconds: 15,
    setupScript: { kind: 'auto' },
    shell: 'auto',
    probeAllInterpreters: true,
  });
  assert.deepEqual(parsed.problems, []);
});

test('keeps valid values and reads a setup script path', () => {
  const parsed = Settings.from(
    raw({
      extraModules: ['netifaces', ' tf2_ros '],
      ignoreModules: ['my_robot.hw'],
      probeTimeoutSeconds: 30,
      setupScript: '/opt/ros/noetic/setup.bash',
      shell: 'zsh',
      probeAllInterpreters: false,
    }),
  );
  assert.deepEqual(parsed.value.extraModules, ['netifaces', 'tf2_ros']);
  assert.deepEqual(parsed.value.ignoreModules, ['my_robot.hw']);
  assert.equal(parsed.value.probeTimeoutSeconds, 30);
  assert.deepEqual(parsed.value.setupScript, { kind: 'path', path: '/opt/ros/noetic/setup.bash' });
  assert.equal(parsed.value.shell, 'zsh');
  assert.equal(parsed.value.probeAllInterpreters, false);
  assert.equal(Settings.from(raw({ setupScript: 'off' })).value.setupScript.kind, 'off');
});

test('replaces wrong values by defaults and names each problem', () => {
  const parsed = Settings.from(
    raw({
      extraModules: 'torch',
      ignoreModules: ['ok_mod', 'not a module', 3],
      probeTimeoutSeconds: -1,
      setupScript: 42,
      shell: 'fish',
      probeAllInterpreters: 'yes',
    }),
  );
  assert.deepEqual(parsed.value.extraModules, []);
  assert.deepEqual(parsed.value.ignoreModules, ['ok_mod']);
  assert.equal(parsed.value.probeTimeoutSeconds, 15);
  assert.deepEqual(parsed.value.setupScript, { kind: 'auto' });
  assert.equal(parsed.value.shell, 'auto');
  assert.equal(parsed.value.probeAllInterpreters, true);
  assert.equal(parsed.problems.length, 7);
  assert.ok(parsed.problems.some((problem) => problem.includes('"not a module"')));
});

test('expands ${workspaceFolder}, ${env:X} and ~ in python.defaultInterpreterPath, and treats bare "python" as unset', () => {
  assert.equal(expandInterpreterSetting('${workspaceFolder}/.venv/bin/python', '/ws', {}), '/ws/.venv/bin/python');
  assert.equal(expandInterpreterSetting('${env:CONDA}/bin/python', '/ws', { CONDA: '/opt/conda' }), '/opt/conda/bin/python');
  assert.equal(expandInterpreterSetting('~/venv/bin/python', '/ws', { HOME: '/home/u' }), '/home/u/venv/bin/python');
  assert.equal(expandInterpreterSetting('python', '/ws', {}), null);
  assert.equal(expandInterpreterSetting(undefined, '/ws', {}), null);
});
