// The in-host test entry (extensionTestsPath): VS Code's extension host calls run() and turns its
// settling into the exit code. Runs the bundled suites out/e2e/suites/*.e2e.js with Mocha (bdd: describe/it)
// and writes a JSON report for the runner (suiteReport.ts), because the host's console may not reach it.
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Mocha from 'mocha';
import { GREP_ENV, RESULTS_FILE_ENV, SUITES_ENV, type SuiteReport, type TestOutcome } from './suiteReport';

function suiteFiles(dir: string): string[] {
  const wanted = (process.env[SUITES_ENV] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.e2e.js'))
    .filter((file) => wanted.length === 0 || wanted.includes(file.slice(0, -'.e2e.js'.length)))
    .sort()
    .map((file) => join(dir, file));
}

export async function run(): Promise<void> {
  const suitesDir = join(__dirname, 'suites');
  const files = suiteFiles(suitesDir);
  const grep = process.env[GREP_ENV];
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const file of files) mocha.addFile(file);
  const tests: TestOutcome[] = [];
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run((failed) => resolve(failed));
      runner.on('pass', (test) => tests.push({ status: 'passed', title: test.fullTitle(), durationMs: test.duration ?? 0 }));
      runner.on('pending', (test) => tests.push({ status: 'pending', title: test.fullTitle() }));
      runner.on('fail', (test, error: unknown) => {
        const err = error instanceof Error ? error : new Error(String(error));
        tests.push({ status: 'failed', title: test.fullTitle(), message: err.message, stack: err.stack ?? '' });
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  const report: SuiteReport = {
    suiteFiles: files,
    tests,
    passed: tests.filter((t) => t.status === 'passed').length,
    failed: tests.filter((t) => t.status === 'failed').length,
    pending: tests.filter((t) => t.status === 'pending').length,
  };
  const resultsFile = process.env[RESULTS_FILE_ENV];
  if (resultsFile) await writeFile(resultsFile, JSON.stringify(report, null, 2));
  if (files.length === 0) throw new Error(`no *.e2e.js suites in ${suitesDir}`);
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
