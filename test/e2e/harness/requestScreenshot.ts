// The in-host half of the screenshot protocol (the runner's half is screenshotWatcher.ts).
// A suite running inside the extension host cannot reach the browser that shows the workbench, so it
// asks the runner through files: it writes `<dir>/request-<name>` and waits for `<dir>/done-<name>`;
// the runner saves test-results/screenshots/<name>.png in between. No vscode import: usable anywhere.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Set by the harness for the extension host; absent under the Electron runner, which has no page. */
export const SCREENSHOT_DIR_ENV = 'ROS_ENV_DOCTOR_E2E_SCREENSHOT_DIR';

export type ScreenshotOutcome =
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'timeout'; readonly name: string };

const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

export async function requestScreenshot(name: string, timeoutMs = 15_000): Promise<ScreenshotOutcome> {
  if (!SAFE_NAME.test(name)) throw new Error(`screenshot name must match ${SAFE_NAME}: ${name}`);
  const dir = process.env[SCREENSHOT_DIR_ENV];
  if (dir === undefined || dir === '')
    return { kind: 'unavailable', reason: `${SCREENSHOT_DIR_ENV} is not set (no browser drives this run)` };
  const done = join(dir, `done-${name}`);
  await writeFile(join(dir, `request-${name}`), String(Date.now()));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(done)) return { kind: 'saved', path: (await readFile(done, 'utf8')).trim() };
    await delay(50);
  }
  return { kind: 'timeout', name };
}
