import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shebangMismatch } from '../../../src/core/rules/shebangMismatch';
import { parseShebang } from '../../../src/core/scan/importScanner';
import type { Shebang } from '../../../src/core/scan/importSite';
import { bareWorkspace, buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

const healthy = loadProbe('healthy-system');
const py312 = loadProbe('py312-debian-dist-packages');
const py27 = loadProbe('py27-debian-dist-packages');

function shebang(line: string): Shebang {
  const parsed = parseShebang(`${line}\n`);
  assert.ok(parsed, line);
  return parsed;
}

test('flags a shebang that runs pyenv 3.12, where torch and cv2 fail, and offers the selected python', () => {
  const envPython3 = shebang('#!/usr/bin/env python3');
  const input = buildRuleInput({
    selected: healthy,
    sources: [NODE],
    shebangs: [{ file: NODE_PATH, shebang: envPython3, relay: null, resolvedPath: py312.interpreter.path, probe: py312 }],
  });
  const [f, ...rest] = shebangMismatch(input);
  assert.equal(rest.length, 0);
  assert.equal(f?.severity, 'error');
  assert.equal(f?.message, `the shebang runs ${py312.interpreter.path}, where cv2, cv_bridge, numpy, torch fail (No module named 'cv2')`);
  assert.deepEqual(f?.location, { file: NODE_PATH, line: 1, column: 0, endLine: 1, endColumn: envPython3.length });
  assert.deepEqual(f?.fixes[0], {
    kind: 'editShebang',
    title: `Use ${healthy.interpreter.path} in the shebang`,
    file: NODE_PATH,
    line: 1,
    newText: `#!${healthy.interpreter.path}`,
  });
  assert.equal(f?.interpreter, py312.interpreter.path);
});

test('flags #!/usr/bin/env python when no python is on PATH', () => {
  const input = buildRuleInput({
    selected: healthy,
    sources: [NODE],
    shebangs: [{ file: NODE_PATH, shebang: shebang('#!/usr/bin/env python'), relay: null, resolvedPath: null, probe: null }],
  });
  assert.equal(shebangMismatch(input)[0]?.message, '"#!/usr/bin/env python" finds no python on PATH');
  assert.equal(shebangMismatch(input)[0]?.fixes[0]?.kind, 'editShebang');
});

test("warns that rosrun runs catkin's relay with the Python it was built with, and offers a rebuild", () => {
  const relayPath = '/ws/devel/lib/demo/node.py';
  const input = buildRuleInput({
    selected: healthy,
    sources: [NODE],
    workspace: bareWorkspace('/ws'),
    shebangs: [
      {
        file: NODE_PATH,
        shebang: shebang('#!/usr/bin/env python3'),
        relay: { path: relayPath, shebang: shebang(`#!${py27.interpreter.path}`) },
        resolvedPath: py27.interpreter.path,
        probe: py27,
      },
    ],
  });
  const [f] = shebangMismatch(input);
  assert.equal(f?.severity, 'warning');
  assert.match(
    f?.message ?? '',
    new RegExp(
      `^rosrun runs devel/lib/demo/node\\.py with ${py27.interpreter.path}, where cv2, cv_bridge, numpy, rospy, torch, yaml fail \\(`,
    ),
  );
  assert.deepEqual(f?.related, [{ message: 'the relay rosrun runs', file: relayPath, range: null }]);
  assert.deepEqual(f?.fixes[0], {
    kind: 'runInTerminal',
    title: `Rebuild the workspace with ${healthy.interpreter.path}`,
    commands: ['cd /ws', `catkin_make -DPYTHON_EXECUTABLE=${healthy.interpreter.path}`],
  });
});

test('stays silent when the shebang finds the selected interpreter or one that imports as much', () => {
  const envPython3 = shebang('#!/usr/bin/env python3');
  const input = buildRuleInput({
    selected: healthy,
    sources: [NODE],
    shebangs: [
      { file: NODE_PATH, shebang: envPython3, relay: null, resolvedPath: '/usr/bin/python3', probe: null },
      { file: NODE_PATH, shebang: envPython3, relay: null, resolvedPath: '/x/venv/bin/python', probe: loadProbe('system-site-venv') },
    ],
  });
  assert.deepEqual(shebangMismatch(input), []);
});
