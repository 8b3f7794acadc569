// The extension host of one code-server session, found by the per-run file the harness hands it in its environment
// (LONG_TASKS_ENV names a file in the run folder), and paused the way a loaded machine pauses it.
import { readdir, readFile } from 'node:fs/promises';
import { LONG_TASKS_ENV } from '../../../src/editor/longTasks';

/** The pid of the extension host process of the session whose run folder is runDir; undefined when none runs. */
export async function extensionHostPid(runDir: string): Promise<number | undefined> {
  const marker = `${LONG_TASKS_ENV}=${runDir}/`;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const [cmdline, environ] = await Promise.all([
      readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => ''),
      readFile(`/proc/${entry}/environ`, 'utf8').catch(() => ''),
    ]);
    if (cmdline.includes('extensionHost') && environ.split('\0').some((line) => line.startsWith(marker))) return Number(entry);
  }
  return undefined;
}

/**
 * Stops the process for `ms` (SIGSTOP, then SIGCONT): a descheduled extension host answers nothing meanwhile, as on a
 * machine with more runnable processes than cores. Returns at once; the process is resumed by a timer.
 */
export function pauseProcess(pid: number, ms: number): Promise<void> {
  process.kill(pid, 'SIGSTOP');
  return new Promise((resolve) =>
    setTimeout(() => {
      process.kill(pid, 'SIGCONT');
      resolve();
    }, ms),
  );
}
