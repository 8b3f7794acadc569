// What the in-host Mocha run reports back to the runner, through a JSON file (the extension host's
// console does not reach the runner reliably). Shared by mochaIndex.ts (writer) and the runner (reader).
export const RESULTS_FILE_ENV = 'ROS_ENV_DOCTOR_E2E_RESULTS_FILE';
/** Comma-separated suite file names (without .e2e.js) to run; all when unset. */
export const SUITES_ENV = 'ROS_ENV_DOCTOR_E2E_SUITES';
/** A Mocha --grep pattern. */
export const GREP_ENV = 'ROS_ENV_DOCTOR_E2E_GREP';
/** What a pending test's title carries when it was skipped for a missing prerequisite (not for another window's test). */
export const MISSING_PREREQUISITE = '[missing prerequisite:';

export type TestOutcome =
  | { readonly status: 'passed'; readonly title: string; readonly durationMs: number }
  | { readonly status: 'failed'; readonly title: string; readonly message: string; readonly stack: string }
  | { readonly status: 'pending'; readonly title: string };

export type SuiteReport = {
  readonly suiteFiles: readonly string[];
  readonly tests: readonly TestOutcome[];
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
};

export function parseSuiteReport(text: string): SuiteReport | { readonly kind: 'invalid'; readonly reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', reason: `not JSON: ${String(error)}` };
  }
  if (typeof value !== 'object' || value === null) return { kind: 'invalid', reason: 'not an object' };
  const record = value as Record<string, unknown>;
  const { suiteFiles, tests, passed, failed, pending } = record;
  if (
    !Array.isArray(suiteFiles) ||
    !Array.isArray(tests) ||
    typeof passed !== 'number' ||
    typeof failed !== 'number' ||
    typeof pending !== 'number'
  ) {
    return { kind: 'invalid', reason: 'missing suiteFiles/tests/passed/failed/pending' };
  }
  return record as SuiteReport;
}

export function formatSuiteReport(report: SuiteReport): string {
  const lines = report.tests.map((test) => {
    switch (test.status) {
      case 'passed':
        return `  ✔ ${test.title} (${test.durationMs} ms)`;
      case 'pending':
        return `  - ${test.title} (pending)`;
      case 'failed':
        return `  ✘ ${test.title}\n      ${test.message.split('\n').join('\n      ')}`;
    }
  });
  return [...lines, `  ${report.passed} passing, ${report.failed} failing, ${report.pending} pending`].join('\n');
}
