// Orchestration of the prober with a fake ProcessRunner that answers with recorded real probe documents.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { InterpreterRef } from '../../../src/core/interpreters/interpreter';
import { silentLogger, systemClock, type ProcessOutcome, type ProcessRunner, type RunOptions } from '../../../src/core/ports';
import { createProbeCache } from '../../../src/core/probe/probeCache';
import { createProber, type Prober } from '../../../src/core/probe/prober';
import { NONCE_VARIABLE, sentinelBegin, sentinelEnd, type SpecResult } from '../../../src/core/probe/protocol';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { recordedInterpreter } from '../../support/recordedProbes';

const recorded = { probe: recordedInterpreter(join(__dirname, '../../fixtures/probes/py312-debian-dist-packages.json')) };
const facts = recorded.probe.facts;
const PYTHON = '/opt/py/bin/python3';

/** The probe's block with the nonce the prober gave this process (the real probe reads it from its environment). */
let currentNonce = '';
const block = (document: unknown): string => `${sentinelBegin(currentNonce)}\n${JSON.stringify(document)}\n${sentinelEnd(currentNonce)}\n`;
const exited = (stdout: string, exitCode = 0, stderr = ''): ProcessOutcome => ({
  kind: 'exited',
  exitCode,
  stdout,
  stderr,
  truncated: false,
  durationMs: 1,
});

interface FakeRunner extends ProcessRunner {
  readonly calls: Array<{ file: string; args: readonly string[] }>;
  readonly maxRunning: number;
  /** `start <mode> <module or list>` and `end …` (or `aborted …`) in the order they happened. */
  readonly events: string[];
}

/** Answers like the real probe would for the recorded 3.12 + Debian dist-packages machine. */
const answer = (module: string) => ({
  protocolVersion: 1,
  mode: 'import',
  module,
  outcome: recorded.probe.imports[module] ?? { status: 'ok', file: null, version: null, extensions: [], deepChecks: [] },
});

interface FakeOptions {
  readonly delayMs?: number;
  /** How long a process of this mode (facts, import, imports) takes, instead of delayMs. */
  readonly delayFor?: (mode: string) => number | undefined;
  /** What the facts pass says of this module's spec, instead of the recorded spec. */
  readonly spec?: (module: string) => SpecResult | undefined;
  /** What the facts pass ends with, instead of the recorded facts. */
  readonly factsOutcome?: () => ProcessOutcome | undefined;
  /** What a process importing this module alone ends with, instead of the recorded answer. */
  readonly importOutcome?: (module: string) => ProcessOutcome | undefined;
  /** What a lane (several modules in one process) ends with, instead of every recorded answer in turn. */
  readonly laneOutcome?: (modules: readonly string[], frame: (document: unknown) => string) => ProcessOutcome | undefined;
}

function fakeRunner(options: FakeOptions = {}): FakeRunner {
  const calls: Array<{ file: string; args: readonly string[] }> = [];
  const events: string[] = [];
  let running = 0;
  let maxRunning = 0;
  return {
    calls,
    events,
    get maxRunning() {
      return maxRunning;
    },
    async run(file: string, args: readonly string[], runOptions: RunOptions): Promise<ProcessOutcome> {
      calls.push({ file, args });
      const [, , mode = '', list = ''] = args;
      const what = `${mode} ${list.split('=')[0] ?? list}`;
      events.push(`start ${what}`);
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      // A cancelled run ends at once, as the real runner kills the process group.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.delayFor?.(mode) ?? options.delayMs ?? 1);
        runOptions.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      running -= 1;
      if (runOptions.signal?.aborted === true) {
        events.push(`aborted ${what}`);
        return { kind: 'aborted' };
      }
      events.push(`end ${what}`);
      currentNonce = runOptions.env?.[NONCE_VARIABLE] ?? '';
      if (mode === 'facts') {
        const special = options.factsOutcome?.();
        if (special !== undefined) return special;
        const specs: Record<string, SpecResult> = {};
        for (const module of list.split(',').filter(Boolean))
          specs[module] = options.spec?.(module) ??
            recorded.probe.specs[module] ?? { found: true, origin: `/x/${module}.py`, isPackage: false };
        return exited(block({ protocolVersion: 1, mode: 'facts', interpreter: facts, specs }));
      }
      // `import <module> [deep]`, or a lane: `imports <module>=<deep> …`, one block per module in one process.
      const modules = mode === 'imports' ? args.slice(3).map((arg) => arg.split('=')[0] ?? arg) : [list];
      if (mode === 'imports')
        return options.laneOutcome?.(modules, block) ?? exited(modules.map((module) => block(answer(module))).join(''));
      const special = options.importOutcome?.(list);
      if (special !== undefined) return special;
      return exited(block(answer(list)));
    },
  };
}

