// The engine's decisions in plain Node: which interpreters it runs, in which environment, in which order it
// answers. One in-memory file system and a fake runner answering with real recorded probes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProcessRunner } from '../../../src/core/ports';
import { createEngine, type CheckRequest, type EngineUpdate } from '../../../src/node/engine';
import { isRosModule } from '../../../src/core/ros/pythonModules';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { fakeMachine, recordedInterpreter, type MachineOptions } from '../../support/fakeMachine';

const SYSTEM = '/usr/bin/python3';
const VENV = '/ws/.venv/bin/python';
const PY2 = '/opt/py2/bin/python';
const ROS_PATH = '/opt/ros/noetic/lib/python3/dist-packages';

function workspace(extra: Record<string, string | { executable: string }> = {}): MemoryFileSystem {
  return MemoryFileSystem.fromTree('/', {
    'ws/.catkin_workspace': '# catkin workspace\n',
    'ws/src/CMakeLists.txt': '# toplevel CMakeLists.txt for a catkin workspace\n',
    'ws/src/demo/package.xml':
      '<package format="2"><name>demo</name><version>0.1.0</version><description>d</description><maintainer email="a@b.c">a</maintainer><license>MIT</license><buildtool_depend>catkin</buildtool_depend></package>\n',
    'ws/src/demo/CMakeLists.txt': 'project(demo)\nfind_package(catkin REQUIRED)\ncatkin_package()\n',
    'ws/src/demo/scripts/talker.py': { executable: '#!/usr/bin/env python3\nimport rospy\nimport torch\n' },
    'ws/.venv/bin/python': { executable: '' },
    'ws/.venv/pyvenv.cfg': 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\n',
    'usr/bin/python3': { executable: '' },
    'usr/bin/env': { executable: '' },
    'bin/bash': { executable: '' },
    ...extra,
  });
}

const machine = (options: Partial<MachineOptions> = {}) =>
  fakeMachine({
    interpreters: {
      [SYSTEM]: recordedInterpreter('healthy-system'),
      [VENV]: recordedInterpreter('isolated-venv'),
      [PY2]: recordedInterpreter('py27-debian-dist-packages'),
    },
    ...options,
  });

function request(selected: string, changes: Partial<CheckRequest> = {}): CheckRequest {
  return {
    folder: '/ws',
    selected: { command: selected, source: 'selected' },
    settings: { setupScript: 'off', timeoutMs: 5000, extraModules: [], ignoredModules: [], discoverInterpreters: true },
    baseEnv: { PATH: '/usr/bin:/bin', HOME: '/home/u' },
    trusted: true,
    ...changes,
  };
}

async function collect(updates: AsyncIterable<EngineUpdate>): Promise<EngineUpdate[]> {
  const all: EngineUpdate[] = [];
  for await (const update of updates) all.push(update);
  return all;
}

const diagnoses = (updates: readonly EngineUpdate[]) => updates.flatMap((update) => (update.kind === 'diagnosis' ? [update] : []));

test("the selected interpreter's answer comes first; the other interpreters refine it after, sharing its probes", async () => {
  const runner = machine();
  const engine = createEngine({ fs: workspace(), runner, home: '/home/u', probeScript: '/ext/python/probe.py', concurrency: 2 });
  const updates = await collect(engine.checkFolder(request(VENV)));
  assert.deepEqual(
    updates.map((update) => (update.kind === 'diagnosis' ? `diagnosis final=${update.final}` : update.kind)),
    ['started', 'diagnosis final=false', 'diagnosis final=true'],
  );
  const [first, last] = diagnoses(updates);
  assert.equal(first?.diagnosis.selected.interpreter.path, VENV);
  assert.deepEqual(first?.diagnosis.others, []);
  assert.ok(first?.diagnosis.findings.some((finding) => finding.code === 'module-missing' && finding.module === 'torch'));
  assert.deepEqual(
    last?.diagnosis.others.map((probe) => probe.interpreter.path),
    [SYSTEM],
  );
  assert.deepEqual(first?.key, last?.key);
  // Both diagnoses asked for the venv; its facts pass ran once.
  assert.equal(runner.callsFor(VENV, 'facts').length, 1);
  assert.equal(last?.diagnosis.processesSpawned, runner.calls.length);
});

