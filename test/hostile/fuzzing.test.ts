// Fuzzing (issue 10), bounded to well under a minute: the import scanner checked against Python's own `ast` on a
// generated corpus (one python3 process for the whole batch); the package.xml, setup.cfg, setup.py and CMake
// readers and the probe-output parser on mutated real inputs (no exception, ever); and time linear in input
// size, checked as a ratio between 256 KB and 2 MB inputs (CPU time, in alternation) with a generous factor (never a wall-clock bound).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { scanImports } from '../../src/core/scan/importScanner';
import { parsePackageXml } from '../../src/core/workspace/packageXml';
import { parseSetupCfg, parseSetupPy } from '../../src/core/workspace/pythonPackaging';
import { readCmakePythonFacts } from '../../src/core/workspace/cmakeLists';
import { parseProbeOutput } from '../../src/core/probe/extractProbeDocument';
import { sentinelBegin, sentinelEnd } from '../../src/core/probe/protocol';

const REPO = join(__dirname, '..', '..');
const SEED = 20261127;

// ---- the scanner against Python's ast -------------------------------------------------------------------------

const name = fc.constantFrom('os', 'yaml', 'rospy', 'cv2', 'numpy', 'torch', 'café', 'a_b', 'mod1', 'pkg');
const dotted = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
const simpleImport = fc.oneof(
  dotted.map((module) => `import ${module}`),
  fc.tuple(dotted, name).map(([module, alias]) => `import ${module} as ${alias}`),
  fc.tuple(dotted, dotted).map(([a, b]) => `import ${a}, ${b}`),
  fc.tuple(dotted, name).map(([module, what]) => `from ${module} import ${what}`),
  fc.tuple(dotted, name, name).map(([module, a, b]) => `from ${module} import (${a},\n    ${b})`),
  name.map((what) => `from . import ${what}`),
  fc.constant('from __future__ import annotations'),
);
const noise = fc.oneof(
  fc.constant('x = 1'),
  dotted.map((module) => `s = "import ${module}"`),
  dotted.map((module) => `t = '''\nimport ${module}\n'''`),
  dotted.map((module) => `# import ${module}`),
  fc.constant('y = (1 +\n     2)'),
  fc.constant('z = [i for i in range(3)]; w = 2'),
  fc.constant('f = lambda q: q'),
  fc.constant('pass'),
);
const simple = fc.oneof({ weight: 3, arbitrary: simpleImport }, { weight: 2, arbitrary: noise });

/** A block of statements at `indent`, nested up to `depth` compound statements deep. */
const block = (indent: string, depth: number): fc.Arbitrary<string> => {
  const line = simple.map((statement) =>
    statement
      .split('\n')
      .map((part, index) => (index === 0 ? indent + part : part))
      .join('\n'),
  );
  if (depth === 0) return fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
  const inner = `${indent}    `;
  const compound = fc.oneof(
    block(inner, depth - 1).map((body) => `${indent}try:\n${body}\n${indent}except ImportError:\n${inner}pass`),
    block(inner, depth - 1).map((body) => `${indent}if TYPE_CHECKING:\n${body}`),
    block(inner, depth - 1).map((body) => `${indent}def f():\n${body}`),
    block(inner, depth - 1).map((body) => `${indent}class C:\n${body}`),
    simpleImport.map((statement) => `${indent}if x: ${statement.split('\n')[0] ?? ''}`),
  );
  return fc.array(fc.oneof(line, compound), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('\n'));
};
const program = fc.tuple(fc.boolean(), block('', 3)).map(([shebang, body]) => `${shebang ? '#!/usr/bin/env python3\n' : ''}${body}\n`);

const AST_IMPORTS = `
import ast, json, sys
out = []
for source in json.load(sys.stdin):
    try:
        tree = ast.parse(source)
    except SyntaxError:
        out.append(None)
        continue
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [[alias.name, node.lineno] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module != '__future__':
            found.append([node.module, node.lineno])
    out.append(sorted(found))
json.dump(out, sys.stdout)
`;

