// Plain Node: the ids the extension registers and the ids package.json contributes must be the same set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, INTERNAL_COMMANDS, PUBLIC_COMMANDS } from '../../../src/editor/commandIds';

const root = join(import.meta.dirname, '..', '..', '..');

interface Manifest {
  readonly contributes?: {
    readonly commands?: readonly { readonly command: string; readonly title: string; readonly category?: string }[];
    readonly menus?: { readonly commandPalette?: readonly { readonly command: string; readonly when?: string }[] };
  };
}

function manifest(file: string): Manifest {
  return JSON.parse(readFileSync(join(root, file), 'utf8')) as Manifest;
}

function checkManifest(file: string): void {
  const contributed = (manifest(file).contributes?.commands ?? []).filter((command) => command.command.startsWith('rosEnvDoctor.'));
  assert.deepEqual(
    contributed.map((command) => command.command).sort(),
    Object.values(COMMANDS).sort(),
    `${file} contributes exactly the commands of src/editor/commandIds.ts`,
  );
  for (const command of contributed)
    assert.equal(command.category, 'ROS Env Doctor', `${command.command} is in the ROS Env Doctor category`);
  const palette = manifest(file).contributes?.menus?.commandPalette ?? [];
  for (const id of Object.values(INTERNAL_COMMANDS)) {
    assert.ok(
      palette.some((entry) => entry.command === id && entry.when === 'false'),
      `${id} is hidden from the command palette in ${file}`,
    );
  }
  for (const id of Object.values(PUBLIC_COMMANDS)) {
    assert.ok(!palette.some((entry) => entry.command === id && entry.when === 'false'), `${id} can be found in the command palette`);
  }
}

test('package.json contributes every command the extension registers, and no other', () => {
  checkManifest('package.json');
});

test('no editor file spells a command id except commandIds.ts', () => {
  const ids = Object.values(COMMANDS);
  const files = readdirSync(join(root, 'src', 'editor'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('commandIds.ts'))
    .map((name) => join(root, 'src', 'editor', name))
    .concat(join(root, 'src', 'extension.ts'));
  for (const path of files) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    for (const id of ids)
      assert.ok(!text.includes(`'${id}'`) && !text.includes(`"${id}"`), `${path} spells ${id}; use COMMANDS from commandIds.ts`);
  }
});
