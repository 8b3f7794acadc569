// What the probe makes of hangs, noise, crashes and things that are not interpreters — and that it caches.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEBIAN_PYTHON, needs, pyenvPython, pyenvVersion, rosStack } from '../support/prerequisites';
import { baseEnv, hangingSitecustomize, hostileInterpreters, noisySitecustomize, segfaultModule } from '../support/scenarios';
import { processesOf } from '../support/processes';
import { probeOk, realProber, refFor } from './probeSupport';

test('an interpreter whose sitecustomize hangs times out in time, names the interpreter and leaves nothing running', async (t) => {
  if (!needs(t, pyenvVersion('3.11'))) return;
  const hang = await hangingSitecustomize();
  try {
    const python = pyenvPython('3.11') ?? '';
    const started = Date.now();
    const result = await realProber().probe({
      interpreter: refFor(python),
      modules: ['rospy'],
      env: baseEnv({ PYTHONPATH: hang.dir }),
      environment: 'sourced',
      timeoutMs: 1500,
    });
    const took = Date.now() - started;
    assert.deepEqual(result, { kind: 'timeout', interpreter: refFor(python), timeoutMs: 1500, stage: 'startup' });
    // The sitecustomize sleeps for ever: any answer means the time limit cut it. The bound only catches a limit
    // ignored or restarted (a loaded 2-core machine answered 1.9 s late, so it is no speed check).
    assert.ok(took < 1500 + 10_000, `took ${took} ms`);
    assert.deepEqual(processesOf(hang.dir), []);
  } finally {
    await hang.cleanup();
  }
});

test("the selected interpreter's head start: stopped with a facts pass that hangs, thrown away for a module that is not installed", async (t) => {
  if (!needs(t, pyenvVersion('3.11'))) return;
  const python = pyenvPython('3.11') ?? '';
  // A sitecustomize that hangs: the facts pass times out at start-up, and the torch import started beside it is
  // stopped with it, nothing left running.
  const hang = await hangingSitecustomize();
  try {
    const result = await realProber().probe({
      interpreter: refFor(python),
      modules: ['torch', 'rospy'],
      env: baseEnv({ PYTHONPATH: hang.dir }),
      environment: 'sourced',
      timeoutMs: 1500,
      headStart: true,
    });
    assert.deepEqual(result, { kind: 'timeout', interpreter: refFor(python), timeoutMs: 1500, stage: 'startup' });
    assert.deepEqual(processesOf(hang.dir), []);
  } finally {
    await hang.cleanup();
  }
  // pyenv 3.11 has no torch: its head start is thrown away and the answer is the facts pass's (no spec), as without one.
  const dir = await mkdtemp(join(tmpdir(), 'ros-env-doctor-head-start-'));
  try {
    const result = await probeOk(realProber(), python, baseEnv({ PYTHONPATH: dir }), ['torch', 'json'], { headStart: true });
    assert.deepEqual(result.imports.torch, { status: 'not-run', reason: 'spec-missing' });
    assert.equal(result.imports.json, undefined);
    assert.deepEqual(processesOf(dir), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the probe result is found despite a sitecustomize printing text, escapes, a NUL and fake sentinels', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const noisy = await noisySitecustomize();
  try {
    for (const python of [DEBIAN_PYTHON, pyenvPython('2.7')].filter((p): p is string => p !== undefined)) {
      const result = await probeOk(realProber(), python, baseEnv({ PYTHONPATH: noisy.dir }), ['json', 'rospy']);
      assert.equal(result.facts.pythonPathEnv, noisy.dir, python);
    }
  } finally {
    await noisy.cleanup();
  }
});

test('an import that segfaults is a crash of that module, and the rest of the probe still works', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const crashy = await segfaultModule();
  try {
    const result = await probeOk(realProber(), DEBIAN_PYTHON, baseEnv({ PYTHONPATH: crashy.dir }), [crashy.module, 'rospy']);
    const crash = result.imports[crashy.module];
    assert.equal(crash?.status, 'crash');
    assert.equal(crash?.status === 'crash' && crash.signal, 'SIGSEGV');
    assert.equal(result.imports.rospy?.status, 'ok');
  } finally {
    await crashy.cleanup();
  }
});

test('in one shared import process, a module that segfaults after another is a crash of that module alone', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const crashy = await segfaultModule();
  try {
    // One slot: rospy (the costliest) first, then crashy and yaml in the same process until crashy kills it.
    const result = await probeOk(realProber(1), DEBIAN_PYTHON, baseEnv({ PYTHONPATH: crashy.dir }), ['rospy', crashy.module, 'yaml']);
    const crash = result.imports[crashy.module];
    assert.equal(crash?.status === 'crash' && crash.signal, 'SIGSEGV');
    assert.equal(result.imports.rospy?.status, 'ok');
    assert.equal(result.imports.yaml?.status, 'ok');
  } finally {
    await crashy.cleanup();
  }
});

