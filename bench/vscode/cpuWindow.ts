// Where the CPU went while the extension worked on the cold answer: the machine's busy CPU time (/proc/stat),
// the extension host's own, and its reaped children's (our probes, which have exited by the time the answer is
// published). The rest is VS Code's other processes (Chromium's renderer drawing the opened editor, code-server)
// and whatever else ran. Busy CPU ÷ cores is the least wall time any scheduling of that work could take, which
// says whether a goal is out of reach on this machine, not only missed. Linux only; undefined elsewhere.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Linux's USER_HZ, the unit of /proc's CPU times; fixed at 100 by the kernel's ABI on every architecture we run on. */
const TICKS_PER_SECOND = 100;

interface CpuSnapshot {
  readonly machineBusyTicks: number;
  readonly hostTicks: number;
  readonly childrenTicks: number;
}

export interface CpuWindow {
  readonly cores: number;
  /** Every core's non-idle time in the window (user, nice, system, irq, softirq, steal). */
  readonly machineBusyMs: number;
  /** The extension host's own threads. */
  readonly extensionHostMs: number;
  /** The extension host's children that exited in the window: the probes. */
  readonly probesMs: number;
}

function snapshot(): CpuSnapshot | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal: idle and iowait are the only ones that are not work.
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): utime is the 14th field of the line, so the 12th here.
    const fields = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const [utime = 0, stime = 0, cutime = 0, cstime = 0] = fields.slice(11, 15);
    return { machineBusyTicks: user + nice + system + irq + softirq + steal, hostTicks: utime + stime, childrenTicks: cutime + cstime };
  } catch {
    return undefined;
  }
}

/** Starts a window; the returned function ends it. */
export function startCpuWindow(): () => CpuWindow | undefined {
  const before = snapshot();
  return () => {
    const after = snapshot();
    if (before === undefined || after === undefined) return undefined;
    const ms = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;
    return {
      cores: availableParallelism(),
      machineBusyMs: ms(after.machineBusyTicks - before.machineBusyTicks),
      extensionHostMs: ms(after.hostTicks - before.hostTicks),
      probesMs: ms(after.childrenTicks - before.childrenTicks),
    };
  };
}
