import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSourceScanner } from '../../../src/core/engine/scanSources';
import { scanImports } from '../../../src/core/scan/importScanner';
import type { FileSystem } from '../../../src/core/ports';
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

type OnRead = Parameters<FileSystem['readStampedEach']>[2];
type OnScanned = NonNullable<Parameters<FileSystem['readStampedEach']>[3]>;

/** The machine, with a port that answers every second file of a batch by its scan, as the Node port's reader thread does. */
function scanningElsewhere(): MemoryFileSystem {
  const fs = machine();
  fs.file('/ws/src/pkg/scripts/other.py', 'import numpy\ntry:\n    import ujson\nexcept ImportError:\n    ujson = None\n');
  const read = fs.readStampedEach.bind(fs);
  fs.readStampedEach = (paths: readonly string[], maxBytes: number, onRead: OnRead, onScanned?: OnScanned) =>
    read(paths, maxBytes, (index, stamped) => {
      if (onScanned === undefined || stamped === undefined || index % 2 === 1) onRead(index, stamped);
      else onScanned(index, { scan: scanImports(stamped.text), mtimeMs: stamped.mtimeMs, size: stamped.size });
    });
  return fs;
}

test('files the port answers by their scan give what scanning their text here gives, and are not read again while unchanged', async () => {
  const files = [NODE, '/ws/src/pkg/scripts/helper.py', '/ws/src/pkg/scripts/other.py', '/ws/src/pkg/scripts/absent.py'];
  const here = await createSourceScanner(
    machine().file(files[2] ?? '', 'import numpy\ntry:\n    import ujson\nexcept ImportError:\n    ujson = None\n'),
  ).scan(files, null, new Map());
  const fs = scanningElsewhere();
  const scanner = createSourceScanner(fs);
  assert.deepEqual(await scanner.scan(files, null, new Map()), here);
  assert.equal(here.length, 3);
  assert.deepEqual(await scanner.scan(files, null, new Map()), here);
  assert.deepEqual(
    files.slice(0, 3).map((file) => fs.reads.get(file)),
    [1, 1, 1],
    'the files that exist were read once (their stamps unchanged)',
  );
  // An open document equal to the disk (its text was not kept for a file scanned elsewhere) gives the same answer.
  const [open] = await scanner.scan([NODE], null, new Map([[NODE, '#!/usr/bin/env python3\nimport rospy\nimport helper\nimport torch\n']]));
  assert.deepEqual(open, here[0]);
});
