// The probe finds modules the way the interpreter's own import system does: a zipped egg on PYTHONPATH under
// Python 2.7 and a jar on Jython's path are installed modules, not `module-missing` (imp.find_module sees only
// folders). And numpy's deep check follows numpy's layout: numpy._core in numpy 2, numpy.core in numpy 1.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import type { Diagnosis } from '../../src/core/engine/doctorApi';
import { createEngine, finalUpdate } from '../../src/node/engine';
import { DEBIAN_PYTHON, debianPackage, jython, needs, pyenvPython, pyenvVersion } from '../support/prerequisites';
import { baseEnv } from '../support/scenarios';
import { probeOk, realProber } from './probeSupport';

const debianPython = debianPackage(DEBIAN_PYTHON, 'python3');

function tempDir(t: TestContext, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `red-${name}-`));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A package `name` (one `VALUE = 42` module) zipped into `archive` (an .egg or a .jar: both are zip files). */
function zippedPackage(dir: string, name: string, archive: string): string {
  const source = join(dir, 'src');
  mkdirSync(join(source, name), { recursive: true });
  writeFileSync(join(source, name, '__init__.py'), 'VALUE = 42\n');
  const file = join(dir, archive);
  execFileSync(DEBIAN_PYTHON, ['-m', 'zipfile', '-c', file, name], { cwd: source });
  rmSync(source, { recursive: true, force: true });
  return file;
}

/** What a user of the CLI would see for a loose folder holding one node: the engine's final diagnosis. */
async function diagnose(t: TestContext, python: string, code: string, env: Record<string, string>, timeoutMs = 30_000): Promise<Diagnosis> {
  const folder = tempDir(t, 'node');
  writeFileSync(join(folder, 'node.py'), code);
  const engine = createEngine({ concurrency: 2 });
  const outcome = await finalUpdate(
    engine.checkFolder({
      folder,
      selected: { command: python, source: 'selected' },
      settings: { setupScript: 'off', timeoutMs, extraModules: [], ignoredModules: [], discoverInterpreters: false },
      baseEnv: env,
      trusted: true,
      looseFolder: 'top-level-files',
    }),
  );
  assert.equal(outcome?.kind, 'diagnosis', JSON.stringify(outcome));
  if (outcome?.kind !== 'diagnosis') throw new Error('no diagnosis');
  return outcome.diagnosis;
}

const findingsAbout = (diagnosis: Diagnosis, module: string) =>
  diagnosis.findings.filter((finding) => finding.module === module).map((finding) => finding.code);

test('Python 2.7: a zipped egg on PYTHONPATH imports, so no module-missing; a module that is truly absent still is', async (t) => {
  if (!needs(t, pyenvVersion('2.7'), debianPython)) return;
  const python = pyenvPython('2.7') ?? '';
  const egg = zippedPackage(tempDir(t, 'egg'), 'zipped_mod', 'zipped_mod-1.0-py2.7.egg');
  const env = baseEnv({ PYTHONPATH: egg });
  const probe = await probeOk(realProber(), python, env, ['zipped_mod', 'absent_mod_i7']);
  assert.deepEqual(probe.specs.zipped_mod, { found: true, origin: join(egg, 'zipped_mod', '__init__.py'), isPackage: true });
  assert.equal(probe.imports.zipped_mod?.status, 'ok');

  const diagnosis = await diagnose(t, python, 'import zipped_mod\nimport absent_mod_i7\n', env);
  assert.deepEqual(findingsAbout(diagnosis, 'zipped_mod'), [], 'the zipped egg imports: nothing to report');
  assert.deepEqual(findingsAbout(diagnosis, 'absent_mod_i7'), ['module-missing']);
});

test('Jython: a jar on JYTHONPATH is found and imported, not reported as missing', async (t) => {
  if (!needs(t, jython, debianPython)) return;
  const jar = zippedPackage(tempDir(t, 'jar'), 'jarred_mod', 'jarred_mod.jar');
  const env = baseEnv({ JYTHONPATH: jar });
  const probe = await probeOk(realProber(), '/usr/bin/jython', env, ['jarred_mod'], { timeoutMs: 90_000 });
  assert.deepEqual(probe.specs.jarred_mod, { found: true, origin: join(jar, 'jarred_mod', '__init__.py'), isPackage: true });
  assert.equal(probe.imports.jarred_mod?.status, 'ok');
  const diagnosis = await diagnose(t, '/usr/bin/jython', 'import jarred_mod\n', env, 90_000);
  assert.deepEqual(findingsAbout(diagnosis, 'jarred_mod'), []);
});

/**
 * LABELLED STAND-IN: numpy 2 cannot be installed here, so a folder on PYTHONPATH holds a tiny `numpy` package with
 * numpy 2's layout (`numpy/_core/_multiarray_umath.py`, `numpy/core/` a shim) or numpy 1's (`numpy/core/` only).
 */
function numpyStandIn(dir: string, layout: 'numpy2' | 'numpy1' | 'numpy2-broken'): string {
  const root = join(dir, layout);
  const write = (file: string, text: string): void => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('numpy/__init__.py', `__version__ = '${layout === 'numpy1' ? '1.26.4' : '2.1.0'}'\n`);
  if (layout === 'numpy1') {
    write('numpy/core/__init__.py', '');
    write('numpy/core/_multiarray_umath.py', '');
  } else {
    write('numpy/_core/__init__.py', '');
    write('numpy/core/__init__.py', 'import numpy._core\n');
    write('numpy/core/_multiarray_umath.py', 'from numpy._core._multiarray_umath import *\n');
    write(
      'numpy/_core/_multiarray_umath.py',
      layout === 'numpy2-broken' ? "raise ImportError('_multiarray_umath.cpython-311-x86_64-linux-gnu.so: undefined symbol: PyFoo')\n" : '',
    );
  }
  return root;
}

test('numpy deep check: numpy._core._multiarray_umath in numpy 2, numpy.core._multiarray_umath in numpy 1, and a broken numpy 2 core is an error', async (t) => {
  if (!needs(t, pyenvVersion('3.12'))) return;
  const python = pyenvPython('3.12') ?? '';
  const dir = tempDir(t, 'numpy');
  const deepTargets = async (layout: 'numpy2' | 'numpy1') => {
    const probe = await probeOk(realProber(), python, baseEnv({ PYTHONPATH: numpyStandIn(dir, layout) }), ['numpy']);
    const result = probe.imports.numpy;
    assert.equal(result?.status, 'ok', JSON.stringify(result));
    return result?.status === 'ok' ? result.deepChecks.map((check) => check.target) : [];
  };
  assert.deepEqual(await deepTargets('numpy2'), ['numpy._core._multiarray_umath']);
  assert.deepEqual(await deepTargets('numpy1'), ['numpy.core._multiarray_umath']);
  const broken = await probeOk(realProber(), python, baseEnv({ PYTHONPATH: numpyStandIn(dir, 'numpy2-broken') }), ['numpy']);
  const result = broken.imports.numpy;
  assert.ok(result?.status === 'error' && result.stage === 'deep-check', JSON.stringify(result));
  assert.equal(result.target, 'numpy._core._multiarray_umath');
  assert.match(result.message, /undefined symbol/);
});
