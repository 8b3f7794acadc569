// A prober whose identical requests in flight at the same time share one run. The engine answers the selected
// interpreter first and the full matrix after, as two concurrent diagnoses: both ask for the selected interpreter,
// its shebang targets and its plain environment, and each of those must still start only one set of processes.
import { stableHash } from './stableHash';
import type { Prober, ProbeRequest } from './prober';
import type { InterpreterProbe } from './probeResult';

function requestKey(request: ProbeRequest): string {
  // JSON keeps the parts apart whatever they contain; the interpreter is compared whole, since it is reported back.
  return JSON.stringify([
    request.interpreter,
    [...new Set(request.modules)].sort(),
    [...new Set(request.specOnlyModules ?? [])].sort(),
    [...new Set(request.distributions ?? [])].sort(),
    stableHash(request.env),
    request.environment,
    request.specOnly === true,
    request.timeoutMs,
  ]);
}

export function sharingProber(inner: Prober): Prober {
  const inFlight = new Map<string, { readonly signal: AbortSignal | undefined; readonly result: Promise<InterpreterProbe> }>();
  return {
    probe(request) {
      // A caller that wants the facts as soon as they arrive cannot share a run that is already past them.
      if (request.onFacts !== undefined) return inner.probe(request);
      const key = requestKey(request);
      const running = inFlight.get(key);
      // Only the same check shares (one signal): a cancelled check's run would hand a newer one its aborted results.
      if (running !== undefined && running.signal === request.signal) return running.result;
      const result = inner.probe(request).finally(() => {
        if (inFlight.get(key)?.result === result) inFlight.delete(key);
      });
      inFlight.set(key, { signal: request.signal, result });
      return result;
    },
    prove: (request, module, variant) => inner.prove(request, module, variant),
    get processesSpawned() {
      return inner.processesSpawned;
    },
  };
}
