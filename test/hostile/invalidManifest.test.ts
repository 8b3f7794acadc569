// Row 6: an invalid package.xml (malformed, external entity, too deep) must not silently drop its package:
// the user sees a finding of its own on the file, with the line when the parser gives it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertNoProcessLeft,
  catkinWorkspace,
  ensureBuilt,
  findingsWith,
  hostileCase,
  report,
  runCli,
  SYSTEM_PYTHON,
} from './hostileSupport';

before(ensureBuilt);

const HEAD = '<?xml version="1.0"?>\n<package format="2">\n  <name>NAME</name>\n  <version>0.1.0</version>\n';

const CASES: Readonly<Record<string, string>> = {
  unclosed: `${HEAD}  <depend>rospy\n</package>\n`,
  entity: `<?xml version="1.0"?>\n<!DOCTYPE package [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<package format="2">\n  <name>NAME</name>\n  <description>&secret;</description>\n</package>\n`,
  deep: `${HEAD}${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}\n</package>\n`,
};

test('each invalid package.xml is a workspace-file-skipped finding on the file; the CLI exits with an error', async () => {
  const c = await hostileCase('manifest');
  try {
    await catkinWorkspace(c, { 'scripts/node.py': '#!/usr/bin/env python3\nimport os\n' });
    const manifests: Record<string, string> = {};
    for (const [name, text] of Object.entries(CASES)) {
      const dir = join(c.ws, 'src', `${name}_pkg`);
      await mkdir(dir);
      manifests[name] = join(dir, 'package.xml');
      await writeFile(manifests[name], text.replace('NAME', `${name}_pkg`));
    }
    const run = await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--format', 'json', '--timeout', '10']);
    const out = report(run);
    assert.equal(run.code, 1, 'an invalid manifest is an error: catkin and colcon refuse the workspace');
    const skipped = findingsWith(out, 'workspace-file-skipped');
    for (const [name, file] of Object.entries(manifests)) {
      const finding = skipped.find((candidate) => candidate.file === file);
      assert.ok(finding !== undefined, `no finding on the ${name} manifest: ${JSON.stringify(out.findings, null, 1)}`);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /package\.xml/);
    }
    assert.equal(
      skipped.find((finding) => finding.file === manifests.unclosed)?.line !== null,
      true,
      'the malformed manifest names its line',
    );
    assert.doesNotMatch(run.stdout, /root:x:0:0/, 'the external entity was not expanded');

    const text = await runCli(c, [c.ws, '--python', SYSTEM_PYTHON, '--no-source', '--no-color', '--timeout', '10']);
    assert.doesNotMatch(text.stdout, /No problems found/);
    await assertNoProcessLeft(c);
  } finally {
    await c.cleanup();
  }
});
