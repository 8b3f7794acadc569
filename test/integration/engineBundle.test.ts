// The extension loads its engine from a second bundle on first use: check the built pair works together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { engineBundle } from '../../src/editor/engineLoader';
import { silentLogger } from '../../src/core/ports';
import { SOURCE_THREAD_ROLE, type SourceThreadMessage } from '../../src/node/sourceThread';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');

test('dist/extension.js stays thin and loads the engine from dist/engine.js', async () => {
  if (!existsSync(join(DIST, 'engine.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const extension = readFileSync(join(DIST, 'extension.js'), 'utf8');
  assert.doesNotMatch(extension, /fast-xml-parser|catkin_install_python|probeCache/, 'engine code leaked into the activation bundle');
  // The editor (settings edits, report, diagnostics) is dist/editor.js, loaded right after activation.
  assert.doesNotMatch(extension, /jsonc-parser|DiagnosticsPublisher|DoctorController/, 'editor code leaked into the activation bundle');
  assert.match(readFileSync(join(DIST, 'editor.js'), 'utf8'), /DoctorController/);
  const engine = await engineBundle(silentLogger, DIST).get();
  const updates = engine.checkFolder({
    folder: join(ROOT, 'examples', 'catkin_ws', 'src', 'perception_demo'),
    selected: { command: process.execPath, source: 'selected' },
    settings: { setupScript: 'off', timeoutMs: 10_000, extraModules: [], ignoredModules: [], discoverInterpreters: false },
    baseEnv: { PATH: process.env.PATH ?? '' },
    trusted: true,
  });
  // The first update comes before any interpreter runs: the workspace as the bundled engine detected it.
  const first = await updates.next();
  await updates.return(undefined);
  assert.equal(first.value?.kind, 'started');
  const workspace = first.value?.kind === 'started' ? first.value.workspace : null;
  assert.equal(workspace?.kind, 'catkin_make');
  assert.equal(workspace?.root, join(ROOT, 'examples', 'catkin_ws'));
  assert.equal(engine.processesSpawned(), 0);
});

test('the reader thread a large scan starts finds its program next to the built bundles', async () => {
  if (!existsSync(join(DIST, 'engine.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  // dist/engine.js and dist/cli.js start it from their own folder (readerThread.ts: __dirname/sourceThread.js).
  const script = join(ROOT, 'examples', 'catkin_ws', 'src', 'perception_demo', 'scripts', 'detector_node.py');
  const paths = [script, join(ROOT, 'absent.py')];
  // A scanning thread far behind with the texts it was sent: this thread scans every file itself.
  const consumed = new SharedArrayBuffer(4);
  new Int32Array(consumed)[0] = -1_000_000;
  const worker = new Worker(join(DIST, 'sourceThread.js'), {
    workerData: { role: SOURCE_THREAD_ROLE },
    execArgv: [],
  });
  worker.postMessage({ id: 1, paths, maxBytes: 1024 * 1024, scan: true, consumed });
  try {
    const message = await new Promise<SourceThreadMessage>((resolve, reject) => {
      worker.on('message', (answer: SourceThreadMessage) => answer.done && resolve(answer));
      worker.once('error', reject);
    });
    assert.deepEqual(message.indices, [0, 1]);
    const [found, absent] = message.answers;
    assert.ok(found !== null && typeof found === 'object' && 'scan' in found, JSON.stringify(found));
    assert.ok(found.scan.imports.some((site) => site.topLevel === 'rospy'));
    assert.equal(absent, null);
  } finally {
    await worker.terminate();
  }
});
