import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyInterpreter, pyenvVersionOf } from '../../../src/core/interpreters/classifyInterpreter';
import { displayName } from '../../../src/core/interpreters/displayName';
import {
  isInterpreterName,
  pyvenvCfgVersion,
  type InterpreterLocation,
  type PrefixFacts,
} from '../../../src/core/interpreters/interpreterFacts';

const PYENV = '/home/u/.pyenv';
const bare = (prefix: string): PrefixFacts => ({ prefix, pyvenvCfg: null, condaMeta: false, condaBase: false });

function location(overrides: Partial<InterpreterLocation> & { path: string }): InterpreterLocation {
  return { target: overrides.path, realPath: overrides.path, targetPrefix: null, realPrefix: null, pyenvRoot: PYENV, ...overrides };
}

test('a workspace .venv made from pyenv 3.11 shows as "venv: .venv (3.11)", not as pyenv', () => {
  const c = classifyInterpreter(
    location({
      path: '/ws/.venv/bin/python',
      realPath: `${PYENV}/versions/3.11.7/bin/python3.11`,
      targetPrefix: { ...bare('/ws/.venv'), pyvenvCfg: { version: '3.11.7' } },
      realPrefix: bare(`${PYENV}/versions/3.11.7`),
    }),
  );
  assert.deepEqual(c, { kind: 'venv', envPrefix: '/ws/.venv', displayName: 'venv: .venv (3.11)' });
});

test('a venv whose pyvenv.cfg names no version shows its folder name only', () => {
  const c = classifyInterpreter(
    location({ path: '/ws/env/bin/python3', targetPrefix: { ...bare('/ws/env'), pyvenvCfg: { version: null } } }),
  );
  assert.equal(c.displayName, 'venv: env');
});

test('a named conda env shows as "conda: torch-env" with its prefix', () => {
  const c = classifyInterpreter(
    location({
      path: '/home/u/miniconda3/envs/torch-env/bin/python',
      targetPrefix: { ...bare('/home/u/miniconda3/envs/torch-env'), condaMeta: true },
    }),
  );
  assert.deepEqual(c, { kind: 'conda', envPrefix: '/home/u/miniconda3/envs/torch-env', displayName: 'conda: torch-env' });
});

test("a conda installation's own python shows as conda base", () => {
  const c = classifyInterpreter(
    location({ path: '/opt/conda/bin/python', targetPrefix: { ...bare('/opt/conda'), condaMeta: true, condaBase: true } }),
  );
  assert.equal(c.displayName, 'conda: base');
});

test('a link in /usr/local/bin into a conda env is classified by where it leads', () => {
  const c = classifyInterpreter(
    location({
      path: '/usr/local/bin/python3',
      realPath: '/srv/envs/ros/bin/python3.9',
      targetPrefix: bare('/usr/local'),
      realPrefix: { ...bare('/srv/envs/ros'), condaMeta: true },
    }),
  );
  assert.equal(c.kind, 'conda');
  assert.equal(c.envPrefix, '/srv/envs/ros');
});

test('a pyenv version and a pyenv shim resolved to it both show as "pyenv 3.12.1"', () => {
  const real = classifyInterpreter(
    location({ path: `${PYENV}/versions/3.12.1/bin/python3`, targetPrefix: bare(`${PYENV}/versions/3.12.1`) }),
  );
  assert.deepEqual(real, { kind: 'pyenv', envPrefix: null, displayName: 'pyenv 3.12.1' });
  const shim = classifyInterpreter(
    location({
      path: `${PYENV}/shims/python3`,
      target: `${PYENV}/versions/3.12.1/bin/python3`,
      realPath: `${PYENV}/versions/3.12.1/bin/python3.12`,
    }),
  );
  assert.equal(shim.displayName, 'pyenv 3.12.1');
});

test('Debian python3 is a system interpreter named by its path', () => {
  const c = classifyInterpreter(location({ path: '/usr/bin/python3', realPath: '/usr/bin/python3.11', targetPrefix: bare('/usr') }));
  assert.deepEqual(c, { kind: 'system', envPrefix: null, displayName: '/usr/bin/python3' });
});

test('an interpreter in a home-made folder is "other", and without pyenv nothing is pyenv', () => {
  assert.equal(classifyInterpreter(location({ path: '/home/u/tools/python/bin/python3' })).kind, 'other');
  assert.equal(classifyInterpreter(location({ path: `${PYENV}/versions/3.12.1/bin/python3`, pyenvRoot: null })).kind, 'other');
});

test('pyenv version folders are recognised only under <root>/versions', () => {
  assert.equal(pyenvVersionOf(`${PYENV}/versions/2.7.18/bin/python2`, PYENV), '2.7.18');
  assert.equal(pyenvVersionOf(`${PYENV}/shims/python`, PYENV), null);
  assert.equal(pyenvVersionOf(`${PYENV}/versions`, PYENV), null);
  assert.equal(pyenvVersionOf('/home/u/.pyenv-old/versions/3.9.18/bin/python', PYENV), null);
});

test('pyvenv.cfg versions are read from python -m venv and from uv', () => {
  assert.equal(pyvenvCfgVersion('home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n'), '3.11.2');
  assert.equal(pyvenvCfgVersion('home = /x\nimplementation = CPython\nversion_info = 3.12.1.final.0\n'), '3.12.1');
  assert.equal(pyvenvCfgVersion('home = /x\n'), null);
});

test('only real interpreter names are discovered (no python3-config, python3.11m, pythonw)', () => {
  for (const name of ['python', 'python2', 'python3', 'python3.11', 'python2.7']) assert.ok(isInterpreterName(name), name);
  for (const name of ['python3-config', 'python3.11m', 'pythonw', 'python3.11-config', 'python-argcomplete-tcsh', 'ipython3']) {
    assert.ok(!isInterpreterName(name), name);
  }
});

test('display names for every kind', () => {
  assert.equal(displayName({ kind: 'venv', prefix: '/ws/.venv', version: '3.13.0' }), 'venv: .venv (3.13)');
  assert.equal(displayName({ kind: 'conda', prefix: '/c/envs/ros', base: false }), 'conda: ros');
  assert.equal(displayName({ kind: 'pyenv', version: '2.7.18' }), 'pyenv 2.7.18');
  assert.equal(displayName({ kind: 'other', path: '/opt/py/bin/python' }), '/opt/py/bin/python');
});
