// The CLI interrupted (Ctrl-C, `kill`, a closed terminal): every process group it started is killed and its temp
// folders removed (the runner removes them on 'exit'), then it exits with the shell's code for that signal.
import { killAllProcessGroups } from './execaRunner';

const EXIT_CODES: Readonly<Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export function exitCleanlyOnSignals(): void {
  for (const [signal, code] of Object.entries(EXIT_CODES)) {
    process.once(signal, () => {
      killAllProcessGroups();
      // process.exit runs the 'exit' handlers, which remove the runner's temp folders.
      process.exit(code);
    });
  }
}
