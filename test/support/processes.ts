// Which processes a test left running. Looked up by the test's own folder, in the arguments or on a probe's
// PYTHONPATH (read from /proc), never by the probe's name alone: on a shared machine another run's probes are not ours.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The processes still running that belong to `dir`: naming it, or a probe started with it in its environment. */
export function processesOf(dir: string): string[] {
  return spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && !match[2]?.startsWith('ps '))
    .filter(([, pid, args]) => args?.includes(dir) === true || (args?.includes('probe.py') === true && environOf(pid).includes(dir)))
    .map(([, pid, args]) => `${pid} ${args}`);
}

function environOf(pid: string | undefined): string {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8');
  } catch {
    return ''; // gone already, or another user's: either way not one of ours left running
  }
}
