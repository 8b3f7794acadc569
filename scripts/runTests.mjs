// `npm test` runs the suites in order: unit tests, integration tests against real interpreters, hostile inputs, then
// end-to-end tests in a real VS Code. Each suite runs under node's own test runner, whose summary is what CI reads.
// `node scripts/runTests.mjs unit` (or integration, hostile, e2e) runs one suite. Node 20 does not expand globs
// after --test, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const suites = {
  unit: { dir: 'test/unit', suffix: '.test.ts', concurrency: 2 },
  integration: { dir: 'test/integration', suffix: '.test.ts', concurrency: 1 },
  // Hostile input (issue 10): each test builds a case from scratch and runs the real CLI on it.
  hostile: { dir: 'test/hostile', suffix: '.test.ts', concurrency: 1 },
  e2e: { dir: 'test/e2e', suffix: '.test.ts', concurrency: 1, shallow: true },
};

function testFiles(dir, suffix, shallow) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !shallow) found.push(...testFiles(path, suffix, shallow));
    else if (entry.isFile() && entry.name.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in suites));
if (unknown.length > 0) {
  process.stderr.write(`runTests: unknown suite ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}\n`);
  process.exit(2);
}
let failed = false;
for (const [name, { dir, suffix, concurrency, shallow }] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const files = testFiles(dir, suffix, shallow);
  process.stdout.write(`\n=== ${name} tests (${files.length} files) ===\n`);
  if (files.length === 0) {
    process.stdout.write(`no ${name} test files in ${dir}\n`);
    failed = true;
    continue;
  }
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
