// matrix: 10 interpreters × 5 modules, fully probed by one prober (as the editor's matrix and `--all` do),
// against the sum of each interpreter's own floor spread over the cores.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { InterpreterRef } from '../src/core/interpreters/interpreter';
import { CORES, interpreterRef, newProber, runPython, TIMEOUT_MS } from './engine';
import { median, paired, timed, type PairedResult } from './stats';

export const MATRIX_MODULES = ['rospy', 'cv_bridge', 'torch', 'numpy', 'yaml'] as const;
const PYENV_VERSIONS = ['2.7.18', '3.7.16', '3.8.18', '3.9.18', '3.10.13', '3.12.1', '3.13.0'] as const;
const VENV_BASE = '3.11.7';

export interface MatrixInterpreter {
  readonly ref: InterpreterRef;
  /** The matrix modules this interpreter finds (find_spec / imp.find_module), so its floor imports them. */
  readonly present: readonly string[];
}

export interface MatrixSetup {
  readonly interpreters: readonly MatrixInterpreter[];
  readonly env: Record<string, string>;
  /** Removes the venvs. */
  dispose(): Promise<void>;
}

export interface MatrixResult extends PairedResult {
  readonly cores: number;
  /**
   * The same wall times divided by Σ floors ÷ the NOMINAL cores (os.availableParallelism()): what the figure was
   * before it used the cores really available. On a VM whose vCPUs share physical cores it is not reachable.
   */
  readonly ratioVsNominalCores: number;
  /**
   * The same matrix with the prober limited to one process at a time: the total work of isolated imports.
   * ÷ cores it is the best wall time the isolated design can reach; ÷ Σ floors it is the cost of isolation.
   */
  readonly sequentialWorkMs: number;
  /**
   * How many cores this run really had: two `import torch` one after the other ÷ the same two at once.
   * 2.0 on an idle 2-core machine; less when other work shares the cores.
   */
  readonly effectiveCores: number;
  readonly interpreters: readonly { readonly name: string; readonly present: readonly string[] }[];
}

/** Python 2.7 has no importlib.util; both branches only look, never import. */
const FIND_SPEC = [
  'try:',
  '    from importlib.util import find_spec',
  '    found = lambda m: find_spec(m) is not None',
  'except ImportError:',
  '    import imp',
  '    def found(m):',
  '        try:',
  '            imp.find_module(m)',
  '            return True',
  '        except ImportError:',
  '            return False',
].join('\n');

function presentCode(): string {
  return `${FIND_SPEC}\nprint(','.join(m for m in ${JSON.stringify(MATRIX_MODULES)} if found(m)))`;
}

/**
 * The floor of one interpreter: find_spec of all five (what any answer needs), then a plain import of each that
 * exists there, each in a try so one broken module does not stop the line early.
 */
export function floorCode(present: readonly string[]): string {
  const specs = `${FIND_SPEC}\n_ = [found(m) for m in ${JSON.stringify(MATRIX_MODULES)}]`;
  const imports = present.map((module) => `try:\n    import ${module}\nexcept Exception:\n    pass`).join('\n');
  return imports === '' ? specs : `${specs}\n${imports}`;
}