test('lazy candidates: when the selected interpreter imports everything, no other interpreter is run', async () => {
  const runner = machine();
  const engine = createEngine({ fs: workspace(), runner, home: '/home/u', probeScript: '/ext/python/probe.py' });
  const updates = await collect(engine.checkFolder(request(SYSTEM)));
  const final = diagnoses(updates).at(-1);
  assert.equal(final?.final, true);
  assert.deepEqual(
    final?.diagnosis.findings.filter((finding) => finding.severity === 'error'),
    [],
  );
  assert.deepEqual(runner.callsFor(VENV), [], 'the workspace venv was run although the selected interpreter needed nothing');
  // The full matrix on request (Probe Environment) does run it.
  await collect(engine.checkFolder(request(SYSTEM, { probeAll: true })));
  assert.equal(runner.callsFor(VENV, 'facts').length, 1);
});

test("a node whose shebang names another interpreter gets that interpreter probed with the node's imports", async () => {
  const runner = machine();
  const fs = workspace({
    'ws/src/demo/scripts/listener.py': { executable: '#!/opt/py2/bin/python\nimport rospy\n' },
    'opt/py2/bin/python': { executable: '' },
  });
  const engine = createEngine({ fs, runner, home: '/home/u', probeScript: '/ext/python/probe.py' });
  await collect(engine.checkFolder(request(SYSTEM, { settings: { ...request(SYSTEM).settings, discoverInterpreters: false } })));
  const facts = runner.callsFor(PY2, 'facts');
  assert.equal(facts.length, 1);
  assert.ok(facts[0]?.modules.includes('rospy'), facts[0]?.modules.join(','));
  assert.ok(!facts[0]?.modules.includes('torch'), 'only what the node itself imports');
});

test('sourced ROS modules get one spec-only probe without the setup script, for ros-env-not-sourced', async () => {
  const visible = (module: string, env: Readonly<Record<string, string>>): boolean =>
    !isRosModule(module) || (env.PYTHONPATH ?? '').includes(ROS_PATH);
  const runner = machine({ sourced: { PYTHONPATH: ROS_PATH, ROS_DISTRO: 'noetic' }, visible });
  const fs = workspace({ 'ws/devel/setup.bash': '# generated from catkin\n' });
  const engine = createEngine({ fs, runner, home: '/home/u', probeScript: '/ext/python/probe.py' });
  const updates = await collect(
    engine.checkFolder(request(SYSTEM, { settings: { ...request(SYSTEM).settings, setupScript: 'auto', discoverInterpreters: false } })),
  );
  assert.equal(runner.calls.filter((call) => call.kind === 'shell').length, 1);
  const started = updates.find((update) => update.kind === 'started');
  assert.equal(started?.kind === 'started' ? started.environment.kind : null, 'sourced');
  const plain = runner.callsFor(SYSTEM, 'facts').filter((call) => !(call.env.PYTHONPATH ?? '').includes(ROS_PATH));
  assert.equal(plain.length, 1, 'one probe without the setup script');
  assert.deepEqual(
    runner.callsFor(SYSTEM, 'import').filter((call) => !(call.env.PYTHONPATH ?? '').includes(ROS_PATH)),
    [],
    'spec only',
  );
  const final = diagnoses(updates).at(-1)?.diagnosis;
  assert.ok(final?.findings.some((finding) => finding.code === 'ros-env-not-sourced' && finding.module === 'rospy'));
  // Checked again with nothing changed: no process at all.
  const before = runner.calls.length;
  await collect(
    engine.checkFolder(request(SYSTEM, { settings: { ...request(SYSTEM).settings, setupScript: 'auto', discoverInterpreters: false } })),
  );
  assert.equal(runner.calls.length, before);
});

test("an untrusted workspace: nothing is sourced, and the workspace's own interpreters never run", async () => {
  const runner = machine();
  const fs = workspace({ 'ws/devel/setup.bash': '# generated from catkin\n' });
  const engine = createEngine({ fs, runner, home: '/home/u', probeScript: '/ext/python/probe.py' });
  const refused = await collect(
    engine.checkFolder(request(VENV, { trusted: false, settings: { ...request(VENV).settings, setupScript: 'auto' } })),
  );
  assert.deepEqual(
    refused.map((update) => update.kind),
    ['refused'],
  );
  const updates = await collect(
    engine.checkFolder(request(SYSTEM, { trusted: false, probeAll: true, settings: { ...request(SYSTEM).settings, setupScript: 'auto' } })),
  );
  const final = diagnoses(updates).at(-1)?.diagnosis;
  assert.deepEqual(final?.environment, { kind: 'plain', reason: 'untrusted', vars: request(SYSTEM).baseEnv });
  assert.deepEqual(final?.others, []);
  assert.deepEqual(
    runner.calls.filter((call) => call.kind === 'shell' || call.file.startsWith('/ws/')),
    [],
  );
});