function machine(): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  fs.file(PYTHON, '', { executable: true, mtimeMs: 5 });
  for (const dir of [...facts.siteDirs, ...facts.sysPath.map((entry) => entry.path)]) fs.dir(dir, 10);
  return fs;
}

const ref = (path = PYTHON): InterpreterRef => ({
  path,
  realPath: path,
  kind: 'pyenv',
  source: 'selected',
  envPrefix: null,
  displayName: path,
});

function prober(runner: ProcessRunner, fs: MemoryFileSystem, concurrency = 2): Prober {
  return createProber({
    runner,
    fs,
    probeScript: '/ext/python/probe.py',
    concurrency,
    logger: silentLogger,
    clock: systemClock,
    cache: createProbeCache(),
  });
}

const request = (modules: readonly string[], extra: Partial<Parameters<Prober['probe']>[0]> = {}) => ({
  interpreter: ref(),
  modules,
  env: { PATH: '/usr/bin', PYTHONPATH: '/usr/lib/python3/dist-packages' },
  environment: 'sourced' as const,
  timeoutMs: 1000,
  ...extra,
});

test('runs one facts pass, then one process per module that has a spec, never for stdlib or missing modules', async () => {
  const runner = fakeRunner();
  const result = await prober(runner, machine()).probe(request(['rospy', 'torch', 'cv2', 'os', 'json']));
  assert.equal(result.kind, 'ok');
  assert.deepEqual(
    runner.calls.map((call) => call.args.slice(2)),
    [
      ['facts', 'rospy,torch,cv2,os,json'],
      ['import', 'torch', 'torch._C'],
      ['import', 'rospy'],
    ],
  );
  assert.equal(runner.calls[0]?.args[0], '-B');
  if (result.kind !== 'ok') return;
  assert.deepEqual(result.imports.cv2, { status: 'not-run', reason: 'spec-missing' });
  assert.equal(result.imports.os, undefined);
  assert.equal(result.imports.torch?.status, 'error');
  assert.equal(result.cached, false);
});

test('never runs more probe processes at once than the limit, across interpreters', async () => {
  const runner = fakeRunner({ delayMs: 15 });
  const fs = machine();
  const others = ['/a/bin/python', '/b/bin/python', '/c/bin/python'];
  for (const path of others) fs.file(path, '', { executable: true, mtimeMs: 1000 });
  const shared = prober(runner, fs, 2);
  const modules = ['rospy', 'roslib', 'rospkg', 'catkin_pkg', 'torch', 'numpy', 'yaml'];
  const results = await Promise.all([PYTHON, ...others].map((path) => shared.probe(request(modules, { interpreter: ref(path) }))));
  assert.ok(results.every((result) => result.kind === 'ok'));
  assert.equal(runner.maxRunning, 2);
  // Each interpreter: one facts pass, its imports in two lanes (torch alone, the rest together), and numpy, which
  // fails on the recorded machine after rospy in the shared lane, once more alone: 4 processes, not 1 + 7.
  assert.equal(shared.processesSpawned, 4 * 4);
});

