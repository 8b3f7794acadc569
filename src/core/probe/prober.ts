// Runs python/probe.py in an interpreter: one facts pass, then the imports in at most `concurrency` processes
// (importLanes.ts), results cached.
import type { InterpreterRef } from '../interpreters/interpreter';
import type { Clock, FileSystem, Logger, ProcessOutcome, ProcessRunner } from '../ports';
import { FACTS_PRIORITY, importCost } from './importCost';
import { deepChecksFor } from './deepChecks';
import { extractProbeBlocks, parseProbeBlock, parseProbeOutput, probeBlockStream } from './extractProbeDocument';
import { headStart, importLanes } from './importLanes';
import type { ImportResult, InterpreterProbe } from './probeResult';
import {
  isCacheableImport,
  moduleStampPaths,
  stampHolds,
  stampPaths,
  takeStamp,
  type CachedProbe,
  type ProbeCache,
  type ProbeCacheKey,
  type StampEntry,
} from './probeCache';
import {
  NONCE_VARIABLE,
  newNonce,
  type DistributionResult,
  type InterpreterFacts,
  type LoadedPackage,
  type ReportedImport,
  type SpecResult,
} from './protocol';
import { stableHash } from './stableHash';

export interface ProbeRequest {
  readonly interpreter: InterpreterRef;
  readonly modules: readonly string[];
  /** The child's complete environment; PYTHONPATH in it is exactly what the probe must see. */
  readonly env: Readonly<Record<string, string>>;
  readonly environment: 'sourced' | 'plain';
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Only the facts pass (find specs, no imports): cheap enough for every interpreter on the machine. */
  readonly specOnly?: boolean;
  /** Modules whose spec is all that is asked (ROS's own dependencies): found or not, they are never imported. */
  readonly specOnlyModules?: readonly string[];
  /**
   * Distributions whose metadata is looked up as an entry-point script would (importlib.metadata): asked in a facts
   * pass every time, never cached, since building or sourcing a workspace changes the answer without touching the
   * interpreter's stamp.
   */
  readonly distributions?: readonly string[];
  /**
   * The answer waits for this probe (the selected interpreter's): when nothing is cached yet, its costliest import
   * starts beside the facts pass (importLanes.ts headStart). Not for the other interpreters, which lack the
   * costliest module more often than not: their early process would mostly be thrown away.
   */
  readonly headStart?: boolean;
  /** Called as soon as the facts pass is known, before the (slower) imports. */
  readonly onFacts?: (facts: InterpreterFacts, specs: Readonly<Record<string, SpecResult>>) => void;
}

/** A proof run: the failed import once more with one suspect bypassed (see src/core/proof/). */
export interface ProofVariant {
  /** Interpreter options before the script: ['-s'] leaves the user site out. */
  readonly flags: readonly string[];
  /** sys.path entries the probe drops before importing (a .pth file's entries). */
  readonly drop: readonly string[];
  /** Packages whose origin the run reports (the one that was shadowed). */
  readonly watch: readonly string[];
}

export type ProofRun =
  | { readonly kind: 'ran'; readonly outcome: ReportedImport; readonly watched: readonly LoadedPackage[] }
  | { readonly kind: 'failed'; readonly detail: string };

export interface Prober {
  probe(request: ProbeRequest): Promise<InterpreterProbe>;
  /** Imports `module` again under `variant` in request.env; cached per interpreter, env, module and variant. */
  prove(request: ProbeRequest, module: string, variant: ProofVariant): Promise<ProofRun>;
  /** How many processes this prober has started, ever; the engine reports the difference per run. */
  readonly processesSpawned: number;
}

export interface ProberDeps {
  readonly runner: ProcessRunner;
  readonly fs: FileSystem;
  readonly probeScript: string;
  /** Processes running at once across every probe of this prober. */
  readonly concurrency: number;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly cache: ProbeCache;
}

const MAX_OUTPUT_BYTES = 1024 * 1024;
const EXCERPT_CHARS = 1500;

