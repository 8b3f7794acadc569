// The packaged extension: `npm run package` builds for production and lets vsce pack exactly what
// .vscodeignore allows. A user installing the VSIX needs the bundles, the probe script and the manifest,
// and nothing of the development tree.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { file, needs } from '../support/prerequisites';

const root = resolve(__dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'red-vsix-'));
after(() => rmSync(temp, { recursive: true, force: true }));

test(
  'the packaged VSIX holds the extension, the CLI, the probe script and the manifest, and no node_modules',
  { timeout: 180_000 },
  (t) => {
    if (!needs(t, file('/usr/bin/unzip', 'apt-get install unzip'))) return;
    const vsix = join(temp, 'ros-env-doctor.vsix');
    const started = Date.now();
    const packaging = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--out', vsix], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.equal(packaging.status, 0, `npm run package failed:\n${packaging.stdout}${packaging.stderr}`);
    t.diagnostic(`packaged in ${Date.now() - started} ms, ${statSync(vsix).size} bytes`);

    const entries = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line !== '');
    for (const required of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/dist/editor.js',
      'extension/dist/engine.js',
      'extension/dist/cli.js',
      'extension/dist/sourceThread.js',
      'extension/python/probe.py',
    ]) {
      assert.ok(entries.includes(required), `${required} is in the VSIX: ${entries.join(', ')}`);
    }
    // vsce renames them: readme.md, changelog.md, LICENSE.txt.
    for (const doc of [/^extension\/readme\.md$/i, /^extension\/changelog\.md$/i, /^extension\/LICENSE(\.txt|\.md)?$/]) {
      assert.ok(
        entries.some((entry) => doc.test(entry)),
        `${doc} ships: ${entries.join(', ')}`,
      );
    }
    const leaks = entries.filter((entry) =>
      /(^|\/)node_modules\/|^extension\/(src|test|scripts|bench|examples|docs|out)\/|\.ts$|\.map$|\.vsix$/.test(entry),
    );
    assert.deepEqual(leaks, [], 'no sources, tests, source maps or node_modules ship');

    const manifest: unknown = JSON.parse(execFileSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' }));
    const repoManifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.ok(typeof manifest === 'object' && manifest !== null && typeof repoManifest === 'object' && repoManifest !== null);
    const shipped = manifest as Record<string, unknown>;
    const source = repoManifest as Record<string, unknown>;
    assert.equal(shipped.main, './dist/extension.js');
    assert.equal(shipped.version, source.version);
    assert.equal(shipped.name, source.name);

    const probe = execFileSync('unzip', ['-p', vsix, 'extension/python/probe.py']);
    assert.ok(probe.equals(readFileSync(join(root, 'python', 'probe.py'))), 'the shipped probe script is the repository one');
    const cli = execFileSync('unzip', ['-p', vsix, 'extension/dist/cli.js'], { encoding: 'utf8' });
    assert.ok(cli.startsWith('#!/usr/bin/env node'), 'the CLI bundle keeps its shebang');
  },
);