test("modules asked about only by spec (ROS's own dependencies) are never imported", async () => {
  const runner = fakeRunner();
  const result = await prober(runner, machine()).probe(request(['rospy', 'yaml', 'rospkg'], { specOnlyModules: ['yaml', 'rospkg'] }));
  assert.equal(result.kind, 'ok');
  assert.deepEqual(
    runner.calls.map((call) => call.args.slice(2, 4)),
    [
      ['facts', 'rospy,yaml,rospkg'],
      ['import', 'rospy'],
    ],
  );
  if (result.kind === 'ok') assert.ok(result.specs.rospkg !== undefined && result.imports.rospkg === undefined);
});

test('with one slot the imports share one process, the slowest first', async () => {
  const runner = fakeRunner({ delayMs: 2 });
  const result = await prober(runner, machine(), 1).probe(request(['yaml', 'numpy', 'rospy', 'torch']));
  assert.equal(result.kind, 'ok');
  assert.deepEqual(
    runner.calls.map((call) => call.args.slice(2)),
    [
      ['facts', 'yaml,numpy,rospy,torch'],
      ['imports', 'torch=torch._C', 'rospy=', 'numpy=numpy._core._multiarray_umath|numpy.core._multiarray_umath', 'yaml='],
      // numpy fails on the recorded machine: after torch and rospy in one process, so once more alone.
      ['import', 'numpy', 'numpy._core._multiarray_umath|numpy.core._multiarray_umath'],
    ],
  );
  // The first module's failure (torch) is taken as it is: it imported into a fresh process.
  assert.equal(result.kind === 'ok' && result.imports.torch?.status, 'error');
  assert.equal(result.kind === 'ok' && result.imports.numpy?.status, 'error');
  assert.equal(result.kind === 'ok' && result.imports.yaml?.status, 'ok');
});

test('with two slots the slowest import runs alone and the others share the second process', async () => {
  const runner = fakeRunner({ delayMs: 2 });
  await prober(runner, machine(), 2).probe(request(['yaml', 'numpy', 'rospy', 'torch']));
  assert.deepEqual(
    runner.calls.slice(1).map((call) => call.args.slice(2)),
    [
      ['import', 'torch', 'torch._C'],
      ['imports', 'rospy=', 'numpy=numpy._core._multiarray_umath|numpy.core._multiarray_umath', 'yaml='],
      ['import', 'numpy', 'numpy._core._multiarray_umath|numpy.core._multiarray_umath'],
    ],
  );
});

test('asked for a head start (the selected interpreter), the costliest import starts beside the facts pass; the other imports wait for it', async () => {
  const runner = fakeRunner({ delayFor: (mode) => (mode === 'facts' ? 20 : mode === 'import' ? 60 : 5) });
  const result = await prober(runner, machine(), 2).probe(request(['yaml', 'rospy', 'torch'], { headStart: true }));
  assert.equal(result.kind, 'ok');
  assert.deepEqual(runner.events, [
    'start facts yaml,rospy,torch',
    'start import torch',
    'end facts yaml,rospy,torch',
    'start imports rospy',
    'end imports rospy',
    'end import torch',
  ]);
  assert.equal(result.kind === 'ok' && result.imports.torch?.status, 'error');
  assert.equal(result.kind === 'ok' && result.imports.yaml?.status, 'ok');
});

test('with one slot, or without a head start asked for (another interpreter), nothing starts before the facts pass is back', async () => {
  for (const [slots, headStart] of [
    [1, true],
    [2, false],
  ] as const) {
    const runner = fakeRunner({ delayFor: (mode) => (mode === 'facts' ? 20 : 5) });
    await prober(runner, machine(), slots).probe(request(['rospy', 'torch'], { headStart }));
    assert.deepEqual(
      runner.events.slice(0, 2),
      ['start facts rospy,torch', 'end facts rospy,torch'],
      `${slots} slots, head start ${headStart}`,
    );
  }
});

