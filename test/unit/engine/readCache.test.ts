import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withReadCache } from '../../../src/core/readCache';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const A = '/ws/src/pkg/scripts/a.py';
const B = '/ws/src/pkg/scripts/b.py';

test('one run reads a file once, whether asked for its text, its stamped text or in a batch', async () => {
  const disk = MemoryFileSystem.fromTree('/ws/src/pkg', { 'scripts/a.py': 'import os\n', 'scripts/b.py': 'import yaml\n' });
  const fs = withReadCache(disk);
  assert.equal(await fs.readFile(A), 'import os\n');
  assert.equal((await fs.readStamped(A))?.text, 'import os\n');
  const batch: (string | undefined)[] = [];
  await fs.readStampedEach([A, B, '/ws/absent.py'], 1024, (index, read) => (batch[index] = read?.text));
  assert.deepEqual(batch, ['import os\n', 'import yaml\n', undefined]);
  assert.equal((await fs.readStamped(B))?.text, 'import yaml\n');
  assert.deepEqual([disk.reads.get(A), disk.reads.get(B)], [1, 1]);
});

test('a cache of a cache is the same cache: detection inside a run adds no second lookup', () => {
  const fs = withReadCache(new MemoryFileSystem());
  assert.equal(withReadCache(fs), fs);
  assert.notEqual(withReadCache(new MemoryFileSystem()), fs);
});
