// Shared set-up of the probe integration tests: the real runner, file system and probe script.
import { realpathSync } from 'node:fs';
import type { InterpreterKind, InterpreterRef } from '../../src/core/interpreters/interpreter';
import { silentLogger, systemClock } from '../../src/core/ports';
import { createProbeCache } from '../../src/core/probe/probeCache';
import { createProber, type Prober, type ProbeRequest } from '../../src/core/probe/prober';
import type { InterpreterProbe } from '../../src/core/probe/probeResult';
import { createExecaRunner } from '../../src/node/execaRunner';
import { createNodeFileSystem } from '../../src/node/nodeFileSystem';
import { probeScriptPath } from '../../src/node/probeScriptPath';

export function realProber(concurrency = 2): Prober {
  return createProber({
    runner: createExecaRunner(),
    fs: createNodeFileSystem(),
    probeScript: probeScriptPath(),
    concurrency,
    logger: silentLogger,
    clock: systemClock,
    cache: createProbeCache(),
  });
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
