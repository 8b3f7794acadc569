// Discovery on a real machine layout: pyenv's real versions and shims, Debian's python3, a conda-style env and a
// workspace .venv made from real interpreters in a temporary HOME.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ProcessRunner } from '../../src/core/ports';
import { createExecaRunner } from '../../src/node/execaRunner';
import { createNodeFileSystem } from '../../src/node/nodeFileSystem';
import { discoverInterpreters } from '../../src/node/interpreterDiscovery';
import { resolveInterpreter } from '../../src/node/resolveInterpreter';
import { DEBIAN_PYTHON, file, needs, pyenvPython, pyenvRoot, pyenvVersion } from '../support/prerequisites';

const fs = createNodeFileSystem();
const temp = mkdtempSync(path.join(tmpdir(), 'red-discovery-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function countingRunner(): ProcessRunner & { readonly calls: string[] } {
  const real = createExecaRunner();
  const calls: string[] = [];
  return { calls, run: (f, args, options) => (calls.push(f), real.run(f, args, options)) };
}

const pyenvInstalled = (): string | undefined =>
  pyenvRoot() === null ? 'pyenv is not installed (https://github.com/pyenv/pyenv)' : undefined;

test('finds every pyenv version, Debian python3, a conda env and the workspace .venv once each, classified, without running anything', async (t) => {
  if (
    !needs(
      t,
      pyenvInstalled,
      pyenvVersion('3.11'),
      pyenvVersion('3.12'),
      pyenvVersion('2.7'),
      file(DEBIAN_PYTHON, 'apt-get install python3'),
    )
  )
    return;
  const root = pyenvRoot() as string;
  const py311 = pyenvPython('3.11') as string;
  const py312 = pyenvPython('3.12') as string;
  const py27 = pyenvPython('2.7') as string;

  const home = path.join(temp, 'home');
  const workspace = path.join(temp, 'catkin_ws');
  mkdirSync(path.join(workspace, 'src'), { recursive: true });
  execFileSync(DEBIAN_PYTHON, ['-m', 'venv', '--without-pip', '--system-site-packages', path.join(workspace, '.venv')]);
  // A conda env as the scenarios build it: a real venv with conda-meta/ (history and a package record), listed in environments.txt.
  const condaEnv = path.join(temp, 'conda-envs', 'torch-env');
  execFileSync(py311, ['-m', 'venv', '--without-pip', condaEnv]);
  mkdirSync(path.join(condaEnv, 'conda-meta'));
  writeFileSync(
    path.join(condaEnv, 'conda-meta', 'history'),
    '==> 2024-01-01 00:00:00 <==\n# cmd: conda create -n torch-env python=3.11\n',
  );
  writeFileSync(path.join(condaEnv, 'conda-meta', 'python-3.11.7-0.json'), '{"name": "python", "version": "3.11.7"}\n');
  mkdirSync(path.join(home, '.conda'), { recursive: true });
  writeFileSync(path.join(home, '.conda', 'environments.txt'), `${condaEnv}\n`);

  const env = {
    HOME: home,
    PYENV_ROOT: root,
    PYENV_VERSION: path.basename(path.dirname(path.dirname(py312))),
    PATH: [path.join(root, 'shims'), path.dirname(py27), path.dirname(py311), '/usr/bin', '/bin'].join(':'),
  };
  const runner = countingRunner();
  const started = Date.now();
  const refs = await discoverInterpreters({ fs, runner, env, home, workspaceRoot: workspace });
  const elapsed = Date.now() - started;
  assert.equal(runner.calls.length, 0, `discovery ran ${runner.calls.join(', ')}`);

  const byReal = new Map(refs.map((r) => [r.realPath, r]));
  assert.equal(byReal.size, refs.length, 'no interpreter is listed twice');
  for (const ref of refs) assert.ok(!ref.realPath.includes('/shims/'), `${ref.path} resolved to ${ref.realPath}`);

  // PATH comes first: the shim `python` (PYENV_VERSION picks 3.12) is found before anything else, and offered
  // as the binary it runs now rather than the shim, whose meaning changes with pyenv's selection.
  const first = refs[0];
  assert.equal(first?.path, path.join(root, 'versions', path.basename(path.dirname(path.dirname(py312))), 'bin', 'python'));
  assert.equal(first?.realPath, realpathSync(py312));
  assert.equal(first?.kind, 'pyenv');

  const versions = readdirSync(path.join(root, 'versions')).filter((v) => /^\d/.test(v));
  for (const version of versions) {
    const matching = refs.filter((r) => r.kind === 'pyenv' && r.displayName === `pyenv ${version}`);
    assert.equal(matching.length, 1, `pyenv ${version}: ${JSON.stringify(matching)}`);
  }

  const system = refs.filter((r) => r.realPath === realpathSync(DEBIAN_PYTHON));
  assert.deepEqual(
    system.map((r) => [r.path, r.kind, r.displayName]),
    [['/usr/bin/python3', 'system', '/usr/bin/python3']],
  );

  const venv = refs.filter((r) => r.kind === 'venv');
  assert.deepEqual(
    venv.map((r) => [r.path, r.realPath, r.source, r.envPrefix, r.displayName]),
    [
      [
        path.join(workspace, '.venv', 'bin', 'python'),
        path.join(realpathSync(workspace), '.venv', 'bin', 'python'),
        'workspace-venv',
        path.join(workspace, '.venv'),
        'venv: .venv (3.11)',
      ],
    ],
  );

  const conda = refs.filter((r) => r.kind === 'conda');
  assert.deepEqual(
    conda.map((r) => [r.path, r.source, r.envPrefix, r.displayName]),
    [[path.join(condaEnv, 'bin', 'python'), 'conda', condaEnv, 'conda: torch-env']],
  );
  assert.ok(elapsed < 2000, `discovery took ${elapsed} ms`);
});

test('each discovered interpreter really is what discovery says when run (venv in its venv, conda env in its prefix)', async (t) => {
  if (!needs(t, pyenvInstalled, pyenvVersion('3.11'), file(DEBIAN_PYTHON, 'apt-get install python3'))) return;
  const py311 = pyenvPython('3.11') as string;
  const venvDir = path.join(temp, 'run-check', '.venv');
  execFileSync(py311, ['-m', 'venv', '--without-pip', venvDir]);
  const ref = await resolveInterpreter(path.join(venvDir, 'bin', 'python'), 'selected', {
    fs,
    env: { PATH: '/usr/bin' },
    home: temp,
    cwd: null,
  });
  const prefix = execFileSync(ref.realPath, ['-c', 'import sys; print(sys.prefix)'], { encoding: 'utf8' }).trim();
  assert.equal(prefix, realpathSync(venvDir), 'running realPath starts the venv, not its base');
});

test('a selected pyenv shim resolves to the version .python-version in the workspace names', async (t) => {
  if (!needs(t, pyenvInstalled, pyenvVersion('3.8'))) return;
  const root = pyenvRoot() as string;
  const py38 = pyenvPython('3.8') as string;
  const workspace = path.join(temp, 'pinned_ws');
  mkdirSync(path.join(workspace, 'src', 'pkg'), { recursive: true });
  writeFileSync(path.join(workspace, '.python-version'), '3.8\n');
  const env = { HOME: temp, PYENV_ROOT: root, PATH: `${path.join(root, 'shims')}:/usr/bin:/bin` };
  const ref = await resolveInterpreter(path.join(root, 'shims', 'python3'), 'python-extension', {
    fs,
    env,
    home: temp,
    cwd: path.join(workspace, 'src', 'pkg'),
  });
  assert.equal(ref.realPath, realpathSync(py38));
  assert.equal(ref.kind, 'pyenv');
  // pyenv itself agrees (run once here, never by discovery).
  const which = execFileSync(path.join(root, 'libexec', 'pyenv'), ['which', 'python3'], {
    cwd: workspace,
    env: { ...env, PYENV_VERSION: '' },
    encoding: 'utf8',
  }).trim();
  assert.equal(realpathSync(which), ref.realPath);
});

test('the selected interpreter is kept even when it is not one, for the prober to report', async () => {
  const notExecutable = path.join(temp, 'not-python');
  writeFileSync(notExecutable, 'Python 3.11.2\n');
  const refs = await discoverInterpreters({
    fs,
    runner: countingRunner(),
    env: { PATH: '/usr/bin' },
    home: temp,
    workspaceRoot: null,
    selected: notExecutable,
  });
  assert.deepEqual([refs[0]?.path, refs[0]?.source, refs[0]?.kind], [notExecutable, 'selected', 'other']);
  const dangling = await resolveInterpreter(path.join(temp, 'gone', 'bin', 'python3'), 'setting', { fs, env: {}, home: temp, cwd: null });
  assert.equal(dangling.realPath, path.join(temp, 'gone', 'bin', 'python3'));
});