test('a head start the facts pass shows to be unneeded (no spec) is cancelled; the answer is spec-missing and cached', async () => {
  const runner = fakeRunner({
    delayFor: (mode) => (mode === 'facts' ? 10 : 60),
    spec: (module) => (module === 'torch' ? { found: false, foreignExtensions: [], caseVariants: [] } : undefined),
  });
  const shared = prober(runner, machine(), 2);
  const result = await shared.probe(request(['rospy', 'torch'], { headStart: true }));
  assert.deepEqual(result.kind === 'ok' && result.imports.torch, { status: 'not-run', reason: 'spec-missing' });
  assert.equal(result.kind === 'ok' && result.imports.rospy?.status, 'ok');
  assert.ok(runner.events.includes('aborted import torch'), runner.events.join('\n'));
  const spawned = shared.processesSpawned;
  const again = await shared.probe(request(['rospy', 'torch']));
  assert.equal(again.kind === 'ok' && again.cached, true);
  assert.equal(shared.processesSpawned, spawned);
});

test('an interpreter whose facts pass fails: its head start is cancelled and the probe is invalid', async () => {
  const runner = fakeRunner({
    delayFor: (mode) => (mode === 'facts' ? 10 : 60),
    factsOutcome: () => exited('', 1, 'Fatal Python error: init_fs_encoding\n'),
  });
  const result = await prober(runner, machine(), 2).probe(request(['rospy', 'torch'], { headStart: true }));
  assert.equal(result.kind, 'invalid');
  assert.deepEqual(runner.events, ['start facts rospy,torch', 'start import torch', 'end facts rospy,torch', 'aborted import torch']);
});

test('the cache stamps each imported package from its spec while it imports, and a later edit there is seen', async () => {
  const fs = machine();
  fs.dir('/site/pkg', 10);
  fs.file('/site/pkg/__init__.py', '', { mtimeMs: 10 });
  fs.file('/site/pkg/core.py', '', { mtimeMs: 10 });
  const runner = fakeRunner({
    spec: (module) => (module === 'pkg' ? { found: true, origin: '/site/pkg/__init__.py', isPackage: true } : undefined),
  });
  const shared = prober(runner, fs, 2);
  await shared.probe(request(['pkg', 'rospy']));
  const spawned = shared.processesSpawned;
  assert.equal((await shared.probe(request(['pkg', 'rospy']))).kind === 'ok', true);
  assert.equal(shared.processesSpawned, spawned);
  fs.file('/site/pkg/core.py', 'changed', { mtimeMs: 20 });
  await shared.probe(request(['pkg', 'rospy']));
  assert.deepEqual(runner.calls.at(-1)?.args.slice(2), ['import', 'pkg']);
});

const failed = (module: string) => ({
  protocolVersion: 1,
  mode: 'import',
  module,
  outcome: {
    status: 'error',
    stage: 'import',
    target: module,
    exceptionType: 'ImportError',
    message: `${module} failed after another module was imported`,
    missingName: null,
    raisedAt: null,
    traceback: '',
    file: null,
    version: null,
    extensions: [],
  },
});

test("a later module's failure in a shared process is imported again alone, and that answer counts", async () => {
  const runner = fakeRunner({
    laneOutcome: (modules, frame) => exited(modules.map((module) => frame(module === 'yaml' ? failed(module) : answer(module))).join('')),
  });
  const result = await prober(runner, machine(), 1).probe(request(['torch', 'yaml', 'rospy']));
  assert.deepEqual(
    runner.calls.slice(1).map((call) => call.args.slice(2, 4)),
    [
      ['imports', 'torch=torch._C'],
      ['import', 'yaml'],
    ],
  );
  assert.equal(result.kind === 'ok' && result.imports.yaml?.status, 'ok');
  assert.equal(result.kind === 'ok' && result.imports.rospy?.status, 'ok');
});

