import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProcessRunner } from '../../../src/core/ports';
import { resolveInterpreter } from '../../../src/node/resolveInterpreter';
import { discoverInterpreters } from '../../../src/node/interpreterDiscovery';
import { findOnPath } from '../../../src/core/interpreters/pathLookup';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const ROOT = '/home/u/.pyenv';
const shimText = (root: string) =>
  `#!/usr/bin/env bash\nset -e\nprogram="\${0##*/}"\n\nexport PYENV_ROOT="${root}"\nexec "${root}/libexec/pyenv" exec "$program" "$@"\n`;
const exe = { executable: true };

/** A home with pyenv 3.8.18, 3.12.1 and shims, and Debian's python3. */
function machine(): MemoryFileSystem {
  const fs = new MemoryFileSystem();
  for (const v of ['3.8.18', '3.12.1']) {
    const minor = v.split('.').slice(0, 2).join('.');
    fs.file(`${ROOT}/versions/${v}/bin/python${minor}`, 'ELF', exe)
      .link(`${ROOT}/versions/${v}/bin/python3`, `python${minor}`)
      .link(`${ROOT}/versions/${v}/bin/python`, 'python3');
  }
  for (const name of ['python', 'python3', 'python3.8', 'python3.12']) fs.file(`${ROOT}/shims/${name}`, shimText(ROOT), exe);
  fs.file('/usr/bin/python3.11', 'ELF', exe).link('/usr/bin/python3', 'python3.11');
  fs.file(`${ROOT}/version`, '3.12.1\n');
  return fs;
}

/** Fails the test if anything tries to run a process: discovery must cost none. */
const noProcesses: ProcessRunner = {
  run: async (file) => assert.fail(`discovery ran ${file}`),
};

const deps = (fs: MemoryFileSystem, env: Record<string, string> = {}, cwd: string | null = '/ws') => ({
  fs,
  env: { PATH: `${ROOT}/shims:/usr/bin`, ...env },
  home: '/home/u',
  cwd,
});

test("a selected pyenv shim resolves to the global version's real binary", async () => {
  const ref = await resolveInterpreter(`${ROOT}/shims/python3`, 'selected', deps(machine()));
  assert.equal(ref.path, `${ROOT}/shims/python3`);
  assert.equal(ref.realPath, `${ROOT}/versions/3.12.1/bin/python3.12`);
  assert.equal(ref.displayName, 'pyenv 3.12.1');
});

test('a .python-version in a parent of the workspace wins over the global version', async () => {
  const fs = machine().file('/.python-version', '3.8\n');
  const ref = await resolveInterpreter(`${ROOT}/shims/python`, 'selected', deps(fs, {}, '/ws/src/pkg'));
  assert.equal(ref.realPath, `${ROOT}/versions/3.8.18/bin/python3.8`);
});

test('PYENV_VERSION wins over .python-version, and "system" finds python3 behind the shims', async () => {
  const fs = machine().file('/ws/.python-version', '3.8.18\n');
  const ref = await resolveInterpreter(`${ROOT}/shims/python3`, 'selected', deps(fs, { PYENV_VERSION: 'system' }));
  assert.equal(ref.realPath, '/usr/bin/python3.11');
  assert.equal(ref.kind, 'system');
});

test('a path that does not exist is kept as it is, for the prober to report', async () => {
  const ref = await resolveInterpreter('/opt/nowhere/bin/python3', 'setting', deps(machine()));
  assert.deepEqual(
    [ref.path, ref.realPath, ref.kind, ref.source],
    ['/opt/nowhere/bin/python3', '/opt/nowhere/bin/python3', 'other', 'setting'],
  );
});

test('discovery lists each interpreter once, in PATH order, and skips shims pyenv cannot run', async () => {
  const fs = machine().file(`${ROOT}/shims/python2`, shimText(ROOT), exe).file('/usr/local/bin/python3', 'not executable');
  const refs = await discoverInterpreters({
    fs,
    runner: noProcesses,
    env: { PATH: `${ROOT}/shims:/usr/bin` },
    home: '/home/u',
    workspaceRoot: null,
  });
  assert.deepEqual(
    refs.map((r) => [r.path, r.realPath, r.source, r.displayName]),
    [
      [`${ROOT}/versions/3.12.1/bin/python`, `${ROOT}/versions/3.12.1/bin/python3.12`, 'path', 'pyenv 3.12.1'],
      ['/usr/bin/python3', '/usr/bin/python3.11', 'path', '/usr/bin/python3'],
      [`${ROOT}/versions/3.8.18/bin/python`, `${ROOT}/versions/3.8.18/bin/python3.8`, 'pyenv', 'pyenv 3.8.18'],
    ],
  );
});

