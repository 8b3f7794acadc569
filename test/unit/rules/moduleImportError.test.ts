import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moduleImportError } from '../../../src/core/rules/moduleImportError';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

test('shows the SyntaxError rospy hits under Python 2.7 and where it was raised', () => {
  const input = buildRuleInput({
    selected: loadProbe('py27-debian-dist-packages'),
    sources: [NODE],
    others: [loadProbe('healthy-system')],
  });
  const rospy = moduleImportError(input).find((f) => f.module === 'rospy');
  assert.equal(rospy?.message, 'import rospy fails in py27-debian-dist-packages with SyntaxError "invalid syntax (__init__.py, line 362)"');
  assert.deepEqual(rospy?.location, { file: NODE_PATH, line: 2, column: 7, endLine: 2, endColumn: 12 });
  assert.match(rospy?.detail ?? '', /class YAMLObject\(metaclass=YAMLObjectMetaclass\)/);
  assert.deepEqual(rospy?.related, [
    {
      message: 'raised here',
      file: '/usr/lib/python3/dist-packages/yaml/__init__.py',
      range: { file: '/usr/lib/python3/dist-packages/yaml/__init__.py', line: 362, column: 0, endLine: 362, endColumn: 0 },
    },
  ]);
  assert.deepEqual(
    rospy?.fixes.map((f) => f.kind),
    ['selectInterpreter', 'openDocs'],
  );
  assert.deepEqual(
    moduleImportError(input)
      .map((f) => f.module)
      .sort(),
    ['cv_bridge', 'numpy', 'rospy', 'torch', 'yaml'],
  );
});

test('says an import crashed the interpreter with SIGSEGV', () => {
  const input = buildRuleInput({ selected: loadProbe('import-crash'), sources: [{ path: '/ws/n.py', text: 'import crashmod\n' }] });
  const [crash, ...rest] = moduleImportError(input);
  assert.equal(rest.length, 0);
  assert.equal(crash?.code, 'module-import-error');
  assert.equal(crash?.message, 'import crashmod crashed the interpreter venv: venv311 (SIGSEGV)');
  assert.deepEqual(crash?.location, { file: '/ws/n.py', line: 1, column: 7, endLine: 1, endColumn: 15 });
});

test('stays silent for the healthy interpreter', () => {
  assert.deepEqual(moduleImportError(buildRuleInput({ selected: loadProbe('healthy-system'), sources: [NODE] })), []);
});
