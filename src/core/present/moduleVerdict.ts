// One interpreter's verdict on one module, from whatever the probe learned (real import or only the spec pass).
import type { InterpreterProbe } from '../probe/probeResult';

export type ModuleVerdict =
  | { readonly kind: 'ok'; readonly version: string | null }
  /** Found by the spec pass only: no real import was run there. */
  | { readonly kind: 'found' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'error'; readonly firstLine: string }
  | { readonly kind: 'crash'; readonly firstLine: string }
  | { readonly kind: 'timeout'; readonly firstLine: string }
  /** The interpreter itself could not be probed, or the module was not asked about. */
  | { readonly kind: 'unknown'; readonly firstLine: string };

export function moduleVerdict(probe: InterpreterProbe, module: string): ModuleVerdict {
  if (probe.kind === 'invalid') return { kind: 'unknown', firstLine: probe.detail };
  if (probe.kind === 'timeout') return { kind: 'unknown', firstLine: `start-up did not finish within ${seconds(probe.timeoutMs)}` };
  const result = probe.imports[module];
  if (result !== undefined) {
    switch (result.status) {
      case 'ok':
        return { kind: 'ok', version: result.version };
      case 'missing':
        return { kind: 'missing' };
      case 'error':
        return { kind: 'error', firstLine: `${result.exceptionType}: ${firstLineOf(result.message)}` };
      case 'crash':
        return { kind: 'crash', firstLine: result.signal !== null ? `crashed (${result.signal})` : `crashed (exit code ${result.exitCode ?? '?'})` };
      case 'timeout':
        return { kind: 'timeout', firstLine: `import did not finish within ${seconds(result.timeoutMs)}` };
      case 'not-run':
        break;
    }
  }
  const spec = probe.specs[module];
  if (spec === undefined) return { kind: 'unknown', firstLine: 'not probed' };
  if (spec.found === true) return { kind: 'found' };
  if (spec.found === false) return { kind: 'missing' };
  return { kind: 'error', firstLine: `${spec.exceptionType}: ${firstLineOf(spec.message)}` };
}

export const VERDICT_SYMBOL: Readonly<Record<ModuleVerdict['kind'], string>> = {
  ok: '✓',
  found: '✓?',
  missing: '✗',
  error: '✗',
  crash: '✗',
  timeout: '⏱',
  unknown: '?',
};

export const VERDICT_WORD: Readonly<Record<ModuleVerdict['kind'], string>> = {
  ok: 'imports',
  found: 'found (not imported)',
  missing: 'missing',
  error: 'fails',
  crash: 'crashes',
  timeout: 'hangs',
  unknown: 'unknown',
};

export function isUsable(verdict: ModuleVerdict): boolean {
  return verdict.kind === 'ok' || verdict.kind === 'found';
}

function firstLineOf(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
