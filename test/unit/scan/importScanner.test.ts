import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanImports } from '../../../src/core/scan/importScanner';
import type { ImportSite } from '../../../src/core/scan/importSite';

const modules = (text: string): string[] => scanImports(text).imports.map((site) => site.module);
const site = (text: string, module: string): ImportSite => {
  const found = scanImports(text).imports.find((s) => s.module === module);
  assert.ok(found, `no import of ${module} in ${JSON.stringify(text)}`);
  return found;
};

/** The text of the module name at a site's range, so ranges are checked against the source itself. */
const underline = (text: string, s: ImportSite): string => (text.split(/\r\n|\r|\n/)[s.line - 1] ?? '').slice(s.column, s.endColumn);

test('finds plain, dotted, aliased and comma-separated imports with exact ranges', () => {
  const text = 'import os\nimport a.b.c as d, e , f.g\n';
  const found = scanImports(text).imports;
  assert.deepEqual(
    found.map((s) => s.module),
    ['os', 'a.b.c', 'e', 'f.g'],
  );
  assert.deepEqual(
    found.map((s) => s.topLevel),
    ['os', 'a', 'e', 'f'],
  );
  for (const s of found) assert.equal(underline(text, s), s.module);
  assert.deepEqual(
    found.map((s) => [s.line, s.column, s.endColumn]),
    [
      [1, 7, 9],
      [2, 7, 12],
      [2, 19, 20],
      [2, 23, 26],
    ],
  );
  assert.ok(found.every((s) => s.form === 'import' && !s.optional && !s.typeOnly));
});

test('finds from-imports, also with parenthesised names over several lines', () => {
  const text = 'from cv_bridge import CvBridge\nfrom sensor_msgs.msg import (Image,\n    CameraInfo)\nimport rospy\n';
  assert.deepEqual(modules(text), ['cv_bridge', 'sensor_msgs.msg', 'rospy']);
  const msg = site(text, 'sensor_msgs.msg');
  assert.equal(msg.form, 'from');
  assert.deepEqual([msg.line, msg.column, msg.endColumn], [2, 5, 20]);
  assert.equal(site(text, 'rospy').line, 4);
});

test('follows backslash continuations and semicolon-separated statements', () => {
  const text = 'x = 1; import numpy; y = 2\nimport \\\n    torch\nfrom a \\\n  import b\n';
  assert.deepEqual(modules(text), ['numpy', 'torch', 'a']);
  const torch = site(text, 'torch');
  assert.deepEqual([torch.line, torch.column, torch.endColumn], [3, 4, 9]);
  assert.equal(underline(text, site(text, 'numpy')), 'numpy');
});

test('finds imports indented inside functions, classes and if blocks', () => {
  const text = 'class A:\n    def f(self):\n        if True:\n            import yaml\n    import json\n';
  assert.deepEqual(modules(text), ['yaml', 'json']);
  assert.equal(site(text, 'yaml').column, 19);
});

test('skips relative imports and __future__', () => {
  assert.deepEqual(
    modules('from . import x\nfrom .mod import y\nfrom ..up.mod import z\nfrom __future__ import print_function\nimport real\n'),
    ['real'],
  );
});

test('never reports imports written inside strings or comments', () => {
  const text = [
    '# import commented',
    's = "import dq"',
    "t = 'from sq import x'",
    'u = """',
    'import triple_double',
    '"""',
    "v = r'''",
    'from triple_single import y',
    "'''",
    'w = b"import bytes"; z = f"{1}import fstr"',
    'doc = u"\\"import escaped\\""',
    'rb"""',
    'import raw_bytes_triple',
    '"""',
    'import after  # import trailing',
  ].join('\n');
  assert.deepEqual(modules(text), ['after']);
  assert.equal(site(text, 'after').line, 15);
});

test('an import right after a triple-quoted string spanning lines keeps its true line number', () => {
  const text = '"""Module doc.\n\nMore.\n"""\nimport rospy\n';
  assert.deepEqual([site(text, 'rospy').line, site(text, 'rospy').column], [5, 7]);
});

