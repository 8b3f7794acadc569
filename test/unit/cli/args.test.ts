import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../../src/cli/args';

test('a bare run checks the current folder with the defaults', () => {
  const parsed = parseArgs([]);
  assert.equal(parsed.kind, 'run');
  if (parsed.kind !== 'run') return;
  assert.equal(parsed.options.workspace, '.');
  assert.equal(parsed.options.python, null);
  assert.equal(parsed.options.format, 'text');
  assert.equal(parsed.options.timeoutMs, 15_000);
  assert.equal(parsed.options.source, true);
  assert.equal(parsed.options.all, false);
});

test('every documented option is understood, with = or a separate value', () => {
  const parsed = parseArgs([
    'ws',
    '--python=/usr/bin/python3',
    '--all',
    '--format',
    'sarif',
    '--timeout',
    '2.5',
    '--no-source',
    '--modules',
    'torch, cv2.aruco',
    '--ignore=em',
    '--no-cache',
    '--no-color',
  ]);
  assert.deepEqual(parsed, {
    kind: 'run',
    options: {
      workspace: 'ws',
      python: '/usr/bin/python3',
      all: true,
      format: 'sarif',
      timeoutMs: 2500,
      source: false,
      modules: ['torch', 'cv2'],
      ignore: ['em'],
      cache: false,
      color: false,
      untrusted: false,
    },
  });
});

test('bad input gets an error that names the input and says what to give', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--format', 'xml'], /--format must be one of text, json, sarif, markdown \(got 'xml'\)/],
    [['--timeout', 'soon'], /--timeout needs a number of seconds .*got 'soon'/],
    [['--timeout', '-1'], /--timeout needs a number of seconds/],
    [['--python'], /--python needs a path to a Python interpreter/],
    [['--modules', 'torch,9lives'], /'9lives' is not a module name/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['a', 'b'], /only one WORKSPACE may be given \(got 'a' and 'b'\)/],
  ];
  for (const [argv, message] of cases) {
    const parsed = parseArgs(argv);
    assert.equal(parsed.kind, 'error', argv.join(' '));
    if (parsed.kind === 'error') assert.match(parsed.message, message);
  }
});

test('--help and --version win over everything else', () => {
  assert.equal(parseArgs(['ws', '--help']).kind, 'help');
  assert.equal(parseArgs(['--version']).kind, 'version');
});