test('a shared process that crashes: the modules it did not report are imported alone', async () => {
  const runner = fakeRunner({
    laneOutcome: (modules, frame) => ({
      kind: 'signaled',
      signal: 'SIGSEGV',
      stdout: frame(answer(modules[0] ?? '')),
      stderr: 'Fatal Python error: Segmentation fault\n',
      durationMs: 3,
    }),
    importOutcome: (module) =>
      module === 'rospy' ? { kind: 'signaled', signal: 'SIGSEGV', stdout: '', stderr: 'Segmentation fault\n', durationMs: 3 } : undefined,
  });
  const result = await prober(runner, machine(), 1).probe(request(['torch', 'rospy', 'yaml']));
  assert.deepEqual(
    runner.calls.slice(2).map((call) => call.args.slice(2, 4)),
    [
      ['import', 'rospy'],
      ['import', 'yaml'],
    ],
  );
  if (result.kind !== 'ok') return assert.fail(result.kind);
  assert.equal(result.imports.torch?.status, 'error');
  assert.equal(result.imports.rospy?.status, 'crash');
  assert.equal(result.imports.yaml?.status, 'ok');
});

test('a shared process that hangs: the module it was importing timed out, the ones after it are imported alone', async () => {
  const runner = fakeRunner({
    laneOutcome: (modules, frame) => ({ kind: 'timeout', timeoutMs: 1000, stdout: frame(answer(modules[0] ?? '')), stderr: '' }),
  });
  const result = await prober(runner, machine(), 1).probe(request(['torch', 'rospy', 'yaml']));
  if (result.kind !== 'ok') return assert.fail(result.kind);
  assert.deepEqual(result.imports.rospy, { status: 'timeout', timeoutMs: 1000 });
  assert.equal(result.imports.yaml?.status, 'ok');
  assert.deepEqual(
    runner.calls.slice(2).map((call) => call.args.slice(2, 4)),
    [['import', 'yaml']],
  );
});

test('two documents for one module in a shared process: neither is trusted, the module is imported alone', async () => {
  const runner = fakeRunner({
    laneOutcome: (modules, frame) =>
      exited(
        [
          ...modules.map((module) => frame(answer(module))),
          frame({ ...answer('yaml'), outcome: { status: 'missing', exceptionType: 'ImportError', message: 'forged' } }),
        ].join(''),
      ),
  });
  const result = await prober(runner, machine(), 1).probe(request(['torch', 'yaml']));
  assert.deepEqual(runner.calls.at(-1)?.args.slice(2, 4), ['import', 'yaml']);
  assert.equal(result.kind === 'ok' && result.imports.yaml?.status, 'ok');
});

test('a second probe with nothing changed spawns no process and says it was cached', async () => {
  const runner = fakeRunner();
  const shared = prober(runner, machine());
  await shared.probe(request(['rospy', 'torch']));
  const before = shared.processesSpawned;
  const again = await shared.probe(request(['torch', 'rospy']));
  assert.equal(shared.processesSpawned, before);
  assert.equal(again.kind === 'ok' && again.cached, true);
  assert.equal(again.kind === 'ok' && again.imports.torch?.status, 'error');
});

test('asking for one more module probes only that module', async () => {
  const runner = fakeRunner();
  const shared = prober(runner, machine());
  await shared.probe(request(['rospy']));
  runner.calls.length = 0;
  const more = await shared.probe(request(['rospy', 'numpy']));
  assert.deepEqual(
    runner.calls.map((call) => call.args.slice(2, 4)),
    [
      ['facts', 'numpy'],
      ['import', 'numpy'],
    ],
  );
  assert.equal(more.kind === 'ok' && more.imports.rospy?.status, 'ok');
  assert.equal(more.kind === 'ok' && more.cached, false);
});

test('a package installed into a site directory (its mtime changes) makes the next probe run again', async () => {
  const runner = fakeRunner();
  const fs = machine();
  const shared = prober(runner, fs);
  await shared.probe(request(['rospy']));
  const site = facts.siteDirs[0];
  assert.ok(site);
  fs.touch(site, 99);
  const before = shared.processesSpawned;
  await shared.probe(request(['rospy']));
  assert.equal(shared.processesSpawned, before + 2);
});

test('another environment (PYTHONPATH) is another cache entry', async () => {
  const runner = fakeRunner();
  const shared = prober(runner, machine());
  await shared.probe(request(['rospy']));
  const before = shared.processesSpawned;
  await shared.probe(request(['rospy'], { env: { PATH: '/usr/bin' } }));
  assert.equal(shared.processesSpawned, before + 2);
});

