// What one cell of the interpreter × module matrix says. Built on the rules' own classification
// (rules/moduleVerdict.ts), so the report can never disagree with the findings.
import type { InterpreterProbe } from '../probe/probeResult';
import { messageSummary, moduleVerdict } from '../rules/moduleVerdict';

export type CellKind = 'ok' | 'found' | 'missing' | 'fails' | 'crash' | 'timeout' | 'unknown';

export interface ModuleCell {
  readonly kind: CellKind;
  /** The version when it imports; null otherwise or when the module has none. */
  readonly version: string | null;
  /** Why it fails, in a few words ("built for cpython-311", "needs rospkg", "SyntaxError: invalid syntax"); null when it imports. */
  readonly reason: string | null;
}

export function moduleCell(probe: InterpreterProbe, module: string): ModuleCell {
  if (probe.kind === 'invalid') return { kind: 'unknown', version: null, reason: probe.detail };
  if (probe.kind === 'timeout')
    return { kind: 'unknown', version: null, reason: `start-up did not finish within ${seconds(probe.timeoutMs)}` };
  const verdict = moduleVerdict(probe, module);
  const result = probe.imports[module];
  switch (verdict.kind) {
    case 'ok':
      return result?.status === 'ok'
        ? { kind: 'ok', version: result.version, reason: null }
        : { kind: 'found', version: null, reason: null };
    case 'unknown':
      return { kind: 'unknown', version: null, reason: 'not probed' };
    case 'missing':
      return { kind: 'missing', version: null, reason: null };
    case 'case':
      return { kind: 'missing', version: null, reason: `did you mean ${verdict.variants.join(' or ')}?` };
    case 'abi':
      return {
        kind: 'fails',
        version: null,
        reason: verdict.builtFor === null ? 'built for another Python' : `built for ${verdict.builtFor}`,
      };
    case 'ros-deps':
      return { kind: 'fails', version: null, reason: `needs ${verdict.dependency}` };
    case 'error':
      return { kind: 'fails', version: null, reason: `${verdict.exceptionType}: ${messageSummary(verdict.message)}` };
    case 'crash':
      return {
        kind: 'crash',
        version: null,
        reason: verdict.signal !== null ? `crashed (${verdict.signal})` : `crashed (exit code ${verdict.exitCode ?? '?'})`,
      };
    case 'timeout':
      return { kind: 'timeout', version: null, reason: `import did not finish within ${seconds(verdict.timeoutMs)}` };
  }
}

export const CELL_SYMBOL: Readonly<Record<CellKind, string>> = {
  ok: '✓',
  found: '✓?',
  missing: '✗',
  fails: '✗',
  crash: '✗',
  timeout: '⏱',
  unknown: '?',
};

export const CELL_WORD: Readonly<Record<CellKind, string>> = {
  ok: 'imports',
  found: 'found (not imported)',
  missing: 'missing',
  fails: 'fails',
  crash: 'crashes',
  timeout: 'hangs',
  unknown: 'unknown',
};

export function isUsable(cell: ModuleCell): boolean {
  return cell.kind === 'ok' || cell.kind === 'found';
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
