import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foreignPythonPath, pathPythonVersion } from '../../../src/core/rules/foreignPythonPath';
import { buildRuleInput, loadProbe, NODE, NODE_PATH } from '../../support/ruleInputBuilder';

test('warns that PYTHONPATH puts Python 3 dist-packages under Python 2.7, at the first import found there', () => {
  const input = buildRuleInput({
    selected: loadProbe('py27-debian-dist-packages'),
    sources: [NODE],
    others: [loadProbe('healthy-system')],
  });
  const findings = foreignPythonPath(input);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f?.severity, 'warning');
  assert.equal(
    f?.message,
    'PYTHONPATH puts /usr/lib/python3/dist-packages (for Python 3) on the path of py27-debian-dist-packages, which is Python 2.7',
  );
  assert.deepEqual(f?.location, { file: NODE_PATH, line: 2, column: 7, endLine: 2, endColumn: 12 });
  assert.equal(f?.detail, 'PYTHONPATH=/usr/lib/python3/dist-packages');
  assert.deepEqual(f?.fixes[0], { kind: 'selectInterpreter', title: 'Switch interpreter to /usr/bin/python3', path: '/usr/bin/python3' });
});

test("warns about /opt/ros/melodic/lib/python2.7 on a Python 3.11 path, at rospy's import", () => {
  const probe = loadProbe('melodic-path-under-py311');
  const input = buildRuleInput({
    selected: probe,
    sources: [
      { path: '/ws/a.py', text: 'import os\nimport rospy\n' },
      { path: '/ws/b.py', text: 'import torch\n' },
    ],
  });
  const findings = foreignPythonPath(input);
  assert.deepEqual(
    findings.map((f) => f.location?.file),
    ['/ws/a.py'],
    'b.py imports nothing from there',
  );
  assert.match(
    findings[0]?.message ?? '',
    /^PYTHONPATH puts \/tmp\/rec\/opt\/ros\/melodic\/lib\/python2\.7\/dist-packages \(for Python 2\.7\) on the path of venv: venv311, which is Python 3\.11$/,
  );
  assert.equal(findings[0]?.location?.line, 2);
});

test('puts the warning on no line when nothing imported lives there', () => {
  const input = buildRuleInput({
    selected: loadProbe('melodic-path-under-py311'),
    sources: [{ path: '/ws/b.py', text: 'import torch\n' }],
  });
  assert.deepEqual(
    foreignPythonPath(input).map((f) => f.location),
    [null],
  );
});

test('accepts Debian python3 dist-packages under 3.12 (same major; the ABI rule speaks there) and the healthy interpreter', () => {
  assert.deepEqual(foreignPythonPath(buildRuleInput({ selected: loadProbe('py312-debian-dist-packages'), sources: [NODE] })), []);
  assert.deepEqual(foreignPythonPath(buildRuleInput({ selected: loadProbe('healthy-system'), sources: [NODE] })), []);
});

test('reads the Python version a folder is for', () => {
  assert.deepEqual(pathPythonVersion('/opt/ros/melodic/lib/python2.7/dist-packages'), { major: 2, minor: 7 });
  assert.deepEqual(pathPythonVersion('/usr/lib/python3/dist-packages'), { major: 3, minor: null });
  assert.equal(pathPythonVersion('/root/.pyenv/versions/3.12.1/bin'), null);
});
