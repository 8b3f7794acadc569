import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyManager, NO_EVIDENCE, type ManagerFacts } from '../../../src/core/managers/classifyManager';
import { parsePixiManifest } from '../../../src/core/managers/pixiManifest';
import { parsePyvenvCfg } from '../../../src/core/managers/pyvenvCfg';
import { historyChannels } from '../../../src/core/managers/condaHistory';
import { pixiEnvOf } from '../../../src/core/managers/readManagerEvidence';

const facts = (changes: Partial<ManagerFacts>): ManagerFacts => ({
  prefix: '/usr',
  isVenv: false,
  isConda: false,
  externallyManaged: false,
  version: { major: 3, minor: 11, micro: 2, releaseLevel: 'final' },
  ...changes,
});

test('a uv-made venv is told from a venv by `uv =` in pyvenv.cfg, with its home and version', () => {
  const cfg =
    'home = /root/.pyenv/versions/3.12.1/bin\nimplementation = CPython\nuv = 0.5.11\nversion_info = 3.12.1.final.0\ninclude-system-site-packages = true\n';
  assert.deepEqual(parsePyvenvCfg(cfg), {
    home: '/root/.pyenv/versions/3.12.1/bin',
    version: '3.12.1',
    systemSitePackages: true,
    uv: '0.5.11',
  });
  const manager = classifyManager({ kind: 'venv' }, facts({ prefix: '/ws/.venv', isVenv: true }), { ...NO_EVIDENCE, pyvenvCfg: cfg });
  assert.equal(manager.kind, 'uv-venv');
  const plain = classifyManager({ kind: 'venv' }, facts({ prefix: '/ws/.venv', isVenv: true }), {
    ...NO_EVIDENCE,
    pyvenvCfg: 'home = /usr/bin\nversion = 3.11.2\n',
  });
  assert.deepEqual(plain, { kind: 'venv', prefix: '/ws/.venv', home: '/usr/bin', version: '3.11.2', systemSitePackages: false });
});

test("Debian's python3 with the EXTERNALLY-MANAGED marker is the PEP 668 system Python", () => {
  assert.deepEqual(classifyManager({ kind: 'system' }, facts({ externallyManaged: true }), { ...NO_EVIDENCE, ensurepip: false }), {
    kind: 'system',
    externallyManaged: true,
    ensurepip: false,
  });
  assert.equal(classifyManager({ kind: 'pyenv' }, facts({ prefix: '/root/.pyenv/versions/3.11.7' }), NO_EVIDENCE).kind, 'pyenv');
});

test('a pixi environment reads its channels (multi-line arrays, features) and the ROS distro it already uses', () => {
  const manifest = [
    '[workspace]',
    'name = "robot"',
    'channels = [',
    '  "robostack-staging",  # RoboStack first',
    '  "conda-forge",',
    ']',
    'platforms = ["linux-64"]',
    '',
    '[dependencies]',
    'ros-noetic-desktop = "*"',
    '',
    '[feature.gpu]',
    "channels = ['nvidia']",
  ].join('\n');
  const parsed = parsePixiManifest(manifest, 'pixi.toml');
  assert.deepEqual(parsed.channels, ['robostack-staging', 'conda-forge']);
  assert.deepEqual(parsed.featureChannels.get('gpu'), ['nvidia']);
  const manager = classifyManager({ kind: 'conda' }, facts({ prefix: '/ws/.pixi/envs/gpu', isConda: true }), {
    ...NO_EVIDENCE,
    condaHistory: '',
    pixi: { manifest: '/ws/pixi.toml', text: manifest, environment: 'gpu' },
  });
  assert.deepEqual(manager, {
    kind: 'pixi',
    prefix: '/ws/.pixi/envs/gpu',
    environment: 'gpu',
    manifest: '/ws/pixi.toml',
    channels: ['robostack-staging', 'conda-forge', 'nvidia'],
    robostack: true,
    rosDistro: 'noetic',
  });
});

test('pyproject.toml is a pixi manifest only with [tool.pixi.*]', () => {
  assert.equal(parsePixiManifest('[project]\nname = "x"\n', 'pyproject.toml').isPixi, false);
  const parsed = parsePixiManifest('[project]\nname = "x"\n[tool.pixi.workspace]\nchannels = ["conda-forge"]\n', 'pyproject.toml');
  assert.deepEqual([parsed.isPixi, parsed.channels], [true, ['conda-forge']]);
});

test("a conda env's channels and RoboStack distro come from conda-meta/history", () => {
  const history = [
    '==> 2026-01-10 10:00:00 <==',
    '# cmd: conda create -p /opt/envs/ros -c robostack-staging -c conda-forge ros-noetic-rospy',
    '+conda-forge/linux-64::python-3.11.9-hb806964_0_cpython',
    '+robostack-staging/linux-64::ros-noetic-rospy-1.17.0-py311h_8',
    '+https://conda.anaconda.org/conda-forge/noarch::pyyaml-6.0-pyh_0',
  ].join('\n');
  assert.deepEqual(historyChannels(history), ['conda-forge', 'robostack-staging']);
  const manager = classifyManager({ kind: 'conda' }, facts({ prefix: '/opt/envs/ros', isConda: true }), {
    ...NO_EVIDENCE,
    condaHistory: history,
  });
  assert.deepEqual(manager, {
    kind: 'conda',
    prefix: '/opt/envs/ros',
    channels: ['conda-forge', 'robostack-staging'],
    robostack: true,
    rosDistro: 'noetic',
  });
});

test('pixi environments are known by <project>/.pixi/envs/<name>', () => {
  assert.deepEqual(pixiEnvOf('/home/me/robot/.pixi/envs/default'), { project: '/home/me/robot', environment: 'default' });
  assert.equal(pixiEnvOf('/home/me/miniconda3/envs/default'), null);
});
