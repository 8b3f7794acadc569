// What the in-host suites share: the extension's id, waiting for what a user would see, the test interpreters.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const EXTENSION_ID = 'ros-env-doctor.ros-env-doctor';

/** Polls until `probe` gives a value (anything but undefined or false), or fails naming what it waited for. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(150);
  }
}

/** pyenv's newest 3.11 (no ROS packages on its path): the "broken" interpreter of the suites. */
export function pyenv311(): string | undefined {
  const root = process.env.PYENV_ROOT ?? join(process.env.HOME ?? '/root', '.pyenv');
  const versions = existsSync(join(root, 'versions')) ? readdirSync(join(root, 'versions')).filter((v) => v.startsWith('3.11.')).sort() : [];
  const best = versions.at(-1);
  return best === undefined ? undefined : join(root, 'versions', best, 'bin', 'python3');
}