test('the selected interpreter comes first and is kept even when it is not executable', async () => {
  const fs = machine().file('/ws/fake-python', 'print me');
  const refs = await discoverInterpreters({
    fs,
    runner: noProcesses,
    env: { PATH: '/usr/bin' },
    home: '/home/u',
    workspaceRoot: '/ws',
    selected: '/ws/fake-python',
  });
  assert.equal(refs[0]?.path, '/ws/fake-python');
  assert.equal(refs[0]?.source, 'selected');
});

test('a selected /usr/bin/python3 keeps its own path when PATH finds the same binary again', async () => {
  const refs = await discoverInterpreters({
    fs: machine(),
    runner: noProcesses,
    env: { PATH: '/usr/bin' },
    home: '/home/u',
    workspaceRoot: null,
    selected: '/usr/bin/python3.11',
  });
  const system = refs.filter((r) => r.realPath === '/usr/bin/python3.11');
  assert.deepEqual(
    system.map((r) => [r.path, r.source]),
    [['/usr/bin/python3.11', 'selected']],
  );
});

test('findOnPath takes only executable files, in PATH order', async () => {
  const fs = new MemoryFileSystem()
    .file('/a/python3', 'text')
    .dir('/b/python3')
    .file('/c/python3', 'ELF', exe)
    .file('/d/python3', 'ELF', exe);
  assert.equal(await findOnPath('python3', ['/a', '/b', '/c', '/d'], fs), '/c/python3');
  assert.equal(await findOnPath('python9', ['/a', '/c'], fs), null);
  assert.equal(await findOnPath('/d/python3', [], fs), '/d/python3');
  assert.equal(await findOnPath('/a/python3', [], fs), null);
});

test('a workspace venv is run through its own bin/python (not the base binary it links to) and listed once next to its base', async () => {
  const fs = machine()
    .file('/ws/.venv/pyvenv.cfg', 'home = /usr/bin\nversion = 3.11.2\n')
    .link('/ws/.venv/bin/python3', '/usr/bin/python3')
    .link('/ws/.venv/bin/python', 'python3')
    .link('/ws/.venv/bin/python3.11', 'python3');
  const refs = await discoverInterpreters({
    fs,
    runner: noProcesses,
    env: { PATH: '/ws/.venv/bin:/usr/bin' },
    home: '/home/u',
    workspaceRoot: '/ws',
  });
  assert.deepEqual(
    refs.slice(0, 2).map((r) => [r.path, r.realPath, r.kind, r.envPrefix, r.displayName]),
    [
      ['/ws/.venv/bin/python', '/ws/.venv/bin/python', 'venv', '/ws/.venv', 'venv: .venv (3.11)'],
      ['/usr/bin/python3', '/usr/bin/python3.11', 'system', null, '/usr/bin/python3'],
    ],
  );
  assert.equal(refs.filter((r) => r.kind === 'venv').length, 1);
});

test('a conda env built from a venv (conda-meta/ and pyvenv.cfg) counts as conda', async () => {
  const fs = machine()
    .dir('/data/envs/torch-env/conda-meta')
    .file('/data/envs/torch-env/pyvenv.cfg', 'version = 3.12.1\n')
    .link('/data/envs/torch-env/bin/python', `${ROOT}/versions/3.12.1/bin/python3.12`)
    .file('/home/u/.conda/environments.txt', '/data/envs/torch-env\n');
  const refs = await discoverInterpreters({ fs, runner: noProcesses, env: { PATH: '/usr/bin' }, home: '/home/u', workspaceRoot: null });
  const condaRefs = refs.filter((r) => r.kind === 'conda');
  assert.deepEqual(
    condaRefs.map((r) => [r.path, r.realPath, r.source, r.displayName]),
    [['/data/envs/torch-env/bin/python', '/data/envs/torch-env/bin/python', 'conda', 'conda: torch-env']],
  );
  assert.ok(
    refs.some((r) => r.displayName === 'pyenv 3.12.1'),
    'the base pyenv version is still listed',
  );
});