test('a spec-only pass followed by a full probe runs only the imports', async () => {
  const runner = fakeRunner();
  const shared = prober(runner, machine());
  const specs = await shared.probe(request(['rospy', 'torch'], { specOnly: true }));
  assert.deepEqual(specs.kind === 'ok' && specs.imports, {});
  runner.calls.length = 0;
  await shared.probe(request(['rospy', 'torch']));
  assert.deepEqual(
    runner.calls.map((call) => call.args[2]),
    ['import', 'import'],
  );
});

test('an import that kills its process is a crash of that module, the others still report', async () => {
  const runner = fakeRunner({
    importOutcome: (module) =>
      module === 'crashy'
        ? { kind: 'signaled', signal: 'SIGSEGV', stdout: '', stderr: 'Fatal Python error: Segmentation fault\n', durationMs: 3 }
        : undefined,
  });
  const result = await prober(runner, machine()).probe(request(['crashy', 'rospy']));
  assert.equal(result.kind, 'ok');
  if (result.kind !== 'ok') return;
  assert.deepEqual(result.imports.crashy, {
    status: 'crash',
    exitCode: null,
    signal: 'SIGSEGV',
    stderrExcerpt: 'Fatal Python error: Segmentation fault',
  });
  assert.equal(result.imports.rospy?.status, 'ok');
});

test('a timed-out import is not cached: the next probe tries it again', async () => {
  let slow = true;
  const runner = fakeRunner({
    importOutcome: (module) => (module === 'torch' && slow ? { kind: 'timeout', timeoutMs: 1000, stdout: '', stderr: '' } : undefined),
  });
  const shared = prober(runner, machine());
  const first = await shared.probe(request(['torch']));
  assert.deepEqual(first.kind === 'ok' && first.imports.torch, { status: 'timeout', timeoutMs: 1000 });
  slow = false;
  const second = await shared.probe(request(['torch']));
  assert.equal(second.kind === 'ok' && second.imports.torch?.status, 'error');
});

test('an interpreter that is missing, a directory or not executable is invalid before anything runs', async () => {
  const runner = fakeRunner();
  const fs = machine();
  fs.dir('/some/dir', 1000);
  fs.file('/some/notes.txt', '', { executable: false, mtimeMs: 1000 });
  const shared = prober(runner, fs);
  const missing = await shared.probe(request(['rospy'], { interpreter: ref('/nope/python') }));
  const directory = await shared.probe(request(['rospy'], { interpreter: ref('/some/dir') }));
  const text = await shared.probe(request(['rospy'], { interpreter: ref('/some/notes.txt') }));
  assert.deepEqual(
    [missing, directory, text].map((p) => (p.kind === 'invalid' ? p.reason : p.kind)),
    ['not-found', 'not-a-file', 'not-executable'],
  );
  assert.match(text.kind === 'invalid' ? text.detail : '', /\/some\/notes\.txt/);
  assert.equal(runner.calls.length, 0);
});

test('a facts pass that hangs is a start-up timeout of that interpreter', async () => {
  const runner: ProcessRunner = { run: async () => ({ kind: 'timeout', timeoutMs: 1000, stdout: '', stderr: '' }) };
  const result = await prober(runner, machine()).probe(request(['rospy']));
  assert.deepEqual(result, { kind: 'timeout', interpreter: ref(), timeoutMs: 1000, stage: 'startup' });
});

test('cancelling when the facts pass is back marks the imports not-run, the one already running too', async () => {
  const controller = new AbortController();
  const runner = fakeRunner({ delayFor: (mode) => (mode === 'facts' ? 1 : 50) });
  const result = await prober(runner, machine()).probe(
    request(['rospy'], { signal: controller.signal, onFacts: () => controller.abort(), headStart: true }),
  );
  assert.deepEqual(result.kind === 'ok' && result.imports.rospy, { status: 'not-run', reason: 'aborted' });
  assert.deepEqual(runner.events, ['start facts rospy', 'start import rospy', 'end facts rospy', 'aborted import rospy']);
});
