import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betterInterpreterAvailable } from '../../../src/core/rules/betterInterpreterAvailable';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';
import type { InterpreterProbe } from '../../../src/core/probe/probeResult';
import type { LaunchCheck } from '../../../src/core/launch/probeLaunchPaths';
import { NO_LAUNCH_FACTS } from '../../../src/core/launch/launchFacts';

test('suggests the venv with system site packages when the selected pyenv 3.12 fails torch', () => {
  const venv = loadProbe('system-site-venv');
  const input = buildRuleInput({
    selected: loadProbe('py312-debian-dist-packages'),
    others: [loadProbe('isolated-venv'), venv],
    sources: [NODE],
  });
  assert.deepEqual(betterInterpreterAvailable(input), [
    {
      code: 'better-interpreter-available',
      severity: 'info',
      message:
        'system-site-venv imports every module this workspace needs, unlike the selected py312-debian-dist-packages, which fails cv2, cv_bridge, numpy, torch',
      detail: `${venv.interpreter.path}: cv2, cv_bridge, numpy, rospy, torch, yaml`,
      location: null,
      related: [],
      fixes: [
        { kind: 'selectInterpreter', title: `Switch interpreter to ${venv.interpreter.path}`, path: venv.interpreter.path },
        { kind: 'openDocs', title: 'Read about better-interpreter-available', anchor: 'better-interpreter-available' },
      ],
      interpreter: '/root/.pyenv/versions/3.12.1/bin/python3',
      module: null,
    },
  ]);
});

test('stays silent when no other interpreter does better, or the selected one is fine', () => {
  assert.deepEqual(
    betterInterpreterAvailable(
      buildRuleInput({ selected: loadProbe('py312-debian-dist-packages'), others: [loadProbe('isolated-venv')], sources: [NODE] }),
    ),
    [],
  );
  assert.deepEqual(
    betterInterpreterAvailable(
      buildRuleInput({ selected: loadProbe('healthy-system'), others: [loadProbe('system-site-venv')], sources: [NODE] }),
    ),
    [],
  );
});

/** A ros2 run path whose entry point's #! names `probe`'s interpreter (the build's Python), as the engine probed it. */
function ros2RunCheck(probe: InterpreterProbe, overrides: Readonly<Record<string, string>> = {}): LaunchCheck {
  return {
    path: {
      kind: 'ros2-run',
      file: NODE_PATH,
      packageName: 'demo',
      command: 'ros2 run demo node',
      script: '/ws/install/demo/lib/demo/node',
      shebang: { text: probe.interpreter.path, command: probe.interpreter.path, viaEnv: false, length: probe.interpreter.path.length },
      runner: { kind: 'interpreter', path: probe.interpreter.path },
      environment: { overrides },
      declaredAt: null,
    },
    files: [NODE_PATH],
    modules: ['cv2', 'cv_bridge', 'numpy', 'rospy', 'torch', 'yaml'],
    interpreter: probe.interpreter,
    probe,
    sameAsSelected: false,
    metadata: null,
  };
}

test("offers the build's Python a launch path runs when it imports everything, though no discovery listed it", () => {
  const venv = loadProbe('system-site-venv');
  const base = buildRuleInput({ selected: loadProbe('py312-debian-dist-packages'), sources: [NODE] });
  const input = { ...base, launch: { ...NO_LAUNCH_FACTS, checks: [ros2RunCheck(venv)] } };
  assert.deepEqual(betterInterpreterAvailable(input)[0]?.fixes[0], {
    kind: 'selectInterpreter',
    title: `Switch interpreter to ${venv.interpreter.path}`,
    path: venv.interpreter.path,
  });
  // Not when it fails an import (the isolated venv has no rospy), nor when the path runs it with launch.json's own env.
  const failing = { ...base, launch: { ...NO_LAUNCH_FACTS, checks: [ros2RunCheck(loadProbe('isolated-venv'))] } };
  assert.deepEqual(betterInterpreterAvailable(failing), []);
  const ownEnv = { ...base, launch: { ...NO_LAUNCH_FACTS, checks: [ros2RunCheck(venv, { PYTHONPATH: '/extra' })] } };
  assert.deepEqual(betterInterpreterAvailable(ownEnv), []);
});
