// `npm test`: unit tests, then integration tests against real interpreters, then end-to-end tests in a real VS Code.
// Each suite runs with node's own test runner so its summary lines are what CI reads.
import { spawnSync } from 'node:child_process';

const suites = [
  ['unit', ['--import', 'tsx', '--test', '--test-concurrency=2', 'test/unit/**/*.test.ts']],
  ['integration', ['--import', 'tsx', '--test', '--test-concurrency=1', 'test/integration/**/*.test.ts']],
];
const only = process.argv[2];
let failed = false;
for (const [name, args] of suites) {
  if (only && only !== name) continue;
  process.stdout.write(`\n=== ${name} tests ===\n`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