test('in one shared import process the time limit bounds each import, not their sum; a hanging one times out alone', async (t) => {
  if (!needs(t, pyenvVersion('3.11'))) return;
  const dir = await mkdtemp(join(tmpdir(), 'ros-env-doctor-lane-'));
  try {
    // Each slow module takes a third of the limit; the four together take more than the limit.
    for (const name of ['slow_a', 'slow_b', 'slow_c', 'slow_d']) await writeFile(join(dir, `${name}.py`), 'import time\ntime.sleep(0.6)\n');
    await writeFile(join(dir, 'stuck.py'), 'import time\ntime.sleep(600)\n');
    const python = pyenvPython('3.11') ?? '';
    const slow = await probeOk(realProber(1), python, baseEnv({ PYTHONPATH: dir }), ['slow_a', 'slow_b', 'slow_c', 'slow_d'], {
      timeoutMs: 1800,
    });
    assert.deepEqual(
      ['slow_a', 'slow_b', 'slow_c', 'slow_d'].map((name) => slow.imports[name]?.status),
      ['ok', 'ok', 'ok', 'ok'],
    );
    const stuck = await probeOk(realProber(1), python, baseEnv({ PYTHONPATH: dir }), ['slow_a', 'stuck', 'json', 'slow_b'], {
      timeoutMs: 1800,
    });
    assert.deepEqual(stuck.imports.stuck, { status: 'timeout', timeoutMs: 1800 });
    assert.equal(stuck.imports.slow_a?.status, 'ok');
    assert.equal(stuck.imports.slow_b?.status, 'ok');
    assert.deepEqual(processesOf(dir), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('things that are not interpreters are invalid, each with a detail naming the path', async () => {
  const hostile = await hostileInterpreters();
  try {
    const prober = realProber();
    const cases = [
      [hostile.textNoExec, 'not-executable', /not executable/],
      [hostile.directory, 'not-a-file', /is a directory/],
      [hostile.danglingLink, 'not-found', /link to something that does not exist/],
      [hostile.truncatedElf, undefined, /python-truncated/],
      [hostile.fakeVersion, 'exited-without-result', /printed no probe result.*Python 3\.11\.2/],
      [hostile.badShebang, 'spawn-failed', /ENOENT/],
      [hostile.exits127, 'exited-without-result', /exited with code 127: \/bin\/sh: 1: python: not found/],
    ] as const;
    for (const [path, reason, detail] of cases) {
      const result = await prober.probe({
        interpreter: refFor(path),
        modules: ['rospy'],
        env: baseEnv(),
        environment: 'plain',
        timeoutMs: 5000,
      });
      assert.equal(result.kind, 'invalid', path);
      if (result.kind !== 'invalid') continue;
      if (reason !== undefined) assert.equal(result.reason, reason, path);
      assert.ok(result.detail.includes(path), `${result.detail} names ${path}`);
      assert.match(result.detail, detail);
      assert.ok(!result.detail.includes('\n'), 'one line');
    }
  } finally {
    await hostile.cleanup();
  }
});

test('probing again with nothing changed spawns no process', async (t) => {
  if (!needs(t, ...rosStack)) return;
  const prober = realProber();
  const first = await probeOk(prober, DEBIAN_PYTHON, baseEnv(), ['rospy', 'yaml']);
  assert.equal(first.cached, false);
  const spawned = prober.processesSpawned;
  const second = await probeOk(prober, DEBIAN_PYTHON, baseEnv(), ['yaml', 'rospy']);
  assert.equal(prober.processesSpawned, spawned);
  assert.equal(second.cached, true);
  assert.deepEqual(second.imports, first.imports);
});
