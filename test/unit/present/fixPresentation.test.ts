import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings/finding';
import { fixesById, presentFixes, terminalText } from '../../../src/core/present/fixPresentation';

const file = '/ws/src/demo_pkg/scripts/node.py';
const torchMissing: Finding = {
  code: 'module-missing',
  severity: 'error',
  message: "The selected interpreter /venv/bin/python cannot import 'torch': No module named 'torch'.",
  detail: "ModuleNotFoundError: No module named 'torch'",
  location: { file, line: 3, column: 7, endLine: 3, endColumn: 12 },
  related: [],
  fixes: [
    { kind: 'selectInterpreter', title: 'Switch to /usr/bin/python3 (imports torch)', path: '/usr/bin/python3' },
    {
      kind: 'installPackages',
      title: 'Install torch with pip',
      interpreter: '/venv/bin/python',
      packages: ['torch'],
      tool: 'pip',
      command: "'/venv/bin/python' -m pip install torch",
    },
  ],
  interpreter: '/venv/bin/python',
  module: 'torch',
};

test('offers ignoring the module and the rule docs besides the rule own fixes', () => {
  const fixes = presentFixes(torchMissing);
  assert.deepEqual(
    fixes.map((fix) => fix.kind),
    ['selectInterpreter', 'installPackages', 'ignoreModule', 'openDocs'],
  );
  assert.equal(fixes.find((fix) => fix.kind === 'ignoreModule')?.effect.kind, 'ignore-module');
  assert.deepEqual(fixes.find((fix) => fix.kind === 'openDocs')?.effect, { kind: 'docs', anchor: 'module-missing' });
});

test('marks exactly one fix preferred: the first repair the rule lists', () => {
  const fixes = presentFixes(torchMissing);
  assert.deepEqual(
    fixes.filter((fix) => fix.isPreferred).map((fix) => fix.kind),
    ['selectInterpreter'],
  );
  const onlyDocs = presentFixes({ ...torchMissing, fixes: [] });
  assert.equal(onlyDocs.filter((fix) => fix.isPreferred).length, 0, 'ignoring or reading docs is never preferred');
});

test('gives a fix the same id every time and a different id to a different fix', () => {
  const first = presentFixes(torchMissing).map((fix) => fix.id);
  const again = presentFixes(structuredClone(torchMissing)).map((fix) => fix.id);
  assert.deepEqual(first, again);
  assert.equal(new Set(first).size, first.length);
  const otherPath = presentFixes({
    ...torchMissing,
    fixes: [{ kind: 'selectInterpreter', title: 'Switch', path: '/opt/conda/bin/python' }],
  });
  assert.notEqual(otherPath[0]?.id, first[0]);
  assert.match(first[0] ?? '', /^module-missing\/selectInterpreter\/[0-9a-f]{8}$/);
});

test('puts the install command in a terminal exactly as the rule built it', () => {
  const install = presentFixes(torchMissing).find((fix) => fix.kind === 'installPackages');
  assert.deepEqual(install?.effect, { kind: 'terminal', text: "'/venv/bin/python' -m pip install torch" });
});

test('joins build-from-source steps into one line so nothing runs before the user presses Enter', () => {
  assert.equal(terminalText(['cd /tmp/src ', '', 'python -m pip install .']), 'cd /tmp/src && python -m pip install .');
  const [build] = presentFixes({
    ...torchMissing,
    code: 'extension-abi-mismatch',
    fixes: [
      {
        kind: 'buildFromSource',
        title: 'Build cv_bridge',
        interpreter: '/p',
        package: 'cv_bridge',
        commands: ['a', 'b'],
        docsUrl: 'https://x',
      },
    ],
  });
  assert.deepEqual(build?.effect, { kind: 'terminal', text: 'a && b' });
  assert.ok(!(build?.effect.kind === 'terminal' && build.effect.text.includes('\n')));
});

test('turns a shebang fix into an edit of the whole first line and a case fix into an edit of the name', () => {
  const fixes = presentFixes({
    ...torchMissing,
    code: 'module-name-case',
    fixes: [
      {
        kind: 'replaceText',
        title: "Change 'Torch' to 'torch'",
        range: { file, line: 3, column: 7, endLine: 3, endColumn: 12 },
        newText: 'torch',
      },
      { kind: 'editShebang', title: 'Use python3', file, line: 1, newText: '#!/usr/bin/env python3' },
    ],
  });
  assert.deepEqual(fixes[0]?.effect, {
    kind: 'edit',
    file,
    line: 3,
    wholeLine: false,
    column: 7,
    endLine: 3,
    endColumn: 12,
    newText: 'torch',
  });
  assert.deepEqual(fixes[1]?.effect, {
    kind: 'edit',
    file,
    line: 1,
    wholeLine: true,
    column: 0,
    endLine: 1,
    endColumn: 0,
    newText: '#!/usr/bin/env python3',
  });
});

test('opens an environment file as an unsaved yaml document and keeps its commands for afterwards', () => {
  const [create] = presentFixes({
    ...torchMissing,
    fixes: [
      {
        kind: 'createEnvironment',
        title: 'Create a conda env',
        tool: 'conda',
        file: '/ws/environment.yml',
        content: 'name: ros\n',
        commands: ['conda env create -f /ws/environment.yml', 'conda activate ros'],
      },
    ],
  });
  assert.deepEqual(create?.effect, {
    kind: 'untitled-document',
    suggestedFile: '/ws/environment.yml',
    content: 'name: ros\n',
    language: 'yaml',
    followUp: 'conda env create -f /ws/environment.yml && conda activate ros',
  });
});

test('switching the interpreter names the interpreter it switches to (picked by name, so nothing asks again)', () => {
  const [select] = presentFixes(torchMissing);
  assert.ok(select?.effect.kind === 'switch-interpreter' && select.effect.path === '/usr/bin/python3');
  assert.match(select.title, /\/usr\/bin\/python3/);
});

test('finds every fix of every finding by id, once', () => {
  const byId = fixesById([torchMissing, torchMissing]);
  assert.equal(byId.size, presentFixes(torchMissing).length);
  for (const fix of presentFixes(torchMissing)) assert.equal(byId.get(fix.id)?.title, fix.title);
});