test('no interpreter: the stream says which commands were looked for on PATH', async () => {
  const engine = createEngine({ fs: workspace(), runner: machine(), home: '/home/u', probeScript: '/ext/python/probe.py' });
  const updates = await collect(engine.checkFolder(request('python3.99')));
  assert.deepEqual(updates, [{ kind: 'no-interpreter', command: 'python3.99', tried: ['python3.99'] }]);
  const none = await collect(
    engine.checkFolder({ ...request(SYSTEM), selected: { command: null, source: 'path' }, baseEnv: { PATH: '/nowhere' } }),
  );
  assert.deepEqual(none, [{ kind: 'no-interpreter', command: null, tried: ['python3', 'python'] }]);
});

test('a check superseded while its setup script is being sourced does not hand the newer check its cancelled capture', async () => {
  const inner = machine({ sourced: { PYTHONPATH: ROS_PATH, ROS_DISTRO: 'noetic' } });
  // The shell answers only when released, and answers 'aborted' when its check is cancelled first, like execa's runner.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let shellStarted: () => void = () => undefined;
  const firstShell = new Promise<void>((resolve) => (shellStarted = resolve));
  const runner: ProcessRunner = {
    async run(file, args, options) {
      if (!args.includes('-c')) return inner.run(file, args, options);
      shellStarted();
      const aborted = new Promise<'aborted'>((resolve) => options.signal?.addEventListener('abort', () => resolve('aborted')));
      if ((await Promise.race([released.then(() => 'released' as const), aborted])) === 'aborted') return { kind: 'aborted' };
      return inner.run(file, args, options);
    },
  };
  const fs = workspace({ 'ws/devel/setup.bash': '# generated from catkin\n' });
  const engine = createEngine({ fs, runner, home: '/home/u', probeScript: '/ext/python/probe.py' });
  const settings = { ...request(SYSTEM).settings, setupScript: 'auto', discoverInterpreters: false };
  const superseded = new AbortController();
  const first = collect(engine.checkFolder(request(SYSTEM, { settings, signal: superseded.signal })));
  await firstShell;
  // The editor's newer run cancels the older one before it starts (FolderSession.runOnce).
  superseded.abort();
  const second = collect(engine.checkFolder(request(SYSTEM, { settings, signal: new AbortController().signal })));
  release();
  await first;
  const started = (await second).find((update) => update.kind === 'started');
  assert.equal(started?.kind === 'started' ? started.environment.kind : null, 'sourced');
  assert.equal(started?.kind === 'started' ? started.environment.vars.PYTHONPATH : null, ROS_PATH);
});

test("only the selected interpreter's costliest import starts before its facts pass is back; another interpreter's imports wait for theirs", async () => {
  // The isolated venv has no torch. Selected, its torch import starts beside the facts pass (and is thrown away
  // once the facts pass shows no spec); probed as another interpreter, it runs no torch process at all.
  const selectedRunner = machine();
  const selectedEngine = createEngine({
    fs: workspace(),
    runner: selectedRunner,
    home: '/home/u',
    probeScript: '/ext/python/probe.py',
    concurrency: 2,
  });
  const asSelected = diagnoses(await collect(selectedEngine.checkFolder(request(VENV)))).at(-1);
  assert.ok(selectedRunner.callsFor(VENV, 'import').some((call) => call.modules.includes('torch')));
  assert.ok(asSelected?.diagnosis.findings.some((finding) => finding.code === 'module-missing' && finding.module === 'torch'));

  const otherRunner = machine();
  const otherEngine = createEngine({
    fs: workspace(),
    runner: otherRunner,
    home: '/home/u',
    probeScript: '/ext/python/probe.py',
    concurrency: 2,
  });
  await collect(otherEngine.checkFolder(request(SYSTEM, { probeAll: true })));
  assert.equal(otherRunner.callsFor(VENV, 'facts').length, 1);
  assert.deepEqual(
    otherRunner.callsFor(VENV, 'import').filter((call) => call.modules.includes('torch')),
    [],
  );
});
