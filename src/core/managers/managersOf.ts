// The manager of every probed interpreter, read once per diagnosis; rules look it up by interpreter path.
import type { FileSystem } from '../ports';
import type { InterpreterProbe } from '../probe/probeResult';
import { classifyManager, NO_EVIDENCE } from './classifyManager';
import type { EnvironmentManager } from './environmentManager';
import { readManagerEvidence } from './readManagerEvidence';

type OkProbe = Extract<InterpreterProbe, { kind: 'ok' }>;

export async function managersOf(
  fs: FileSystem,
  probes: readonly (InterpreterProbe | null)[],
  env: Readonly<Record<string, string>>,
): Promise<Map<string, EnvironmentManager>> {
  const ok = probes.filter((p): p is OkProbe => p !== null && p.kind === 'ok');
  const managers = new Map<string, EnvironmentManager>();
  await Promise.all(
    ok.map(async (probe) => {
      if (managers.has(probe.interpreter.path)) return;
      const evidence = await readManagerEvidence(fs, probe.facts, env);
      managers.set(probe.interpreter.path, classifyManager(probe.interpreter, probe.facts, evidence));
    }),
  );
  return managers;
}

/** The manager the engine read for this probe; from its facts alone when none was read (a uv venv then looks like a venv). */
export function managerFor(managers: ReadonlyMap<string, EnvironmentManager> | undefined, probe: OkProbe): EnvironmentManager {
  return managers?.get(probe.interpreter.path) ?? classifyManager(probe.interpreter, probe.facts, NO_EVIDENCE);
}
