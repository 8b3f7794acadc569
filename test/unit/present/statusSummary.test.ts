import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnosis } from '../../../src/core/engine/doctorApi';
import type { InterpreterRef } from '../../../src/core/interpreters/interpreter';
import type { ImportResult, InterpreterProbe } from '../../../src/core/probe/probeResult';
import type { InterpreterFacts } from '../../../src/core/probe/protocol';
import { interpreterLabel, stateSummary, statusSummary } from '../../../src/core/present/statusSummary';

const ref: InterpreterRef = {
  path: '/venv/bin/python',
  realPath: '/root/.pyenv/versions/3.12.1/bin/python3.12',
  kind: 'venv',
  source: 'setting',
  envPrefix: '/venv',
  displayName: 'venv: venv',
};

function facts(major: number, minor: number): InterpreterFacts {
  return {
    implementation: 'cpython',
    version: { major, minor, micro: 1, releaseLevel: 'final' },
    versionString: `${major}.${minor}.1 (main)`,
    executable: ref.realPath,
    prefix: '/venv',
    basePrefix: '/root/.pyenv/versions/3.12.1',
    platform: 'linux',
    machine: 'x86_64',
    extSuffix: null,
    soabi: null,
    isVenv: true,
    isConda: false,
    externallyManaged: false,
    sysPath: [],
    pythonPathEnv: null,
    stdlibModules: [],
    builtinModules: [],
    siteDirs: [],
  };
}

const ok: ImportResult = { status: 'ok', file: '/x/__init__.py', version: '1.0', extensions: [], deepChecks: [] };
const missing: ImportResult = { status: 'missing', exceptionType: 'ModuleNotFoundError', message: "No module named 'torch'" };

function diagnosis(selected: InterpreterProbe, modules: string[], errors = 0): Diagnosis {
  return {
    workspace: null,
    rosDistro: { name: null, pythonVersion: 3, pythonMinor: null, rosVersion: 1, evidence: 'test' },
    environment: { kind: 'plain', reason: 'no-setup-script', vars: {} },
    files: [],
    modules,
    selected,
    others: [],
    findings: Array.from({ length: errors }, () => ({
      code: 'module-missing' as const,
      severity: 'error' as const,
      message: 'm',
      detail: null,
      location: null,
      related: [],
      fixes: [],
      interpreter: ref.path,
      module: 'torch',
    })),
    durationMs: 10,
    processesSpawned: 0,
  };
}

function probed(imports: Record<string, ImportResult>): InterpreterProbe & { kind: 'ok' } {
  return { kind: 'ok', interpreter: ref, facts: facts(3, 12), specs: {}, imports, environment: 'sourced', durationMs: 5, cached: false };
}

test('says "venv: venv (py3.12) · torch ✗ rospy ✓" for a venv that has rospy but not torch', () => {
  const summary = statusSummary(diagnosis(probed({ rospy: ok, torch: missing }), ['rospy', 'torch'], 1));
  assert.equal(summary.text, 'venv: venv (py3.12) · torch ✗ rospy ✓');
  assert.equal(summary.level, 'error');
  assert.match(summary.tooltip, /venv: venv/);
  assert.match(summary.tooltip, /Not on a line: m\./);
});

test('is ok when every module imports, puts rospy first, and "+N" never counts modules that import fine', () => {
  const summary = statusSummary(diagnosis(probed({ numpy: ok, rospy: ok, yaml: ok, zmq: ok }), ['numpy', 'rospy', 'yaml', 'zmq']));
  assert.equal(summary.level, 'ok');
  assert.equal(summary.text, 'venv: venv (py3.12) · rospy ✓ numpy ✓ yaml ✓');
  const broken = statusSummary(
    diagnosis(probed({ a: missing, b: missing, c: missing, d: missing, e: missing, rospy: ok }), ['a', 'b', 'c', 'd', 'e', 'rospy']),
  );
  assert.equal(broken.text, 'venv: venv (py3.12) · a ✗ b ✗ c ✗ +2 ✗');
});

test('names the interpreter that cannot run at all', () => {
  const invalid: InterpreterProbe = { kind: 'invalid', interpreter: ref, reason: 'not-found', detail: '/venv/bin/python does not exist' };
  const summary = statusSummary(diagnosis(invalid, ['rospy']));
  assert.equal(summary.text, 'venv: venv ✗ not usable');
  assert.equal(summary.level, 'error');
  assert.match(summary.tooltip, /does not exist/);
});

test('does not call a module fine when only its spec was found', () => {
  const specOnly: InterpreterProbe = {
    ...probed({}),
    specs: { rospy: { found: true, origin: '/r', isPackage: true }, torch: { found: false, foreignExtensions: [], caseVariants: [] } },
  };
  const summary = statusSummary(diagnosis(specOnly, ['rospy', 'torch', 'cv_bridge']));
  assert.match(summary.text, /torch ✗/);
  assert.match(summary.text, /rospy \?/);
  assert.match(summary.text, /cv_bridge \?/);
});

test('says plainly that an untrusted workspace is not checked', () => {
  const summary = stateSummary({ kind: 'untrusted' });
  assert.match(summary.tooltip, /not trusted/);
  assert.match(summary.tooltip, /no interpreter is run/);
  assert.equal(stateSummary({ kind: 'probing', interpreter: 'py3.12' }).level, 'busy');
});

test('names three 3.11 interpreters apart: by their environment, not only "py3.11"', () => {
  const names = ['/usr/bin/python3', 'venv: .venv', 'pyenv 3.11.7'].map((displayName) =>
    interpreterLabel({ ...probed({}), facts: facts(3, 11), interpreter: { ...ref, displayName } }),
  );
  assert.deepEqual(names, ['/usr/bin/python3 (py3.11)', 'venv: .venv (py3.11)', 'pyenv 3.11.7']);
  assert.equal(new Set(names).size, 3);
});