test('marks imports inside try/except ImportError as optional', () => {
  for (const handler of [
    'except ImportError:',
    'except ModuleNotFoundError as e:',
    'except Exception:',
    'except BaseException:',
    'except:',
    'except (OSError, ImportError):',
    'except builtins.ImportError:',
  ]) {
    const text = `try:\n    import torch\n${handler}\n    torch = None\nimport rospy\n`;
    assert.equal(site(text, 'torch').optional, true, handler);
    assert.equal(site(text, 'rospy').optional, false, handler);
  }
});

test('does not mark imports optional when no handler catches ImportError', () => {
  const text =
    'try:\n    import torch\nexcept KeyError:\n    pass\nexcept (OSError, ValueError) as e:\n    pass\nfinally:\n    import after_finally\n';
  assert.equal(site(text, 'torch').optional, false);
  assert.equal(site(text, 'after_finally').optional, false);
});

test('a later handler of the same try still makes its body optional, and the fallback import is not', () => {
  const text =
    'try:\n    import ujson as json\nexcept KeyError:\n    pass\nexcept ImportError:\n    import json\nelse:\n    import extra\n';
  const found = scanImports(text).imports;
  assert.deepEqual(
    found.map((s) => [s.module, s.optional]),
    [
      ['ujson', true],
      ['json', false],
      ['extra', false],
    ],
  );
});

test('tracks nested try blocks by indentation', () => {
  const text = [
    'def load():',
    '    try:',
    '        try:',
    '            import inner',
    '        except KeyError:',
    '            pass',
    '        import outer_body',
    '    except ImportError:',
    '        pass',
    '    import after',
  ].join('\n');
  assert.equal(site(text, 'inner').optional, true);
  assert.equal(site(text, 'outer_body').optional, true);
  assert.equal(site(text, 'after').optional, false);
});

test('one-line try and if bodies are understood', () => {
  const text = 'try: import fast\nexcept ImportError: fast = None\nif TYPE_CHECKING: import typed_a; import typed_b\nimport normal\n';
  assert.equal(site(text, 'fast').optional, true);
  assert.equal(site(text, 'typed_a').typeOnly, true);
  assert.equal(site(text, 'typed_b').typeOnly, true);
  assert.equal(site(text, 'normal').typeOnly, false);
});

test('marks imports under if TYPE_CHECKING or typing.TYPE_CHECKING as type-only, not their else branch', () => {
  const text =
    'import typing\nif typing.TYPE_CHECKING:\n    from numpy import ndarray\nelse:\n    import runtime_only\nif TYPE_CHECKING:\n    import torch\nif not TYPE_CHECKING:\n    import negated\n';
  assert.equal(site(text, 'numpy').typeOnly, true);
  assert.equal(site(text, 'runtime_only').typeOnly, false);
  assert.equal(site(text, 'torch').typeOnly, true);
  assert.equal(site(text, 'negated').typeOnly, false);
  assert.equal(site(text, 'typing').typeOnly, false);
});

test('tab indentation and CRLF line endings keep blocks and columns right', () => {
  const text = 'try:\r\n\timport torch\r\nexcept ImportError:\r\n\tpass\r\nimport rospy\r\n';
  assert.equal(site(text, 'torch').optional, true);
  assert.deepEqual([site(text, 'torch').line, site(text, 'torch').column], [2, 8]);
  assert.equal(site(text, 'rospy').optional, false);
  assert.equal(site(text, 'rospy').line, 5);
});

test('keywords used as names elsewhere produce no imports', () => {
  assert.deepEqual(modules('x = yield from gen()\nraise E from err\nimporter = 1\nfrom_ = 2\nprint(import_)\n'), []);
});

test('localModules leaves the workspace own modules out', () => {
  const text = 'import rospy\nfrom perception_demo.model import Net\nimport helper\n';
  assert.deepEqual(
    scanImports(text, { localModules: new Set(['perception_demo', 'helper']) }).imports.map((s) => s.module),
    ['rospy'],
  );
});

test('reads a direct shebang', () => {
  const text = '#!/usr/bin/python3\nimport rospy\n';
  assert.deepEqual(scanImports(text).shebang, { text: '/usr/bin/python3', command: '/usr/bin/python3', viaEnv: false, length: 18 });
  assert.equal(site(text, 'rospy').line, 2);
});

