// The one way to start work nobody awaits: its failure is logged, never left floating.
import type { Logger } from '../core/ports';

export function runInBackground(what: string, logger: Logger, work: () => Promise<unknown>): void {
  work().then(
    () => undefined,
    (error: unknown) => logger.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
}