test("the scanner finds exactly the absolute imports Python's ast finds, on a generated corpus", () => {
  const corpus = fc.sample(program, { numRuns: 400, seed: SEED });
  const expected = JSON.parse(
    execFileSync('/usr/bin/python3', ['-c', AST_IMPORTS], { input: JSON.stringify(corpus), maxBuffer: 64 * 1024 * 1024 }).toString('utf8'),
  ) as Array<Array<[string, number]> | null>;
  let compared = 0;
  corpus.forEach((source, index) => {
    const fromAst = expected[index];
    if (fromAst === null || fromAst === undefined) return;
    compared += 1;
    const fromScanner = scanImports(source)
      .imports.map((site): [string, number] => [site.module, site.line])
      .sort();
    assert.deepEqual(
      fromScanner,
      fromAst.map(([module, line]): [string, number] => [module.normalize('NFKC'), line]).sort(),
      `program ${index}:\n${source}`,
    );
  });
  assert.ok(compared > 300, `only ${compared} of ${corpus.length} generated programs were valid Python`);
});

// ---- no reader throws on mutated real inputs -----------------------------------------------------------------

function filesUnder(dir: string, accept: (file: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(full, accept, out);
    else if (entry.isFile() && accept(full) && statSync(full).size < 200_000) out.push(full);
  }
  return out;
}

const fixtures = (suffix: string): string[] =>
  [
    ...filesUnder(join(REPO, 'test', 'fixtures'), (file) => file.endsWith(suffix)),
    ...filesUnder(join(REPO, 'examples'), (file) => file.endsWith(suffix)),
  ].map((file) => readFileSync(file, 'utf8'));

/** Mutations of a real input: characters replaced, slices deleted or duplicated, the end cut, control and non-ASCII characters inserted. */
function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  const special = fc.constantFrom(
    '\u0000',
    '\n',
    '\r',
    '\t',
    '\\',
    '"',
    "'",
    '<',
    '>',
    '&',
    '(',
    ')',
    '[',
    ']',
    ':',
    ';',
    '#',
    '\u00a0',
    '\ufeff',
    '\u2028',
    '\u3000',
    '\ud800',
    '${',
    '<!--',
    ']]>',
    '=',
  );
  const edit = fc.tuple(
    fc.nat(),
    fc.nat({ max: 64 }),
    fc.oneof(special, fc.string({ maxLength: 8 }), fc.string({ maxLength: 4, unit: 'binary' })),
    fc.constantFrom('replace', 'insert', 'delete', 'duplicate', 'cut'),
  );
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([seed, edits]) => {
    let text = seed;
    for (const [at, length, piece, kind] of edits) {
      const start = text.length === 0 ? 0 : at % text.length;
      if (kind === 'replace') text = text.slice(0, start) + piece + text.slice(start + length);
      else if (kind === 'insert') text = text.slice(0, start) + piece + text.slice(start);
      else if (kind === 'delete') text = text.slice(0, start) + text.slice(start + length);
      else if (kind === 'duplicate') text = text.slice(0, start + length) + text.slice(start, start + length) + text.slice(start);
      else text = text.slice(0, start);
    }
    return text;
  });
}

const probeDocuments = (): string[] => {
  const nonce = 'abcdef0123456789';
  return filesUnder(join(REPO, 'test', 'fixtures', 'probes'), (file) => file.endsWith('.json')).map((file) => {
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as { probe?: { facts?: unknown; specs?: unknown } };
    const document = { protocolVersion: 1, mode: 'facts', interpreter: recorded.probe?.facts ?? {}, specs: recorded.probe?.specs ?? {} };
    return `noise\n${sentinelBegin(nonce)}\n${JSON.stringify(document)}\n${sentinelEnd(nonce)}\n`;
  });
};

