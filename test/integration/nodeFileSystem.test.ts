// The FileSystem port on Node: what the core is told about real files, including when descriptors run out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StampedScan, StampedText } from '../../src/core/ports';
import { scanImports } from '../../src/core/scan/importScanner';
import { createNodeFileSystem } from '../../src/node/nodeFileSystem';
import { createReaderThread } from '../../src/node/readerThread';
import {
  SOURCE_THREAD_ROLE,
  type SourceThreadAnswer,
  type SourceThreadMessage,
  type SourceThreadRequest,
} from '../../src/node/sourceThread';
import { Worker } from 'node:worker_threads';

test('files, folders, links and missing paths are reported as the core expects', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'red-fs-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'node.py'), 'import rospy\n');
  await chmod(join(dir, 'node.py'), 0o755);
  await writeFile(join(dir, 'data.txt'), 'x');
  await mkdir(join(dir, 'pkg'));
  await symlink(join(dir, 'node.py'), join(dir, 'link.py'));
  const fs = createNodeFileSystem();
  assert.equal(await fs.readFile(join(dir, 'node.py')), 'import rospy\n');
  assert.equal(await fs.readFile(join(dir, 'absent.py')), undefined);
  assert.deepEqual(
    [...(await fs.readDir(dir))].sort((a, b) => a.name.localeCompare(b.name)),
    [
      { name: 'data.txt', kind: 'file' },
      { name: 'link.py', kind: 'symlink' },
      { name: 'node.py', kind: 'file' },
      { name: 'pkg', kind: 'directory' },
    ],
  );
  assert.deepEqual(await fs.readDir(join(dir, 'absent')), []);
  assert.equal((await fs.stat(join(dir, 'node.py')))?.executable, true);
  assert.equal((await fs.stat(join(dir, 'data.txt')))?.executable, false);
  assert.equal((await fs.stat(join(dir, 'pkg')))?.kind, 'directory');
  assert.equal(await fs.stat(join(dir, 'absent')), undefined);
  assert.equal(await fs.realPath(join(dir, 'link.py')), await fs.realPath(join(dir, 'node.py')));
});

test('running out of file descriptors delays reads instead of reporting files as missing', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'red-fs-many-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const count = 600;
  await Promise.all(Array.from({ length: count }, (_, index) => writeFile(join(dir, `m${index}.py`), `import mod${index}\n`)));
  const script = `
    const { createNodeFileSystem } = require(${JSON.stringify(join(__dirname, '..', '..', 'src', 'node', 'nodeFileSystem.ts'))});
    const fs = createNodeFileSystem();
    Promise.all(Array.from({ length: ${count} }, (_, i) => fs.readFile(${JSON.stringify(dir)} + '/m' + i + '.py')))
      .then((texts) => console.log(texts.filter((text) => text === undefined).length));
  `;
  // 64 descriptors for the whole Node process: hundreds of concurrent opens must hit EMFILE.
  const result = spawnSync(
    'bash',
    ['-c', `ulimit -n 64 && exec "${process.execPath}" --import tsx -e '${script.replace(/'/g, "'\\''")}'`],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), '0', 'files reported missing');
});

