// The rule on a recorded healthy Debian probe whose cv_bridge import is replaced by the failure numpy 2 in the
// user site causes (hand-written, LABELLED: the real end-to-end case is test/integration/provenCause.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InterpreterProbe } from '../../../src/core/probe/probeResult';
import type { Cause } from '../../../src/core/proof/proveCauses';
import { runRules } from '../../../src/core/rules/index';
import { shadowedByOutsidePackage } from '../../../src/core/rules/shadowedByOutsidePackage';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

const USER_SITE = '/home/me/.local/lib/python3.11/site-packages';

function failingCvBridge(): InterpreterProbe {
  const probe = loadProbe('healthy-system');
  assert.ok(probe.kind === 'ok');
  return {
    ...probe,
    imports: {
      ...probe.imports,
      cv_bridge: {
        status: 'error',
        stage: 'deep-check',
        target: 'cv2',
        exceptionType: 'ImportError',
        message: 'numpy.core.multiarray failed to import',
        missingName: null,
        raisedAt: null,
        traceback: 'ImportError: numpy.core.multiarray failed to import',
        file: '/usr/lib/python3/dist-packages/cv_bridge/__init__.py',
        version: null,
        extensions: [],
        loaded: [{ module: 'numpy', file: `${USER_SITE}/numpy/__init__.py`, version: '2.4.6' }],
        errorPath: null,
      },
    },
  };
}

const cause: Cause = {
  kind: 'shadowed',
  module: 'cv_bridge',
  suspect: {
    kind: 'user-site',
    entry: USER_SITE,
    packages: [{ module: 'numpy', file: `${USER_SITE}/numpy/__init__.py`, version: '2.4.6' }],
  },
  instead: [{ module: 'numpy', file: '/usr/lib/python3/dist-packages/numpy/__init__.py', version: '1.24.2' }],
  env: { PATH: '/usr/bin:/bin' },
};

test("names numpy 2.4.6 in the user site as shadowing Debian's numpy on the cv_bridge line, with an uninstall and a bypass", () => {
  const input = { ...buildRuleInput({ selected: failingCvBridge(), sources: [NODE] }), causes: new Map([['cv_bridge', cause]]) };
  const [finding, ...rest] = shadowedByOutsidePackage(input);
  assert.equal(rest.length, 0);
  assert.equal(
    finding?.message,
    `numpy 2.4.6 in the user site ${USER_SITE} shadows Debian's numpy 1.24.2 for healthy-system: import cv_bridge works without the user site (python -s)`,
  );
  assert.deepEqual(finding?.location, { file: NODE_PATH, line: 4, column: 5, endLine: 4, endColumn: 14 });
  assert.deepEqual(
    finding?.fixes.map((f) => (f.kind === 'runInTerminal' ? f.commands.join('; ') : f.kind)),
    ['env PIP_BREAK_SYSTEM_PACKAGES=1 /usr/bin/python3 -m pip uninstall numpy', 'export PYTHONNOUSERSITE=1', 'openDocs'],
  );
  const codes = runRules(input)
    .filter((f) => f.module === 'cv_bridge')
    .map((f) => f.code);
  assert.deepEqual(codes, ['shadowed-by-outside-package'], 'one cause, one code: no module-import-error beside it');
});

test('without a proven cause the failure stays a module-import-error and nothing is blamed', () => {
  const input = buildRuleInput({ selected: failingCvBridge(), sources: [NODE] });
  assert.deepEqual(shadowedByOutsidePackage({ ...input, causes: new Map() }), []);
  assert.deepEqual(
    runRules(input)
      .filter((f) => f.module === 'cv_bridge')
      .map((f) => f.code),
    ['module-import-error'],
  );
});