const READERS: ReadonlyArray<{ readonly label: string; readonly seeds: () => string[]; readonly read: (text: string) => unknown }> = [
  { label: 'package.xml', seeds: () => fixtures('package.xml'), read: parsePackageXml },
  { label: 'setup.cfg', seeds: () => fixtures('setup.cfg'), read: parseSetupCfg },
  { label: 'setup.py', seeds: () => fixtures('setup.py'), read: parseSetupPy },
  { label: 'CMakeLists.txt', seeds: () => fixtures('CMakeLists.txt'), read: readCmakePythonFacts },
  {
    label: 'a .py file (scanner)',
    seeds: () => [...fixtures('.py'), readFileSync(join(REPO, 'python', 'probe.py'), 'utf8')],
    read: scanImports,
  },
  { label: 'probe output', seeds: probeDocuments, read: (text) => parseProbeOutput(text, 'abcdef0123456789') },
];

for (const reader of READERS) {
  test(`the ${reader.label} reader never throws on mutated real inputs`, () => {
    const seeds = reader.seeds();
    assert.ok(seeds.length > 0, `no real ${reader.label} inputs to mutate`);
    fc.assert(
      fc.property(mutated(seeds), (text) => {
        reader.read(text);
      }),
      { numRuns: 400, seed: SEED },
    );
  });
}

// ---- time linear in size -------------------------------------------------------------------------------------

/**
 * The least CPU time, in ms, of each of two runs, measured in alternation. CPU time, not wall time: a process that
 * waits for a core on a loaded machine is not charged for the wait (wall time failed this check at load 4–8).
 */
function fastestOfEach(small: () => void, large: () => void, rounds = 5): readonly [number, number] {
  let [bestSmall, bestLarge] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const timed = (run: () => void): number => {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000;
  };
  for (let round = 0; round < rounds; round++) {
    bestSmall = Math.min(bestSmall, timed(small));
    bestLarge = Math.min(bestLarge, timed(large));
  }
  return [bestSmall, bestLarge];
}

const SHAPES: ReadonlyArray<{ readonly label: string; readonly unit: string; readonly read: (text: string) => unknown }> = [
  { label: 'scanner, nested one-line compounds', unit: 'if x: ', read: scanImports },
  { label: 'scanner, imports', unit: 'import os.path as p; from a import (b, c)\n', read: scanImports },
  { label: 'scanner, brackets', unit: '((([[{', read: scanImports },
  { label: 'scanner, unterminated strings', unit: '"\'\\\n', read: scanImports },
  {
    label: 'package.xml',
    unit: '<depend>a</depend>\n',
    read: (body) => parsePackageXml(`<package format="2"><name>p</name>${body}</package>`),
  },
  { label: 'setup.cfg', unit: '[options.entry_points]\nconsole_scripts =\n  a = b.c:main\n', read: parseSetupCfg },
  { label: 'setup.py', unit: "setup(name='p', packages=['a'], entry_points={'console_scripts': ['a = b:c']})\n", read: parseSetupPy },
  { label: 'CMakeLists.txt', unit: 'catkin_install_python(PROGRAMS scripts/a.py DESTINATION x)\n', read: readCmakePythonFacts },
  { label: 'probe output', unit: 'noise line\n<<<ros-env-doctor:probe:begin:ab>>>\n', read: (text) => parseProbeOutput(text, 'ab') },
];

const KB = 1024;
const MB = 1024 * KB;

for (const shape of SHAPES) {
  test(`time is linear in size: ${shape.label} (256 KB, 2 MB)`, () => {
    const input = (bytes: number): string => shape.unit.repeat(Math.ceil(bytes / shape.unit.length));
    shape.read(input(KB));
    const [small, large] = [input(256 * KB), input(2 * MB)];
    const [tSmall, tLarge] = fastestOfEach(
      () => shape.read(small),
      () => shape.read(large),
    );
    // Eight times the input: linear is 8×, quadratic 64×. 24× leaves room for a loaded machine (and n^1.5 at the
    // edge) while still telling a quadratic pass apart by a wide margin. Under 100 ms for 2 MB the pass is too short
    // for a ratio to mean anything (a few ms at 256 KB are mostly JIT and GC), and a quadratic pass cannot be that fast.
    assert.ok(
      tLarge <= Math.max(24 * tSmall, 100),
      `${shape.label}: 256 KB took ${tSmall.toFixed(1)} ms, 2 MB ${tLarge.toFixed(1)} ms (×${(tLarge / tSmall).toFixed(1)})`,
    );
  });
}
