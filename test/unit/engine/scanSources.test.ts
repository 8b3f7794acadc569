import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSourceScanner } from '../../../src/core/engine/scanSources';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const NODE = '/ws/src/pkg/scripts/node.py';

function machine(): MemoryFileSystem {
  return MemoryFileSystem.fromTree('/ws/src/pkg', {
    'scripts/node.py': { executable: '#!/usr/bin/env python3\nimport rospy\nimport helper\nimport torch\n' },
    'scripts/helper.py': 'import yaml\n',
    'scripts/launch/__init__.py': '',
    'scripts/data': {},
  });
}

test("imports of the script folder's own modules and packages are local; a plain folder is not a package", async () => {
  const fs = machine();
  const [source] = await createSourceScanner(fs).scan([NODE], null, new Map());
  assert.deepEqual(
    source?.scan.imports.map((site) => site.topLevel),
    ['rospy', 'torch'],
  );
  const withFolders = await createSourceScanner(fs).scan([NODE], null, new Map([[NODE, 'import launch\nimport data\n']]));
  assert.deepEqual(
    withFolders[0]?.scan.imports.map((site) => site.topLevel),
    ['data'],
  );
});

test('asking again with no file changed reads nothing from disk', async () => {
  const fs = machine();
  const scanner = createSourceScanner(fs);
  await scanner.scan([NODE], null, new Map());
  assert.equal(fs.reads.get(NODE), 1);
  await scanner.scan([NODE], null, new Map());
  assert.equal(fs.reads.get(NODE), 1);
});

test('a file changed on disk is read again, and unsaved text wins without reading the disk', async () => {
  const fs = machine();
  const scanner = createSourceScanner(fs);
  await scanner.scan([NODE], null, new Map());
  fs.add(NODE, { kind: 'file', text: '#!/usr/bin/env python3\nimport cv2\n', executable: true });
  const [changed] = await scanner.scan([NODE], null, new Map());
  assert.equal(fs.reads.get(NODE), 2);
  assert.deepEqual(
    changed?.scan.imports.map((site) => site.topLevel),
    ['cv2'],
  );
  const [typed] = await scanner.scan([NODE], null, new Map([[NODE, 'import numpy\n']]));
  assert.equal(fs.reads.get(NODE), 2);
  assert.deepEqual(
    typed?.scan.imports.map((site) => site.topLevel),
    ['numpy'],
  );
});

test('a file that is gone is left out, not reported empty', async () => {
  const fs = machine();
  const sources = await createSourceScanner(fs).scan([NODE, '/ws/src/pkg/scripts/gone.py'], null, new Map());
  assert.deepEqual(
    sources.map((source) => source.path),
    [NODE],
  );
});
