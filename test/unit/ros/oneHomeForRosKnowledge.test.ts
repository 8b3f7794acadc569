// Plain Node: ROS knowledge lives in src/core/ros only. A distro name or a workspace marker written as text
// anywhere else in src/ (a string, template or regular expression; comments may mention them) fails this test,
// and package.json's activation events must be exactly the markers the editor and detection read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { DISTROS } from '../../../src/core/ros/distros';
import {
  BUILT_BY_FILE,
  COLCON_DEFAULTS_FILE,
  IGNORE_MARKERS,
  PACKAGE_MANIFEST,
  PACKAGE_MANIFEST_GLOB,
  WORKSPACE_MARKERS,
  CATKIN_TOOLS_FOLDER,
  CATKIN_WORKSPACE_FILE,
  COLCON_INSTALL_LAYOUT_FILE,
  COLCON_META_FILE,
} from '../../../src/core/ros/workspaceMarkers';

const root = join(import.meta.dirname, '..', '..', '..');
const rosHome = join(root, 'src', 'core', 'ros') + sep;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

/** Every string, template part and regular expression literal in a TypeScript file, with its line. */
function literals(file: string): { readonly text: string; readonly line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node)) {
      found.push({ text: node.getText(source), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const distroNames = Object.keys(DISTROS).filter((name) => name !== 'debian');
const markers = [
  CATKIN_WORKSPACE_FILE,
  CATKIN_TOOLS_FOLDER,
  COLCON_META_FILE,
  COLCON_DEFAULTS_FILE,
  COLCON_INSTALL_LAYOUT_FILE,
  BUILT_BY_FILE,
  PACKAGE_MANIFEST,
  ...IGNORE_MARKERS,
];
const spelled = [
  ...distroNames.map((name) => ({ what: `the distro name ${name}`, pattern: new RegExp(`(?<![\\w-])${escape(name)}(?![\\w])`) })),
  ...markers.map((marker) => ({ what: `the workspace marker ${marker}`, pattern: new RegExp(`(?<![\\w.])${escape(marker)}(?![\\w])`) })),
];

function violations(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (file.startsWith(rosHome)) continue;
    for (const literal of literals(file)) {
      for (const { what, pattern } of spelled) {
        if (pattern.test(literal.text)) found.push(`${relative(root, file)}:${literal.line} spells ${what} in ${literal.text}`);
      }
    }
  }
  return found;
}

test('no file outside src/core/ros spells a ROS distro name or a workspace marker', () => {
  const found = violations(sourceFiles(join(root, 'src')));
  assert.deepEqual(found, [], `import the name from src/core/ros instead:\n${found.join('\n')}`);
});

test('the check sees a distro name or a marker in strings, templates and regular expressions, not in comments', () => {
  const probe = join(root, 'test', 'fixtures', 'rosSpelling', 'spellsRos.ts.txt');
  const found = violations([probe]).map((line) => line.replace(/ in .*/, ''));
  assert.deepEqual(found, [
    'test/fixtures/rosSpelling/spellsRos.ts.txt:3 spells the distro name noetic',
    'test/fixtures/rosSpelling/spellsRos.ts.txt:4 spells the workspace marker COLCON_IGNORE',
    'test/fixtures/rosSpelling/spellsRos.ts.txt:5 spells the distro name humble',
    'test/fixtures/rosSpelling/spellsRos.ts.txt:6 spells the workspace marker .catkin_workspace',
  ]);
});

test("package.json's workspace activation events are exactly the markers detection and the context key read", () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { activationEvents?: unknown };
  assert.ok(Array.isArray(manifest.activationEvents), 'package.json has activationEvents');
  const contained = manifest.activationEvents
    .filter((event): event is string => typeof event === 'string' && event.startsWith('workspaceContains:'))
    .map((event) => event.slice('workspaceContains:'.length))
    .sort();
  assert.deepEqual(contained, [...WORKSPACE_MARKERS, PACKAGE_MANIFEST_GLOB].sort());
});
