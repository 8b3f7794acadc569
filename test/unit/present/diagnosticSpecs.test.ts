import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings/finding';
import { groupCauses, type GroupingFacts } from '../../../src/core/present/causes';
import { diagnosticSpecs as specsOfCauses, docsUrl, findSpec } from '../../../src/core/present/diagnosticSpecs';

const facts: GroupingFacts = { isOptionalSite: () => false, interpreterName: (path) => path };

function diagnosticSpecs(findings: readonly Finding[]) {
  return specsOfCauses(groupCauses(findings, facts), facts);
}

const node = '/ws/src/demo_pkg/scripts/node.py';
const other = '/ws/src/demo_pkg/scripts/other.py';

/** An import failing in an interpreter; one interpreter's failing imports are one cause, so each test picks its own. */
function missing(module: string, file: string, line: number, column: number, interpreter = '/venv/bin/python'): Finding {
  return {
    code: 'module-missing',
    severity: 'error',
    message: `The selected interpreter cannot import '${module}'.`,
    detail: `ModuleNotFoundError: No module named '${module}'\n  (searched 5 sys.path entries)`,
    location: { file, line, column, endLine: line, endColumn: column + module.length },
    related: [{ message: `/usr/bin/python3 imports ${module}`, file: '/usr/bin/python3', range: null }],
    fixes: [],
    interpreter,
    module,
  };
}

const unlocated: Finding = {
  code: 'split-environment',
  severity: 'warning',
  message: 'No interpreter imports every module.',
  detail: null,
  location: null,
  related: [],
  fixes: [],
  interpreter: null,
  module: null,
};

test('draws a module finding on the module name with the first detail line under the message', () => {
  const specs = diagnosticSpecs([missing('torch', node, 4, 7)]);
  const [spec] = specs.get(node) ?? [];
  assert.ok(spec);
  assert.deepEqual(spec.range, { file: node, line: 4, column: 7, endLine: 4, endColumn: 12 });
  assert.equal(spec.message, "The selected interpreter cannot import 'torch'.\nModuleNotFoundError: No module named 'torch'");
  assert.match(spec.causeId, /^module-missing\//);
  assert.equal(spec.code, 'module-missing');
  assert.equal(spec.docsAnchor, 'module-missing');
  assert.equal(spec.severity, 'error');
  assert.equal(spec.related[0]?.file, '/usr/bin/python3');
  assert.ok(spec.fixes.some((fix) => fix.kind === 'ignoreModule'));
});

test('groups by file, sorts by line, and leaves findings without a place to the report', () => {
  const specs = diagnosticSpecs([
    missing('torch', node, 9, 7, '/other/bin/python'),
    unlocated,
    missing('rospy', node, 2, 7),
    missing('cv_bridge', other, 1, 5),
  ]);
  assert.deepEqual([...specs.keys()].sort(), [node, other]);
  assert.deepEqual(
    specs.get(node)?.map((spec) => spec.range.line),
    [2, 9],
  );
});

test('shows a finding once when two rules say the same thing on the same name', () => {
  const specs = diagnosticSpecs([missing('torch', node, 4, 7), missing('torch', node, 4, 7)]);
  assert.equal(specs.get(node)?.length, 1);
});

test('does not repeat a detail the message already says', () => {
  const finding = { ...missing('torch', node, 4, 7), message: "ModuleNotFoundError: No module named 'torch'" };
  assert.equal(diagnosticSpecs([finding]).get(node)?.[0]?.message, "ModuleNotFoundError: No module named 'torch'.");
});

test('finds the spec behind a diagnostic by code and position', () => {
  const specs = diagnosticSpecs([missing('torch', node, 4, 7), missing('rospy', node, 5, 7, '/other/bin/python')]).get(node) ?? [];
  assert.equal(findSpec(specs, 'module-missing', 5, 7)?.range.endColumn, 12);
  assert.equal(findSpec(specs, 'module-import-error', 5, 7), undefined);
});

test('links a rule to the README section of the repository', () => {
  assert.equal(
    docsUrl('git+https://github.com/ros-env-doctor/ros-env-doctor.git', 'module-missing'),
    'https://github.com/ros-env-doctor/ros-env-doctor#module-missing',
  );
  assert.equal(docsUrl(null, 'module-missing'), null);
  assert.equal(docsUrl('git@github.com:x/y.git', 'module-missing'), null);
});
