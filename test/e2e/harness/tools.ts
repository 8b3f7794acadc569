// The tools of a run (Node 24, code-server, Chromium), asked of scripts/e2e/ensureTools.mjs in a child
// process: that script is the one place that knows versions and folders, and it stays a plain ES module.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The repository root: this file is test/e2e/harness/tools.ts. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export type Tools = { readonly node: string; readonly codeServer: string; readonly chromium: string };
export type ToolsResult = ({ readonly kind: 'ready' } & Tools) | { readonly kind: 'missing'; readonly message: string };

/** install: false only reports (fast); true installs what is missing (first time about 1.5-2.5 minutes). */
export function ensureTools(install: boolean): ToolsResult {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'e2e', 'ensureTools.mjs'), ...(install ? [] : ['--check'])], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'false' },
    timeout: 15 * 60_000,
  });
  const lines = new Map(
    result.stdout
      .split('\n')
      .map((line) => line.split(': '))
      .filter((parts): parts is [string, string] => parts.length === 2),
  );
  const node = lines.get('node');
  const codeServer = lines.get('code-server');
  const chromium = lines.get('chromium');
  if (result.status === 0 && node && codeServer && chromium) return { kind: 'ready', node, codeServer, chromium };
  return {
    kind: 'missing',
    message: (result.stderr.trim().split('\n').at(-1) ?? '') || `ensureTools.mjs exited with ${result.status ?? result.signal}`,
  };
}
