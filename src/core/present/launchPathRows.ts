// The report's view of the launch-path model: per node, each way it starts → the interpreter → the verdict.
import type { LaunchFacts } from '../launch/launchFacts';
import type { LaunchKind } from '../launch/launchPath';
import { importsModule, isOk } from '../rules/probeFacts';
import { moduleVerdict } from '../rules/moduleVerdict';

/**
 * ok: imports everything the files it runs import; fails: some import fails there; missing-interpreter: the
 * interpreter named does not exist; not-probed: nothing to import, or the environment hung at start-up;
 * no-metadata: every import works, but a colcon entry point cannot find its package's metadata (not sourced).
 */
export type LaunchVerdict = 'ok' | 'fails' | 'no-metadata' | 'missing-interpreter' | 'invalid-interpreter' | 'not-probed';

export interface LaunchPathRow {
  readonly kind: LaunchKind;
  readonly file: string;
  readonly command: string;
  readonly script: string | null;
  /** The interpreter path that runs it, or what the shebang names when that does not exist. */
  readonly interpreter: string;
  readonly verdict: LaunchVerdict;
  /** Modules that fail under that interpreter, sorted. */
  readonly failing: readonly string[];
}

export function launchPathRows(launch: LaunchFacts | undefined): LaunchPathRow[] {
  return (launch?.checks ?? []).map((check): LaunchPathRow => {
    const runner = check.path.runner;
    const base = { kind: check.path.kind, file: check.path.file, command: check.path.command, script: check.path.script };
    if (runner.kind === 'missing') return { ...base, interpreter: runner.wanted, verdict: 'missing-interpreter', failing: [] };
    const interpreter = check.interpreter?.path ?? (runner.kind === 'interpreter' ? runner.path : '');
    const probe = check.probe;
    if (probe === null) return { ...base, interpreter, verdict: 'not-probed', failing: [] };
    if (!isOk(probe)) return { ...base, interpreter, verdict: 'invalid-interpreter', failing: [] };
    const failing = check.modules.filter((module) => !importsModule(probe, module) && moduleVerdict(probe, module).kind !== 'unknown');
    const verdict = failing.length > 0 ? 'fails' : check.metadata?.found === false ? 'no-metadata' : 'ok';
    return { ...base, interpreter, verdict, failing };
  });
}
