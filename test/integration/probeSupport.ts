// Shared set-up of the probe integration tests: the engine's prober (real runner, file system and probe script).
import { realpathSync } from 'node:fs';
import type { InterpreterKind, InterpreterRef } from '../../src/core/interpreters/interpreter';
import type { Prober, ProbeRequest } from '../../src/core/probe/prober';
import type { InterpreterProbe } from '../../src/core/probe/probeResult';
import { createEngine } from '../../src/node/engine';

/** The engine's prober, with a fresh cache: the real runner, file system and probe script, wired by the engine. */
export function realProber(concurrency = 2): Prober {
  return createEngine({ concurrency }).prober;
}

export function refFor(path: string, kind: InterpreterKind = 'other'): InterpreterRef {
  let realPath = path;
  try {
    realPath = realpathSync(path);
  } catch {
    // Not there: the prober reports it.
  }
  return { path, realPath, kind, source: 'selected', envPrefix: null, displayName: path };
}

export async function probeOk(
  prober: Prober,
  python: string,
  env: Readonly<Record<string, string>>,
  modules: readonly string[],
  extra: Partial<ProbeRequest> = {},
): Promise<Extract<InterpreterProbe, { kind: 'ok' }>> {
  const result = await prober.probe({ interpreter: refFor(python), modules, env, environment: 'sourced', timeoutMs: 30000, ...extra });
  if (result.kind !== 'ok') throw new Error(`probe of ${python} was ${result.kind}: ${JSON.stringify(result)}`);
  return result;
}
