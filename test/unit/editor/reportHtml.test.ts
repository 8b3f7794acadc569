// Plain Node: the report page is text, so its accessibility and CSP promises are checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings/finding';
import type { ReportModel } from '../../../src/core/present/reportModel';
import { groupCauses, type GroupingFacts } from '../../../src/core/present/causes';
import { diagnosticSpecs } from '../../../src/core/present/diagnosticSpecs';
import { problemSummary } from '../../../src/core/present/problemSummary';
import { reportHtml } from '../../../src/editor/reportHtml';

const finding: Finding = {
  code: 'module-missing',
  severity: 'error',
  message: 'torch is not installed for venv: <venv>',
  detail: "No module named 'torch'",
  location: { file: '/ws/src/p/scripts/node.py', line: 5, column: 7, endLine: 5, endColumn: 12 },
  related: [],
  fixes: [{ kind: 'selectInterpreter', title: 'Switch to /usr/bin/python3', path: '/usr/bin/python3' }],
  interpreter: '/venv/bin/python',
  module: 'torch',
};

const facts: GroupingFacts = { isOptionalSite: () => false, interpreterName: (path) => path };
const causes = groupCauses([finding], facts);

const model: ReportModel = {
  workspaceRoot: '/ws',
  workspaceKind: 'catkin_make',
  rosDistro: 'noetic',
  rosPython: 'Python 3',
  environment: 'sourced /ws/devel/setup.bash',
  selectedInterpreter: { path: '/venv/bin/python', chosenBy: 'selected in the Python Environments extension' },
  variables: [['PYTHONPATH', '/ws/devel/lib/python3/dist-packages']],
  interpreters: [
    {
      path: '/venv/bin/python',
      displayName: 'venv: venv',
      version: '3.11.7',
      kind: 'venv',
      selected: true,
      verdict: '1 of 2 fail',
      usable: false,
    },
    {
      path: '/usr/bin/python3',
      displayName: '/usr/bin/python3',
      version: '3.11.2',
      kind: 'system',
      selected: false,
      verdict: 'works',
      usable: true,
    },
  ],
  rows: [
    {
      module: 'torch',
      optional: false,
      cells: [
        { kind: 'missing', version: null, reason: null },
        { kind: 'ok', version: '1.13.0', reason: null },
      ],
    },
    {
      module: 'rospy',
      optional: false,
      cells: [
        { kind: 'fails', version: null, reason: 'needs rospkg' },
        { kind: 'ok', version: null, reason: null },
      ],
    },
  ],
  findings: [finding],
  causes,
  summary: problemSummary(causes, diagnosticSpecs(causes, facts)),
};

const html = reportHtml({ model, nonce: 'abc123', cspSource: 'vscode-webview://x', generatedAt: 'now' });

test('the report allows only its own nonce for scripts and styles, and no remote content', () => {
  assert.match(html, /default-src 'none'/);
  assert.match(html, /script-src 'nonce-abc123'/);
  assert.doesNotMatch(html, /https?:\/\//);
  const scripts = html.match(/<script[^>]*>/g) ?? [];
  assert.ok(scripts.length > 0 && scripts.every((tag) => tag.includes('nonce="abc123"')));
});

test('the matrix is a real table with a caption, header scopes and words next to symbols', () => {
  assert.match(html, /<caption>What each interpreter does/);
  assert.match(html, /<th scope="col">venv: venv <em>\(selected\)<\/em>/);
  assert.match(html, /<th scope="row"><code>torch<\/code><\/th>/);
  assert.match(html, /✗<\/span> missing/);
  assert.match(html, /✓<\/span> imports<div class="detail">1\.13\.0/);
  assert.match(html, /✗<\/span> fails<div class="detail">needs rospkg/);
});

test('every fix is a button carrying its stable id, the preferred one marked', () => {
  for (const fix of causes.flatMap((cause) => cause.fixes)) assert.ok(html.includes(`data-fix-id="${fix.id}"`), fix.title);
  assert.match(html, /<button type="button" data-fix-id="[^"]+" class="preferred">Switch to \/usr\/bin\/python3<\/button>/);
});

test('text from the machine is escaped', () => {
  assert.match(html, /venv: &lt;venv&gt;/);
  assert.doesNotMatch(html, /<venv>/);
});

test('the report names the selected interpreter and who chose it', () => {
  assert.match(html, /Interpreter: <code>\/venv\/bin\/python<\/code> \(selected in the Python Environments extension\)/);
});

test('each place of a cause is a link carrying its file and line, which the page posts back', () => {
  assert.match(
    html,
    /<a href="#" data-file="\/ws\/src\/p\/scripts\/node\.py" data-line="5" data-column="7"[^>]*>src\/p\/scripts\/node\.py:5<\/a>/,
  );
  assert.match(html, /postMessage\(\{ kind: 'openLocation', file: link\.dataset\.file, line: Number\(link\.dataset\.line\)/);
});