type Limiter = <T>(priority: number, task: () => Promise<T>) => Promise<T>;

/**
 * At most `max` tasks at once; of those waiting, the one with the highest priority (the costliest import) goes
 * next, ties in arrival order, so a long import never starts last and runs alone while the other cores idle.
 */
function createLimiter(max: number): Limiter {
  let active = 0;
  const waiting: Array<{ readonly priority: number; readonly start: () => void }> = [];
  const takeNext = (): (() => void) | undefined => {
    let best = -1;
    waiting.forEach((entry, index) => {
      const current = waiting[best];
      if (current === undefined || entry.priority > current.priority) best = index;
    });
    return best === -1 ? undefined : waiting.splice(best, 1)[0]?.start;
  };
  return async <T>(priority: number, task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((start) => waiting.push({ priority, start }));
    else active += 1;
    try {
      return await task();
    } finally {
      const next = takeNext();
      // Hand the slot straight to the next task, or give it back.
      if (next !== undefined) next();
      else active -= 1;
    }
  };
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function excerpt(text: string): string {
  const trimmed = text.replaceAll('\u0000', '').trim();
  return trimmed.length <= EXCERPT_CHARS ? trimmed : `…${trimmed.slice(trimmed.length - EXCERPT_CHARS)}`;
}

function firstLine(text: string): string {
  return (
    text
      .replaceAll('\u0000', '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}

function topLevel(module: string): string {
  return module.split('.')[0] ?? module;
}

function named(ref: InterpreterRef): string {
  return ref.realPath !== '' && ref.realPath !== ref.path ? `${ref.path} (${ref.realPath})` : ref.path;
}

function spawnDetail(ref: InterpreterRef, code: string, message: string): string {
  switch (code) {
    case 'ENOENT':
      return `${named(ref)} could not be started (ENOENT): the program named on its #! line does not exist`;
    case 'EACCES':
      return `${named(ref)} could not be started (EACCES: permission denied)`;
    case 'ENOEXEC':
      return `${named(ref)} is not a program this system can run (ENOEXEC): a truncated or foreign binary, or a script without a #! line`;
    default:
      return `${named(ref)} could not be started (${code}: ${firstLine(message)})`;
  }
}

/** An import started before the facts pass was back; cancel() stops it when it turns out not to be wanted. */
interface EarlyImport {
  readonly module: string;
  readonly result: Promise<ImportResult>;
  readonly cancel: () => void;
}

type FactsPass =
  | {
      readonly kind: 'ok';
      readonly facts: InterpreterFacts;
      readonly specs: Readonly<Record<string, SpecResult>>;
      readonly distributions: Readonly<Record<string, DistributionResult>> | undefined;
    }
  | { readonly kind: 'failed'; readonly probe: InterpreterProbe };

export function createProber(deps: ProberDeps): Prober {
  let spawned = 0;
  const slots = Math.max(1, Math.floor(deps.concurrency));
  const limit = createLimiter(slots);

  /** One probe process; its outcome comes with the nonce its document must carry. */
  async function run(
    request: ProbeRequest,
    program: string,
    args: readonly string[],
    priority: number,
    flags: readonly string[] = [],
  ): Promise<ProcessOutcome & { readonly nonce: string }> {
    const nonce = newNonce();
    return { ...(await spawnProbe(request, program, args, priority, flags, nonce)), nonce };
  }

  async function spawnProbe(
    request: ProbeRequest,
    program: string,
    args: readonly string[],
    priority: number,
    flags: readonly string[],
    nonce: string,
    onStdout?: (chunk: string) => boolean,
  ): Promise<ProcessOutcome> {
    return limit(priority, async () => {
      if (request.signal?.aborted === true) return { kind: 'aborted' } as const;
      spawned += 1;
      const fullArgs = [...flags, '-B', deps.probeScript, ...args];
      const commandLine = [program, ...fullArgs].map(quote).join(' ');
      const started = deps.clock.now();
      const outcome = await deps.runner.run(program, fullArgs, {
        env: { ...request.env, [NONCE_VARIABLE]: nonce },
        timeoutMs: request.timeoutMs,
        maxOutputBytes: MAX_OUTPUT_BYTES,
        ...(request.signal !== undefined ? { signal: request.signal } : {}),
        ...(onStdout !== undefined ? { onStdout } : {}),
      });
      const took = `${deps.clock.now() - started} ms`;
      if (outcome.kind === 'exited' && outcome.heldOutput === true) {
        deps.logger.warn(
          `${request.interpreter.path} left a process running after it exited (started by a sitecustomize.py, a .pth file or an imported module, outside the probe's process group, still holding its output); it was not stopped: find it with \`ps -ef\``,
        );
      }
      switch (outcome.kind) {
        case 'exited':
          if (outcome.exitCode === 0) deps.logger.info(`${commandLine} (${took})`);
          else
            deps.logger.warn(`${commandLine} exited with code ${outcome.exitCode} (${took}): ${excerpt(outcome.stderr || outcome.stdout)}`);
          break;
        case 'signaled':
          deps.logger.warn(`${commandLine} was killed by ${outcome.signal} (${took}): ${excerpt(outcome.stderr)}`);
          break;
        case 'timeout':
          deps.logger.warn(
            `${commandLine} timed out after ${outcome.timeoutMs} ms; its process group was killed. ${excerpt(outcome.stderr || outcome.stdout)}`,
          );
          break;
        case 'spawn-error':
          deps.logger.warn(`${commandLine} could not start: ${outcome.code} ${outcome.message}`);
          break;
        case 'aborted':
          deps.logger.info(`${commandLine} cancelled (${took})`);
          break;
      }
      return outcome;
    });
  }

  async function factsPass(request: ProbeRequest, program: string, modules: readonly string[]): Promise<FactsPass> {
    const ref = request.interpreter;
    const distributions = request.distributions ?? [];
    const args = ['facts', modules.join(','), ...(distributions.length > 0 ? [distributions.join(',')] : [])];
    const outcome = await run(request, program, args, FACTS_PRIORITY);
    const invalid = (reason: 'spawn-failed' | 'exited-without-result' | 'bad-protocol', detail: string): FactsPass => ({
      kind: 'failed',
      probe: { kind: 'invalid', interpreter: ref, reason, detail },
    });
    switch (outcome.kind) {
      case 'spawn-error':
        return invalid('spawn-failed', spawnDetail(ref, outcome.code, outcome.message));
      case 'timeout':
        return { kind: 'failed', probe: { kind: 'timeout', interpreter: ref, timeoutMs: outcome.timeoutMs, stage: 'startup' } };
      case 'aborted':
        return invalid('exited-without-result', `the probe of ${named(ref)} was cancelled before it finished`);
      case 'signaled': {
        const said = firstLine(outcome.stderr);
        return invalid(
          'exited-without-result',
          `${named(ref)} was killed by ${outcome.signal} before printing a probe result${said ? `: ${said}` : ''}`,
        );
      }
      case 'exited': {
        const parsed = parseProbeOutput(outcome.stdout, outcome.nonce);
        if (parsed.kind === 'ok' && parsed.document.mode === 'facts') {
          return {
            kind: 'ok',
            facts: parsed.document.interpreter,
            specs: parsed.document.specs,
            distributions: parsed.document.distributions,
          };
        }
        if (parsed.kind === 'ok')
          return invalid('bad-protocol', `${named(ref)} answered the facts pass with a ${parsed.document.mode} document`);
        if (parsed.kind === 'invalid') return invalid('bad-protocol', `${named(ref)}: ${parsed.reason}`);
        if (outcome.exitCode !== 0) {
          const said = firstLine(outcome.stderr) || firstLine(outcome.stdout);
          return invalid('exited-without-result', `${named(ref)} exited with code ${outcome.exitCode}${said ? `: ${said}` : ''}`);
        }
        const said = firstLine(outcome.stdout);
        return invalid(
          'exited-without-result',
          `${named(ref)} printed no probe result (is it a Python interpreter?)${said ? `; it printed "${said.slice(0, 80)}"` : ''}`,
        );
      }
    }
  }

  async function importPass(request: ProbeRequest, program: string, module: string): Promise<ImportResult> {
    const deep = deepChecksFor(module);
    const outcome = await run(
      request,
      program,
      deep.length > 0 ? ['import', module, deep.join(',')] : ['import', module],
      importCost(module),
    );
    switch (outcome.kind) {
      case 'timeout':
        return { status: 'timeout', timeoutMs: outcome.timeoutMs };
      case 'aborted':
        return { status: 'not-run', reason: 'aborted' };
      case 'signaled':
        return { status: 'crash', exitCode: null, signal: outcome.signal, stderrExcerpt: excerpt(outcome.stderr) };
      case 'spawn-error':
        return { status: 'crash', exitCode: null, signal: null, stderrExcerpt: `${outcome.code}: ${outcome.message}` };
      case 'exited': {
        const parsed = parseProbeOutput(outcome.stdout, outcome.nonce);
        if (parsed.kind === 'ok' && parsed.document.mode === 'import' && parsed.document.module === module) return parsed.document.outcome;
        // The import ended the process (os._exit, abort, a C extension calling exit) before the probe could report.
        const why = parsed.kind === 'invalid' ? parsed.reason : parsed.kind === 'ok' ? `the probe reported on ${parsed.document.mode}` : '';
        const stderr = excerpt(outcome.stderr);
        return { status: 'crash', exitCode: outcome.exitCode, signal: null, stderrExcerpt: stderr || why };
      }
    }
  }

  /**
   * Several modules in one process, one after the other, each reported as soon as it is done; `timeoutMs` bounds
   * each module, not the lane. The first module imports into a fresh process, so its result stands as it is. A
   * later one imports where earlier modules may have changed things (loaded a library, patched sys.path), so only
   * its success is taken: a later failure is imported again alone, so that what is reported and proven (the
   * traceback, the packages loaded when it failed) is the failure of that module alone. A module the lane never
   * reported (the process crashed, hung or was cut off) is imported alone too, except the one that hung: that is
   * the timeout an import of its own would have hit.
   */
  async function lanePass(request: ProbeRequest, program: string, lane: readonly string[]): Promise<Array<[string, ImportResult]>> {
    const nonce = newNonce();
    const streamed: string[] = [];
    let streaming = false;
    const follow = probeBlockStream(nonce, (json) => streamed.push(json));
    const onStdout = (chunk: string): boolean => {
      streaming = true;
      const before = streamed.length;
      follow(chunk);
      return streamed.length > before;
    };
    const args = ['imports', ...lane.map((module) => `${module}=${deepChecksFor(module).join(',')}`)];
    const outcome = await spawnProbe(request, program, args, importCost(lane[0] ?? ''), [], nonce, onStdout);
    if (outcome.kind === 'aborted') return lane.map((module) => [module, { status: 'not-run', reason: 'aborted' }]);
    const blocks = streaming || outcome.kind === 'spawn-error' ? streamed : extractProbeBlocks(outcome.stdout, nonce);
    const reports = new Map<string, ReportedImport[]>();
    for (const json of blocks) {
      const parsed = parseProbeBlock(json);
      if (parsed.kind !== 'ok' || parsed.document.mode !== 'import') continue;
      reports.set(parsed.document.module, [...(reports.get(parsed.document.module) ?? []), parsed.document.outcome]);
    }
    const results: Array<[string, ImportResult]> = [];
    const alone: string[] = [];
    // The module being imported when the lane was stopped: the first one it did not report on.
    const inProgress = lane.findIndex((module) => !reports.has(module));
    lane.forEach((module, index) => {
      const reported = reports.get(module) ?? [];
      const only = reported.length === 1 ? reported[0] : undefined;
      if (only !== undefined && (index === 0 || only.status === 'ok')) results.push([module, only]);
      else if (outcome.kind === 'timeout' && index === inProgress)
        results.push([module, { status: 'timeout', timeoutMs: outcome.timeoutMs }]);
      else alone.push(module);
    });
    if (alone.length > 0)
      deps.logger.info(`${request.interpreter.path}: importing ${alone.join(', ')} again, each in a process of its own`);
    const again = await Promise.all(
      alone.map(async (module): Promise<[string, ImportResult]> => [module, await importPass(request, program, module)]),
    );
    return [...results, ...again];
  }

  /**
   * Every module's import: lanes of several modules share a process, a lane of one is the plain `import` run. A
   * module given a head start (already importing, see startEarly) is its own lane; the others share the other slots.
   */
  async function importAll(
    request: ProbeRequest,
    program: string,
    modules: readonly string[],
    early: EarlyImport | undefined,
  ): Promise<Record<string, ImportResult>> {
    const rest = early === undefined ? modules : modules.filter((module) => module !== early.module);
    const lanes = importLanes(rest, early === undefined ? slots : slots - 1);
    const done = await Promise.all([
      ...(early === undefined ? [] : [early.result.then((result): Array<[string, ImportResult]> => [[early.module, result]])]),
      ...lanes.map(async (lane): Promise<Array<[string, ImportResult]>> => {
        const [first] = lane;
        if (lane.length === 1 && first !== undefined) return [[first, await importPass(request, program, first)]];
        return lanePass(request, program, lane);
      }),
    ]);
    return Object.fromEntries(done.flat());
  }

  /**
   * Starts the costliest import beside the facts pass (importLanes.ts headStart), with a signal of its own so that
   * it can be cancelled when the facts pass says the module is not to be imported after all (standard library, no
   * spec) or the interpreter does not start.
   */
  function startEarly(request: ProbeRequest, program: string, modules: readonly string[]): EarlyImport | undefined {
    const module = headStart(modules, slots);
    if (module === undefined) return undefined;
    const stop = new AbortController();
    const signal = request.signal === undefined ? stop.signal : AbortSignal.any([request.signal, stop.signal]);
    return { module, cancel: () => stop.abort(), result: importPass({ ...request, signal }, program, module) };
  }

  /** not-found / not-a-file / not-executable before anything is spawned, with a detail naming the path. */
  async function checkBinary(ref: InterpreterRef, program: string): Promise<InterpreterProbe | undefined> {
    const stat = await deps.fs.stat(program);
    if (stat === undefined) {
      const slash = program.lastIndexOf('/');
      const parent = slash > 0 ? program.slice(0, slash) : '/';
      const name = program.slice(slash + 1);
      const entry = (await deps.fs.readDir(parent)).find((candidate) => candidate.name === name);
      const detail =
        entry?.kind === 'symlink' ? `${named(ref)} is a link to something that does not exist` : `${named(ref)} does not exist`;
      return { kind: 'invalid', interpreter: ref, reason: 'not-found', detail };
    }
    if (stat.kind === 'directory')
      return { kind: 'invalid', interpreter: ref, reason: 'not-a-file', detail: `${named(ref)} is a directory, not an interpreter` };
    if (stat.kind !== 'file')
      return { kind: 'invalid', interpreter: ref, reason: 'not-a-file', detail: `${named(ref)} is not a regular file` };
    if (!stat.executable)
      return { kind: 'invalid', interpreter: ref, reason: 'not-executable', detail: `${named(ref)} is not executable (no x permission)` };
    return undefined;
  }

  async function probe(request: ProbeRequest): Promise<InterpreterProbe> {
    const started = deps.clock.now();
    const ref = request.interpreter;
    const program = programFor(ref);
    const bad = await checkBinary(ref, program);
    if (bad !== undefined) return bad;

    const key: ProbeCacheKey = {
      // Not the fully resolved binary: a venv's bin/python links to its base interpreter but sees other packages.
      realPath: program,
      environment: request.environment,
      envHash: stableHash(request.env),
    };
    const modules = [...new Set(request.modules)];
    const previous = deps.cache.get(key);
    const usable = previous !== undefined && (await stampHolds(deps.fs, previous.stamp)) ? previous : undefined;
    if (previous !== undefined && usable === undefined) deps.cache.delete(key);

    let facts: InterpreterFacts;
    const specs: Record<string, SpecResult> = { ...(usable?.specs ?? {}) };
    const imports: Record<string, ImportResult> = { ...(usable?.imports ?? {}) };
    const moduleStamps: Record<string, readonly StampEntry[]> = { ...(usable?.moduleStamps ?? {}) };
    // A module edited in place since (its package's files changed) is imported again.
    await Promise.all(
      Object.keys(moduleStamps).map(async (module) => {
        const moduleStamp = moduleStamps[module];
        if (moduleStamp !== undefined && !(await stampHolds(deps.fs, moduleStamp))) {
          delete imports[module];
          delete moduleStamps[module];
        }
      }),
    );
    let spawnedHere = false;
    let distributions: Readonly<Record<string, DistributionResult>> | undefined;

    const specEnough = new Set(request.specOnlyModules ?? []);
    const unknownSpecs = usable === undefined ? modules : modules.filter((module) => specs[module] === undefined);
    // A facts pass, or what the cache already knows.
    const factsRunning =
      usable === undefined || unknownSpecs.length > 0 || (request.distributions ?? []).length > 0
        ? factsPass(request, program, unknownSpecs)
        : usable;
    // The answer waits for this probe and nothing is known about the interpreter yet: the costliest import need not wait for the facts pass.
    const early =
      usable === undefined && request.headStart === true && request.specOnly !== true
        ? startEarly(
            request,
            program,
            modules.filter((module) => !specEnough.has(module)),
          )
        : undefined;
    let stamping: Promise<readonly StampEntry[]>;
    if (factsRunning instanceof Promise) {
      const pass = await factsRunning;
      spawnedHere = true;
      if (pass.kind === 'failed') {
        early?.cancel();
        await early?.result;
        return pass.probe;
      }
      facts = pass.facts;
      distributions = pass.distributions;
      Object.assign(specs, pass.specs);
      // Stamped while the imports run, not before them: the stamp is not on the way to the answer.
      stamping = usable !== undefined ? Promise.resolve(usable.stamp) : takeStamp(deps.fs, stampPaths(key.realPath, facts));
    } else {
      facts = factsRunning.facts;
      stamping = Promise.resolve(factsRunning.stamp);
    }
    request.onFacts?.(facts, pick(specs, modules));

    // A module's stamp (its package's files) is taken from its spec while it imports; kept if the import reports the same file.
    const specStamps = new Map<string, { readonly origin: string; readonly stamp: Promise<readonly StampEntry[]> }>();
    const stampOf = (origin: string): Promise<readonly StampEntry[]> =>
      moduleStampPaths(deps.fs, origin).then((paths) => takeStamp(deps.fs, paths));
    let discarded: Promise<unknown> = Promise.resolve();
    if (request.specOnly !== true) {
      const inStdlib = new Set([...facts.stdlibModules, ...facts.builtinModules]);
      const toImport: string[] = [];
      for (const module of modules) {
        if (inStdlib.has(topLevel(module)) || imports[module] !== undefined || specEnough.has(module)) continue;
        if (specs[module]?.found === false) imports[module] = { status: 'not-run', reason: 'spec-missing' };
        else toImport.push(module);
      }
      const headStarted = early !== undefined && toImport.includes(early.module) ? early : undefined;
      if (early !== undefined && headStarted === undefined) {
        // The facts pass says it is not to be imported (standard library, or no spec: the answer is spec-missing).
        early.cancel();
        discarded = early.result;
      }
      for (const module of toImport) {
        const spec = specs[module];
        if (spec?.found === true && spec.origin !== null && moduleStamps[module] === undefined)
          specStamps.set(module, { origin: spec.origin, stamp: stampOf(spec.origin) });
      }
      Object.assign(imports, await importAll(request, program, toImport, headStarted));
      if (toImport.length > 0) spawnedHere = true;
    }
    const stamp = await stamping;
    await discarded;

    const kept: Record<string, ImportResult> = {};
    for (const [module, result] of Object.entries(imports)) if (isCacheableImport(result)) kept[module] = result;
    await Promise.all(
      Object.entries(kept).map(async ([module, result]) => {
        if (moduleStamps[module] !== undefined) return;
        const spec = specs[module];
        const origin = 'file' in result && typeof result.file === 'string' ? result.file : spec?.found === true ? spec.origin : null;
        if (origin === null) return;
        const taken = specStamps.get(module);
        moduleStamps[module] = taken?.origin === origin ? await taken.stamp : await stampOf(origin);
      }),
    );
    for (const module of Object.keys(moduleStamps)) if (kept[module] === undefined) delete moduleStamps[module];
    const entry: CachedProbe = { key, stamp, facts, specs, imports: kept, moduleStamps };
    deps.cache.set(entry);

    return {
      kind: 'ok',
      interpreter: ref,
      facts,
      specs: pick(specs, modules),
      imports: pick(imports, modules),
      ...(distributions === undefined ? {} : { distributions }),
      environment: request.environment,
      durationMs: deps.clock.now() - started,
      cached: !spawnedHere,
    };
  }

  const proofs = new Map<string, Promise<ProofRun>>();

  async function proveOnce(request: ProbeRequest, module: string, variant: ProofVariant): Promise<ProofRun> {
    const program = programFor(request.interpreter);
    const deep = deepChecksFor(module);
    const args = ['prove', module, deep.join(','), variant.watch.join(','), ...variant.drop];
    const outcome = await run(request, program, args, importCost(module), variant.flags);
    if (outcome.kind !== 'exited')
      return {
        kind: 'failed',
        detail: `the proof run ${outcome.kind === 'signaled' ? `was killed by ${outcome.signal}` : outcome.kind === 'spawn-error' ? `could not start (${outcome.code})` : outcome.kind}`,
      };
    const parsed = parseProbeOutput(outcome.stdout, outcome.nonce);
    if (parsed.kind === 'ok' && parsed.document.mode === 'prove')
      return { kind: 'ran', outcome: parsed.document.outcome, watched: parsed.document.watched };
    return {
      kind: 'failed',
      detail: parsed.kind === 'invalid' ? parsed.reason : `the proof run printed no result (exit code ${outcome.exitCode})`,
    };
  }

  function prove(request: ProbeRequest, module: string, variant: ProofVariant): Promise<ProofRun> {
    const key = `${programFor(request.interpreter)}\u0000${module}\u0000${JSON.stringify(variant)}\u0000${stableHash(request.env)}`;
    const known = proofs.get(key);
    if (known !== undefined) return known;
    const running = proveOnce(request, module, variant);
    proofs.set(key, running);
    // A cancelled or failed run is not an answer to remember.
    void running.then((result) => {
      if (result.kind === 'failed') proofs.delete(key);
    });
    return running;
  }

  return {
    probe,
    prove,
    get processesSpawned() {
      return spawned;
    },
  };
}

/**
 * What to execute. A venv's bin/python is a link to the base interpreter, and Python finds pyvenv.cfg next to the
 * path it was started as: running the resolved binary would probe the base interpreter instead. So the path as given
 * is run, except a pyenv shim (a bash script that costs ~140 ms and may pick another version), where the resolved
 * binary is the one the shim would have run.
 */
export function programFor(ref: InterpreterRef): string {
  if (ref.path === '') return ref.realPath;
  const parts = ref.path.split('/');
  const isShim = parts.length >= 2 && parts[parts.length - 2] === 'shims';
  return isShim && ref.realPath !== '' ? ref.realPath : ref.path;
}

function pick<T>(all: Readonly<Record<string, T>>, modules: readonly string[]): Record<string, T> {
  const result: Record<string, T> = {};
  for (const module of modules) {
    const value = all[module];
    if (value !== undefined) result[module] = value;
  }
  return result;
}