/** 600 small Python files and every kind of path the port refuses or cannot find. */
async function batchOfFiles(dir: string): Promise<string[]> {
  const paths: string[] = [];
  for (let index = 0; index < 600; index++) {
    const file = join(dir, `m${index}.py`);
    await writeFile(
      file,
      `#!/usr/bin/env python3\nimport mod${index}  # é ${'x'.repeat(index)}\ntry:\n    from a${index}.b import c\nexcept ImportError:\n    c = None\n`,
    );
    paths.push(file);
  }
  await writeFile(join(dir, 'latin1.py'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  await writeFile(join(dir, 'empty.py'), '');
  await writeFile(join(dir, 'large.py'), 'x'.repeat(5000));
  await mkdir(join(dir, 'folder.py'));
  await symlink(join(dir, 'm1.py'), join(dir, 'link.py'));
  await symlink('/dev/zero', join(dir, 'zero.py'));
  assert.equal(spawnSync('mkfifo', [join(dir, 'fifo.py')]).status, 0, 'mkfifo');
  paths.push(
    ...['latin1.py', 'empty.py', 'large.py', 'folder.py', 'link.py', 'zero.py', 'fifo.py', 'absent.py'].map((name) => join(dir, name)),
  );
  return paths;
}

test('a batch read shared with the reader thread answers, for every path once, what reading it alone answers', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'red-fs-batch-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const paths = await batchOfFiles(dir);
  const maxBytes = 4096;

  const fs = createNodeFileSystem({ readerThreadFrom: 1 });
  const alone = await Promise.all(paths.map((path) => fs.readStamped(path, maxBytes)));
  const batch: unknown[] = new Array(paths.length);
  const answers = new Array<number>(paths.length).fill(0);
  await fs.readStampedEach(paths, maxBytes, (index, read) => {
    batch[index] = read;
    answers[index] = (answers[index] ?? 0) + 1;
  });
  assert.deepEqual(answers, new Array(paths.length).fill(1), 'each path answered exactly once');
  assert.deepEqual(batch, alone);
  assert.equal(
    alone.filter((read) => read !== undefined).length,
    600 + 3,
    'the files, the latin-1 file, the empty file and the link are read',
  );

  // The thread alone (this thread takes nothing): it answers 'again' only for what it could not do (out of descriptors).
  const fromThread: SourceThreadAnswer[] = [];
  await createReaderThread().read(paths, maxBytes, false, (index, answer) => (fromThread[index] = answer));
  assert.equal(fromThread.filter((answer) => answer === 'again').length, 0);
  assert.deepEqual(
    fromThread.map((answer) => answer ?? undefined),
    alone,
  );
});

test('a batch of Python sources is answered, once per path, by its text here or by its scan from the reader thread, the same scan as here', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'red-fs-scan-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const paths = await batchOfFiles(dir);
  const maxBytes = 4096;
  const fs = createNodeFileSystem({ readerThreadFrom: 1 });
  const alone = await Promise.all(paths.map((path) => fs.readStamped(path, maxBytes)));
  const scanOf = (read: StampedText | undefined): StampedScan | undefined =>
    read === undefined ? undefined : { scan: scanImports(read.text), mtimeMs: read.mtimeMs, size: read.size };

  const texts = new Array<StampedText | undefined>(paths.length);
  const scans = new Array<StampedScan | undefined>(paths.length);
  const answers = new Array<number>(paths.length).fill(0);
  await fs.readStampedEach(
    paths,
    maxBytes,
    (index, read) => {
      texts[index] = read;
      answers[index] = (answers[index] ?? 0) + 1;
    },
    (index, scanned) => {
      scans[index] = scanned;
      answers[index] = (answers[index] ?? 0) + 1;
    },
  );
  assert.deepEqual(answers, new Array(paths.length).fill(1), 'each path answered exactly once');
  paths.forEach((path, index) => {
    const scanned = scans[index];
    if (scanned === undefined) assert.deepEqual(texts[index], alone[index], path);
    else assert.deepEqual(scanned, scanOf(alone[index]), path);
  });
  // Started as readInThread starts it, with the other thread far behind: it scans every file it can read, with the
  // same answer as here.
  const counter = new SharedArrayBuffer(4);
  new Int32Array(counter)[0] = -1_000_000;
  const request: SourceThreadRequest = { id: 7, paths, maxBytes, scan: true, consumed: counter };
  const worker = new Worker(join(__dirname, '..', '..', 'src', 'node', 'sourceThread.ts'), {
    workerData: { role: SOURCE_THREAD_ROLE },
    execArgv: ['--require', require.resolve('tsx/cjs')],
  });
  worker.postMessage(request);
  const fromThread: SourceThreadAnswer[] = [];
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: SourceThreadMessage) => {
      assert.equal(message.id, 7);
      message.indices.forEach((index, at) => (fromThread[index] = message.answers[at] ?? null));
      if (message.done) resolve();
    });
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.deepEqual(
    fromThread.map((answer) => answer ?? undefined),
    alone.map(scanOf),
  );
  assert.equal(
    scanOf(alone[0])
      ?.scan.imports.map((site) => `${site.module}${site.optional ? '?' : ''}`)
      .join(' '),
    'mod0 a0.b?',
  );
});

test('an exception in what the caller does with an answer rejects the batch read instead of leaving it pending', async () => {
  const file = join(__dirname, 'nodeFileSystem.test.ts');
  await assert.rejects(
    createReaderThread().read([file, file], 1024 * 1024, false, () => {
      throw new Error('bug in the caller');
    }),
    /bug in the caller/,
  );
  const fs = createNodeFileSystem({ readerThreadFrom: 1 });
  const many = new Array<string>(400).fill(file);
  await assert.rejects(
    fs.readStampedEach(many, 1024 * 1024, () => {
      throw new Error('bug in the caller');
    }),
    /bug in the caller/,
  );
});
