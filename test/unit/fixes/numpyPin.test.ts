// numpy<2 is offered only where numpy 1.x wheels exist (Python ≤ 3.12), through the environment's manager.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InterpreterProbe } from '../../../src/core/probe/probeResult';
import { runRules } from '../../../src/core/rules/index';
import { numpyPin } from '../../../src/core/fixes/numpyPin';
import type { EnvironmentManager } from '../../../src/core/managers/environmentManager';
import { buildRuleInput, loadProbe } from '../../support/ruleInputBuilder';

const SOURCE = { path: '/ws/src/demo/scripts/cam.py', text: 'import cv2\n' };

/** The recorded isolated venv, as if its Python were 3.<minor> and its cv2 had met NumPy 2 (hand-edited, LABELLED). */
function venvWithBrokenCv2(minor: number): Extract<InterpreterProbe, { kind: 'ok' }> {
  const probe = loadProbe('isolated-venv');
  assert.ok(probe.kind === 'ok');
  return {
    ...probe,
    facts: { ...probe.facts, version: { ...probe.facts.version, minor } },
    specs: { ...probe.specs, cv2: { found: true, origin: '/ws/.venv/lib/site-packages/cv2/__init__.py', isPackage: true } },
    imports: {
      ...probe.imports,
      cv2: {
        status: 'error',
        stage: 'import',
        target: 'cv2',
        exceptionType: 'ImportError',
        message: 'numpy.core.multiarray failed to import',
        missingName: null,
        raisedAt: null,
        traceback: 'A module that was compiled using NumPy 1.x cannot be run in NumPy 2.4.6 as it may crash.',
        file: null,
        version: null,
        extensions: [],
      },
    },
  };
}

function commandsFor(minor: number, manager: EnvironmentManager): string[] {
  const probe = venvWithBrokenCv2(minor);
  const input = { ...buildRuleInput({ selected: probe, sources: [SOURCE] }), managers: new Map([[probe.interpreter.path, manager]]) };
  return runRules(input)
    .filter((f) => f.module === 'cv2')
    .flatMap((f) => f.fixes)
    .flatMap((f) => (f.kind === 'installPackages' ? [f.command] : []));
}

const venv: EnvironmentManager = { kind: 'venv', prefix: '/ws/.venv', home: '/usr/bin', version: '3.12.3', systemSitePackages: false };

test('numpy<2 is pinned up to Python 3.12 and never from 3.13 on, where no numpy 1.x exists', () => {
  assert.equal(numpyPin({ version: { major: 3, minor: 12, micro: 3, releaseLevel: 'final' } }), 'numpy<2');
  assert.equal(numpyPin({ version: { major: 3, minor: 13, micro: 0, releaseLevel: 'final' } }), null);
  const python = loadProbe('isolated-venv').interpreter.path;
  assert.deepEqual(commandsFor(12, venv), [`${python} -m pip install 'numpy<2'`, `${python} -m pip install opencv-python`]);
  assert.deepEqual(commandsFor(14, venv), [`${python} -m pip install opencv-python`]);
  assert.ok(!commandsFor(13, venv).some((c) => c.includes('numpy<2')));
});

test('the pin goes through the manager: pixi add for a pixi env, uv for a uv venv', () => {
  const pixi: EnvironmentManager = {
    kind: 'pixi',
    prefix: '/ws/.pixi/envs/default',
    environment: 'default',
    manifest: '/ws/pixi.toml',
    channels: ['conda-forge'],
    robostack: false,
    rosDistro: null,
  };
  assert.deepEqual(commandsFor(11, pixi), [
    "pixi add --manifest-path /ws/pixi.toml 'numpy<2'",
    'pixi add --manifest-path /ws/pixi.toml opencv',
  ]);
  const uv: EnvironmentManager = {
    kind: 'uv-venv',
    prefix: '/ws/.venv',
    home: '/usr/bin',
    version: '3.11.2',
    systemSitePackages: true,
    uvVersion: '0.5.11',
  };
  assert.deepEqual(commandsFor(11, uv), ["uv pip install --python /ws/.venv 'numpy<2'", 'uv pip install --python /ws/.venv opencv-python']);
});
