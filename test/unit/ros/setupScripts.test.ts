import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preferredSetupScripts, SETUP_SCRIPT_GLOB } from '../../../src/core/ros/setupScripts';

test('one preference order: devel, devel_isolated, install, then the distro', () => {
  const order = preferredSetupScripts([
    { path: '/opt/ros/x/setup.bash', kind: 'ros-distro' },
    { path: '/ws/install/setup.bash', kind: 'install' },
    { path: '/ws/devel_isolated/setup.bash', kind: 'devel_isolated' },
    { path: '/ws/devel/setup.bash', kind: 'devel' },
  ]);
  assert.deepEqual(
    order.map((script) => script.kind),
    ['devel', 'devel_isolated', 'install', 'ros-distro'],
  );
});

test("the editor's watcher glob covers every space with a setup script", () => {
  assert.equal(SETUP_SCRIPT_GLOB, '{devel,devel_isolated,install,install_isolated}/setup.{bash,sh,zsh}');
});