/** Without the bench runner's own Python variables: every interpreter sees only what it was installed with. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('PYTHON') || key === 'VIRTUAL_ENV' || key.startsWith('CONDA')) continue;
    env[key] = value;
  }
  return env;
}

export async function setUpMatrix(): Promise<MatrixSetup> {
  const pyenvRoot = path.join(process.env.HOME ?? '/root', '.pyenv', 'versions');
  const dir = await mkdtemp(path.join(tmpdir(), 'ros-env-doctor-bench-'));
  const venvSystem = path.join(dir, 'venv-system-site');
  const venvIsolated = path.join(dir, 'venv-isolated');
  execFileSync('/usr/bin/python3', ['-m', 'venv', '--without-pip', '--system-site-packages', venvSystem]);
  const venvBase = path.join(pyenvRoot, VENV_BASE, 'bin', 'python');
  execFileSync(venvBase, ['-m', 'venv', '--without-pip', venvIsolated]);

  const refs: InterpreterRef[] = [
    interpreterRef('/usr/bin/python3', '/usr/bin/python3', 'system', '/usr/bin/python3'),
    interpreterRef(
      path.join(venvSystem, 'bin', 'python'),
      '/usr/bin/python3.11',
      'venv',
      'venv: system site (/usr/bin/python3)',
      venvSystem,
    ),
    interpreterRef(path.join(venvIsolated, 'bin', 'python'), venvBase, 'venv', `venv: isolated (pyenv ${VENV_BASE})`, venvIsolated),
  ];
  for (const version of PYENV_VERSIONS) {
    const binary = path.join(pyenvRoot, version, 'bin', 'python');
    assert.ok(existsSync(binary), `pyenv ${version} is missing at ${binary}`);
    refs.push(interpreterRef(binary, binary, 'pyenv', `pyenv ${version}`));
  }
  const env = cleanEnv();
  const interpreters: MatrixInterpreter[] = [];
  for (const ref of refs) {
    const outcome = await runPython(ref.path, presentCode(), env);
    assert.ok(outcome.kind === 'exited' && outcome.exitCode === 0, `${ref.path} could not list its modules: ${JSON.stringify(outcome)}`);
    const present = outcome.stdout.trim() === '' ? [] : outcome.stdout.trim().split(',');
    interpreters.push({ ref, present });
  }
  return { interpreters, env, dispose: () => rm(dir, { recursive: true, force: true }) };
}

export async function matrix(setup: MatrixSetup, iterations: number): Promise<MatrixResult> {
  const floors = async (): Promise<void> => {
    for (const { ref, present } of setup.interpreters) await runPython(ref.path, floorCode(present), setup.env);
  };
  const probeAll = async (concurrency = CORES): Promise<void> => {
    const prober = newProber(concurrency);
    const probes = await Promise.all(
      setup.interpreters.map(({ ref }) =>
        prober.probe({ interpreter: ref, modules: MATRIX_MODULES, env: setup.env, environment: 'plain', timeoutMs: TIMEOUT_MS }),
      ),
    );
    probes.forEach((probe, index) => assert.equal(probe.kind, 'ok', `${setup.interpreters[index]?.ref.path}: ${JSON.stringify(probe)}`));
  };
  const torchPair = async (parallel: boolean): Promise<number> => {
    const one = () => runPython('/usr/bin/python3', 'import torch', setup.env);
    const started = performance.now();
    if (parallel) await Promise.all([one(), one()]);
    else {
      await one();
      await one();
    }
    return performance.now() - started;
  };
  await torchPair(true);
  // How many cores this machine really gives two processes, measured next to every matrix sample (load changes).
  const speedups: number[] = [];
  const coresNow = async (): Promise<number> => {
    const speedup = (await torchPair(false)) / (await torchPair(true));
    speedups.push(speedup);
    return Math.min(CORES, Math.max(1, speedup));
  };
  const result = await paired(iterations, 1, floors, () => probeAll());
  const effective: number[] = [];
  for (let i = 0; i < result.samples.length; i++) effective.push(await coresNow());
  const sequential: number[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(iterations / 2)); i++) sequential.push((await timed(() => probeAll(1))).ms);
  // The floor is spread over the cores really available: wall time ÷ (Σ floors ÷ effective cores). Dividing by the
  // nominal count asked for parallelism a VM whose two vCPUs share one physical core does not have.
  const cores = median(effective);
  const samples = result.samples.map((s) => ({ ...s, ratio: s.measuredMs / (s.baselineMs / cores) }));
  const ratio = median(samples.map((s) => s.ratio));
  const ratioVsNominalCores = median(result.samples.map((s) => s.measuredMs / (s.baselineMs / CORES)));
  return {
    ...result,
    samples,
    ratio,
    ratioVsNominalCores,
    cores: CORES,
    sequentialWorkMs: median(sequential),
    effectiveCores: median(speedups),
    interpreters: setup.interpreters.map(({ ref, present }) => ({ name: ref.displayName, present })),
  };
}
