// fullProbeVsFloor, specPassVsStartup and cachedReprobe: Debian's python3 with the real ROS/torch stack.
import assert from 'node:assert/strict';
import type { InterpreterProbe } from '../src/core/probe/probeResult';
import { interpreterRef, newProber, processEnv, runPythonOk, TIMEOUT_MS } from './engine';
import { median, paired, timed, type PairedResult } from './stats';

export const SYSTEM_PYTHON = '/usr/bin/python3';
export const HEAVY_MODULES = ['torch', 'rospy', 'cv_bridge'] as const;

export interface CachedReprobe {
  readonly ms: number;
  readonly processes: number;
  readonly samples: number;
  readonly runs: readonly number[];
}

const system = interpreterRef(SYSTEM_PYTHON, SYSTEM_PYTHON, 'system', SYSTEM_PYTHON);

/** A probe that did not import all three cleanly would be timing a failure, not the real work. */
function assertFullProbe(probe: InterpreterProbe): void {
  assert.equal(probe.kind, 'ok', `the probe of ${SYSTEM_PYTHON} failed: ${JSON.stringify(probe)}`);
  if (probe.kind !== 'ok') return;
  for (const module of HEAVY_MODULES) {
    assert.equal(
      probe.imports[module]?.status,
      'ok',
      `${module} did not import in ${SYSTEM_PYTHON}: ${JSON.stringify(probe.imports[module])}`,
    );
  }
  assert.equal(probe.cached, false);
}

/** Full probe (fresh cache each time: facts pass + one process per module with deep checks) vs one plain import line. */
export async function fullProbeVsFloor(iterations: number): Promise<PairedResult> {
  const env = processEnv();
  return paired(
    iterations,
    1,
    () => runPythonOk(SYSTEM_PYTHON, `import ${HEAVY_MODULES.join(', ')}`, env),
    async () => {
      const probe = await newProber().probe({
        interpreter: system,
        modules: HEAVY_MODULES,
        env,
        environment: 'plain',
        timeoutMs: TIMEOUT_MS,
      });
      assertFullProbe(probe);
    },
  );
}

/** The first answer (facts + find_spec of the three, no imports) vs `python3 -c pass`. */
export async function specPassVsStartup(iterations: number): Promise<PairedResult> {
  const env = processEnv();
  return paired(
    iterations,
    2,
    () => runPythonOk(SYSTEM_PYTHON, 'pass', env),
    async () => {
      const probe = await newProber().probe({
        interpreter: system,
        modules: HEAVY_MODULES,
        env,
        environment: 'plain',
        timeoutMs: TIMEOUT_MS,
        specOnly: true,
      });
      assert.equal(probe.kind, 'ok');
      if (probe.kind === 'ok') for (const module of HEAVY_MODULES) assert.equal(probe.specs[module]?.found, true, `${module} has no spec`);
    },
  );
}

/** One full probe fills the cache; then the same question again, with nothing changed on disk or in the env. */
export async function cachedReprobe(iterations: number): Promise<CachedReprobe> {
  const env = processEnv();
  const prober = newProber();
  const request = { interpreter: system, modules: HEAVY_MODULES, env, environment: 'plain' as const, timeoutMs: TIMEOUT_MS };
  assertFullProbe(await prober.probe(request));
  const times: number[] = [];
  const processes: number[] = [];
  for (let i = 0; i < iterations + 2; i++) {
    const before = prober.processesSpawned;
    const { ms, value } = await timed(() => prober.probe(request));
    assert.equal(value.kind, 'ok');
    if (i < 2) continue; // warm-up
    times.push(ms);
    processes.push(prober.processesSpawned - before);
  }
  return { ms: median(times), processes: Math.max(...processes), samples: times.length, runs: times };
}
