// The scanner's lean tokenization (a statement that is neither an import nor a compound statement keeps only its
// first token, and its characters are skipped up to the next one that can end it) must find exactly what the
// complete tokenization finds: same sites, ranges, optional/typeOnly flags and shebang, on tricky inputs, on
// generated ones, and on real Python (this repository's and the interpreter's standard library).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { scanImports } from '../../../src/core/scan/importScanner';
import { debianPackage, needs } from '../../support/prerequisites';

const REPO = join(__dirname, '..', '..', '..');

function assertAgrees(text: string, label = JSON.stringify(text.slice(0, 200))): void {
  assert.deepEqual(scanImports(text), scanImports(text, { everyToken: true }), `lean and complete scans differ on ${label}`);
}

const modules = (text: string): string[] => scanImports(text).imports.map((site) => site.module);

const TRICKY: readonly { readonly text: string; readonly modules: readonly string[] }[] = [
  { text: 'x = "import os"; import a\n', modules: ['a'] },
  { text: 'x = f(1,\n  2); import b\nimport c\n', modules: ['b', 'c'] },
  { text: 'x = (1;\nimport d)\n', modules: ['d'] },
  { text: 'y = """\nimport no\n"""; import e\n', modules: ['e'] },
  { text: "y = '''a\\\n''' + 'b\\\nimport no'\nimport f\n", modules: ['f'] },
  { text: 'z = 1 \\\n  + 2; import g\n', modules: ['g'] },
  { text: 'z = 1 # import no ; import no\nimport h\n', modules: ['h'] },
  { text: 'try:\n    v = 1; import i\nexcept ImportError:\n    i = None\n', modules: ['i'] },
  { text: 'try:\n    import j\nexcept (ValueError, ImportError):\n    j = None\nimport k\n', modules: ['j', 'k'] },
  { text: 'if x: y = 1; import l\nelse: import m\n', modules: ['l', 'm'] },
  { text: 'q = rb"\\"import no"; r = u\'x\'; import n\n', modules: ['n'] },
  { text: 's = f"{a!r:>{w}}" "import no"; import o\n', modules: ['o'] },
  { text: 'w = ｙａｍｌ; import ｐ\n', modules: ['p'] },
  { text: 'w = "\u00a0"; import q\u00a0\nimport r\n', modules: ['r'] },
  { text: 'w = 1e+5 - .5j; import s\r\nimport t\rimport u\n', modules: ['s', 't', 'u'] },
  { text: '\ufeffw = 1\n\t\fimport v\n', modules: ['v'] },
  { text: 'x = [\n  "import no",\n  # ]\n]\nimport w\n', modules: ['w'] },
  { text: 'x = "unterminated\nimport x1\n', modules: ['x1'] },
  { text: "x = '''never closed\nimport no\n", modules: [] },
  { text: 'x = 1;; import x2\n', modules: ['x2'] },
  { text: 'x = lambda: 0; if TYPE_CHECKING: import x3\n', modules: ['x3'] },
  { text: 'if (n := 1): import x4\n', modules: ['x4'] },
  { text: 'print("a") \\\n  ; import x5\n', modules: ['x5'] },
  { text: '#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\nx = "é"; import x6\n', modules: ['x6'] },
];

test('lean and complete tokenization agree on tricky inputs, and find what Python would import', () => {
  for (const { text, modules: expected } of TRICKY) {
    assertAgrees(text);
    assert.deepEqual(modules(text), expected, JSON.stringify(text));
  }
});

/** Fragments that change how a line is split: quotes, brackets, separators, continuations, keywords, non-ASCII. */
const FRAGMENT = fc.constantFrom(
  'import ',
  'from ',
  ' import ',
  'try',
  'except ImportError',
  'except',
  'else',
  'finally',
  'if ',
  'TYPE_CHECKING',
  'def f()',
  'lambda',
  'x',
  'os.path',
  ' as ',
  ', ',
  ':',
  ':=',
  ';',
  '.',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '"""',
  "'''",
  'rb',
  'f',
  '#',
  '\\',
  '\\\n',
  '\n',
  '\r\n',
  '\r',
  '    ',
  '\t',
  '\f',
  ' ',
  '1e+5',
  '.5',
  'é',
  'ｙａｍｌ',
  '\u00a0',
  '\u3000',
  '😀',
);

test('lean and complete tokenization agree on generated programs', () => {
  fc.assert(
    fc.property(fc.array(FRAGMENT, { maxLength: 60 }), (parts) => {
      assertAgrees(parts.join(''));
    }),
    { seed: 20261127, numRuns: 5000 },
  );
});

function pythonFiles(dir: string, limit: number, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (out.length >= limit) break;
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') pythonFiles(path, limit, out);
    else if (entry.isFile() && entry.name.endsWith('.py') && statSync(path).size < 512 * 1024) out.push(path);
  }
  return out;
}

test("lean and complete tokenization agree on this repository's Python files", () => {
  const files = pythonFiles(REPO, 1000);
  assert.ok(files.length > 10, `only ${files.length} Python files found under ${REPO}`);
  for (const file of files) assertAgrees(readFileSync(file, 'utf8'), file);
});

test("lean and complete tokenization agree on the Python standard library's modules", (t) => {
  if (!needs(t, debianPackage('/usr/bin/python3', 'python3'))) return;
  const stdlib = execFileSync('/usr/bin/python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], {
    encoding: 'utf8',
  }).trim();
  const files = pythonFiles(stdlib, 800);
  assert.ok(files.length > 500, `only ${files.length} Python files found under ${stdlib}`);
  let sites = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    assertAgrees(text, file);
    sites += scanImports(text).imports.length;
  }
  assert.ok(sites > 1000, `only ${sites} imports found in ${files.length} standard library files`);
});