test('reads env shebangs, with -S and options', () => {
  assert.deepEqual(scanImports('#!/usr/bin/env python3\n').shebang, {
    text: '/usr/bin/env python3',
    command: 'python3',
    viaEnv: true,
    length: 22,
  });
  assert.deepEqual(scanImports('#!/usr/bin/env -S python3 -u\r\nimport x\r\n').shebang, {
    text: '/usr/bin/env -S python3 -u',
    command: 'python3',
    viaEnv: true,
    length: 28,
  });
  assert.equal(scanImports('#! /usr/bin/env -i PYTHONPATH=/x python2\n').shebang?.command, 'python2');
  assert.equal(scanImports('#!/usr/bin/env -u HOME python\n').shebang?.command, 'python');
});

test('no shebang unless the very first line starts with #!', () => {
  assert.equal(scanImports('\n#!/usr/bin/python3\n').shebang, null);
  assert.equal(scanImports('# -*- coding: utf-8 -*-\n').shebang, null);
  assert.equal(scanImports('').shebang, null);
});

test('a byte order mark does not shift columns', () => {
  const text = '\ufeffimport rospy\n';
  assert.deepEqual([site(text, 'rospy').line, site(text, 'rospy').column, site(text, 'rospy').endColumn], [1, 7, 12]);
});

test('hostile input: unterminated strings and brackets, stray dedents, binary noise never throw', () => {
  const samples = [
    'import',
    'from',
    'from x',
    'from x import',
    'import a.',
    'import a as',
    '"""never closed\nimport hidden',
    "'open\nimport seen",
    '(((\nimport inside_paren',
    ')))]]]\nimport after_close',
    '        import deep\nimport shallow\n    except:\n',
    'except ImportError:\n    import orphan',
    '\\',
    '\\\n',
    'try:',
    ':::;;;',
    '\u0000\u0001\uffff\ud800',
  ];
  for (const sample of samples) assert.doesNotThrow(() => scanImports(sample), JSON.stringify(sample));
  assert.deepEqual(modules("'open\nimport seen"), ['seen']);
  assert.deepEqual(modules('"""never closed\nimport hidden'), []);
  assert.deepEqual(modules(')))]]]\nimport after_close'), ['after_close']);
});

test('fuzz: random bytes and every truncation of a real node scan without throwing and with sane ranges', () => {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const alphabet = 'import from try except: ()\\\n\r\t#"\'.,;abcTYPE_CHECKING \u00e9\u0000';
  for (let round = 0; round < 400; round++) {
    let text = '';
    const length = Math.floor(random() * 300);
    for (let i = 0; i < length; i++) {
      text += random() < 0.5 ? alphabet[Math.floor(random() * alphabet.length)] : String.fromCharCode(Math.floor(random() * 0xffff));
    }
    const result = scanImports(text);
    const lines = text.split(/\r\n|\r|\n/);
    for (const s of result.imports) {
      assert.ok(s.line >= 1 && s.line <= lines.length, `line ${s.line} in ${JSON.stringify(text)}`);
      assert.ok(s.column >= 0 && s.endColumn > s.column);
    }
  }
  const node =
    '#!/usr/bin/env python3\n"""Doc."""\nimport rospy\ntry:\n    import torch\nexcept ImportError:\n    torch = None\nfrom sensor_msgs.msg import (Image,\n  CameraInfo)\n';
  for (let cut = 0; cut <= node.length; cut++) assert.doesNotThrow(() => scanImports(node.slice(0, cut)));
});

test('a 5,000-line file yields every one of its imports (its speed is measured by npm run bench, not here)', () => {
  const chunk =
    'import os\nclass A:\n    def f(self):\n        try:\n            import torch\n        except ImportError:\n            pass\n        return {"a": [1, 2]}  # note\n    """doc"""\n    x = 1\n';
  const result = scanImports(chunk.repeat(500));
  assert.equal(result.imports.length, 1000);
  assert.equal(result.imports.filter((site) => site.optional).length, 500);
});
