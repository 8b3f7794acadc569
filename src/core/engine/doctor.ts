// The engine: workspace + interpreters + environment → probes → findings. Shared by the CLI and the editor.
import type { Clock, FileSystem, Logger } from '../ports';
import type { InterpreterRef, InterpreterSource } from '../interpreters/interpreter';
import type { Prober } from '../probe/prober';
import type { InterpreterProbe } from '../probe/probeResult';
import type { ImportUse, RuleInput, ScannedSource, ShebangTarget } from '../rules/ruleInput';
import { runRules } from '../rules/index';
import { importsModule } from '../rules/probeFacts';
import { rosDistroFrom } from '../ros/rosDistro';
import { rosExtensionFiles } from '../ros/rosExtensionFiles';
import type { Diagnosis, DiagnoseRequest } from './doctorApi';
import { importedModules, withoutStandardLibrary } from './neededModules';
import { resolveShebang } from './resolveCommand';
import { splitPathVariable } from '../interpreters/pathLookup';
import { isRosModule, ROS_CORE_MODULES, ROS_RUNTIME_DEPENDENCIES } from '../ros/pythonModules';
import { createSourceScanner } from './scanSources';
import { scanImports } from '../scan/importScanner';
import { launchFactsFor } from '../launch/launchHook';
import { managersOf } from '../managers/managersOf';
import { proveCauses, type Cause } from '../proof/proveCauses';
import { libraryDirs } from '../proof/libraryDirs';

export interface DoctorDeps {
  readonly fs: FileSystem;
  readonly prober: Prober;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Describes an interpreter found by a shebang (kind, name) in the environment it runs in; without it the path is used as is. */
  readonly resolveInterpreter?: (path: string, source: InterpreterSource, context: ResolveContext) => Promise<InterpreterRef>;
  /** This machine's host name (what Python's socket.gethostname() gives a node here); absent when unknown. */
  readonly hostName?: string;
}

export interface ResolveContext {
  readonly env: Readonly<Record<string, string>>;
  /** Where a pyenv shim would look for .python-version files: the workspace root. */
  readonly cwd: string | null;
}

export interface Doctor {
  diagnose(request: DiagnoseRequest): Promise<Diagnosis>;
}

export function createDoctor(deps: DoctorDeps): Doctor {
  const scanner = createSourceScanner(deps.fs);

  async function diagnose(request: DiagnoseRequest): Promise<Diagnosis> {
    const started = deps.clock.now();
    const spawnedBefore = deps.prober.processesSpawned;
    const workspace = request.workspace;
    const files = request.files ?? workspace?.pythonSources.map((source) => source.path) ?? [];
    const sources = await scanner.scan(files, workspace, request.openDocuments ?? new Map());
    const ignored = new Set(request.ignoredModules);
    const imported = importedModules(sources, ignored);
    const probeModules = moduleList(imported.keys(), request.extraModules, ignored);
    const env = request.environment.vars;
    // ROS's own dependencies are asked about only to explain a failing rospy: their spec is enough.
    const specOnlyModules = ROS_RUNTIME_DEPENDENCIES.filter((module) => !imported.has(module) && !request.extraModules.includes(module));
    const probe = (
      interpreter: InterpreterRef,
      modules: readonly string[],
      environment: 'sourced' | 'plain',
      vars = env,
      specOnly = request.specOnly,
      distributions: readonly string[] = [],
      headStart = false,
    ) =>
      deps.prober.probe({
        interpreter,
        modules,
        specOnlyModules,
        env: vars,
        environment: request.environment.kind === 'sourced' ? environment : 'plain',
        timeoutMs: request.timeoutMs,
        ...(request.signal ? { signal: request.signal } : {}),
        ...(specOnly ? { specOnly } : {}),
        ...(distributions.length > 0 ? { distributions } : {}),
        ...(headStart ? { headStart } : {}),
      });

    // The answer waits for the selected interpreter's probe: its costliest import starts beside the facts pass.
    const selected = request.selectedProbe ?? (await probe(request.selected, probeModules, 'sourced', env, request.specOnly, [], true));
    const facts = selected.kind === 'ok' ? selected.facts : null;
    const needed = withoutStandardLibrary(withExtras(imported, request.extraModules, ignored), facts);
    // Optional imports (inside try/except ImportError) never decide which interpreter is worth probing.
    const required = [...needed]
      .filter(([, uses]) => uses.length === 0 || uses.some((use) => !use.site.optional))
      .map(([module]) => module);
    const failing = selected.kind === 'ok' ? required.filter((module) => !importsModule(selected, module)) : required;

    // A start-up hang comes from the environment (a sitecustomize.py, a .pth file), which every other
    // interpreter would load too: waiting for each of them to hang as well would only delay the answer.
    const hung = selected.kind === 'timeout';
    // Likewise a module whose import hung is not imported again in other interpreters this run (ten interpreters
    // would each wait the full limit for one finding); --all asks for the full matrix, hangs included.
    const hungImports = new Set(
      selected.kind === 'ok' && !request.probeAll ? probeModules.filter((module) => selected.imports[module]?.status === 'timeout') : [],
    );
    // Untrusted (request.mayRun): an interpreter inside the workspace is never run, whoever asks for it.
    const mayRun = request.mayRun;
    const probeOthers: ProbeFn = (interpreter, modules, ...rest) =>
      mayRun !== undefined && !(mayRun(interpreter.path) && (interpreter.realPath === '' || mayRun(interpreter.realPath)))
        ? Promise.resolve({
            kind: 'invalid',
            interpreter,
            reason: 'spawn-failed',
            detail: `${interpreter.path} is inside the untrusted workspace and was not run`,
          })
        : probe(
            interpreter,
            modules.filter((module) => !hungImports.has(module)),
            ...rest,
          );
    const [selectedPlain, others, shebangs, launch, causes] = await Promise.all([
      probePlain(request, selected, failing, probe),
      hung
        ? Promise.resolve([])
        : probeCandidates(
            request,
            failing.filter((module) => !hungImports.has(module)),
            probeModules,
            probeOthers,
          ),
      request.selectedOnly === true ? Promise.resolve([]) : shebangTargets(sources, request, needed, hung ? null : probeOthers),
      launchFactsFor({
        fs: deps.fs,
        workspace,
        sources,
        needed,
        selected,
        env,
        probeNothing: hung || request.selectedOnly === true,
        describe: (file, realPath) => describe(file, realPath, request),
        probe: (ref, modules, vars, distributions) => probeOthers(ref, modules, 'sourced', vars, undefined, distributions),
        // A launch interpreter (the build's Python) that imports everything the selected one fails is a switch target.
        switchModules: failing.length > 0 ? required : [],
      }),
      provenCauses(request, selected, probeModules),
    ]);

    const rosDistro = rosDistroFrom(
      env,
      workspace,
      request.rosInstalls ?? [],
      rosExtensionFiles([selected, ...(selectedPlain === null ? [] : [selectedPlain]), ...others]),
    );
    const managers = await managersOf(
      deps.fs,
      [selected, ...others, ...shebangs.map((target) => target.probe), ...launch.checks.map((check) => check.probe)],
      env,
    );
    const input: RuleInput = {
      workspace,
      rosDistro,
      environment: request.environment,
      files: sources,
      modules: needed,
      selected,
      selectedPlain,
      others,
      shebangs,
      pathDirs: splitPathVariable(env.PATH),
      ignoredModules: request.ignoredModules,
      launch,
      managers,
      causes,
      ...(deps.hostName === undefined ? {} : { hostName: deps.hostName }),
    };
    const findings = runRules(input).filter((finding) => finding.module === null || !ignored.has(finding.module));
    return {
      workspace,
      rosDistro,
      environment: request.environment,
      files: sources,
      modules: [...needed.keys()].sort(),
      selected,
      others,
      findings,
      launch,
      durationMs: deps.clock.now() - started,
      processesSpawned: deps.prober.processesSpawned - spawnedBefore,
      ...(request.selectedOnly === true ? { selectedOnly: true } : {}),
    };
  }

  type ProbeFn = (
    interpreter: InterpreterRef,
    modules: readonly string[],
    environment: 'sourced' | 'plain',
    vars?: Readonly<Record<string, string>>,
    specOnly?: boolean,
    distributions?: readonly string[],
  ) => Promise<InterpreterProbe>;

  /** The selected interpreter without the setup script: only worth a process when ROS modules fail or the user asked. */
  async function probePlain(
    request: DiagnoseRequest,
    selected: InterpreterProbe,
    failing: readonly string[],
    probe: ProbeFn,
  ): Promise<InterpreterProbe | null> {
    if (request.environment.kind !== 'sourced' || selected.kind !== 'ok') return null;
    const rosModules = Object.keys(selected.specs).filter((module) => isRosModule(module) && !failing.includes(module));
    if (rosModules.length === 0) return null;
    const plainVars = request.plainEnvironment ?? request.environment.vars;
    return probe(request.selected, rosModules, 'plain', plainVars, true);
  }

  /**
   * Other interpreters. With probeAll every one is fully probed (the matrix). Otherwise a spec pass first,
   * and real imports only in those whose specs find every module the selected one fails.
   */
  async function probeCandidates(
    request: DiagnoseRequest,
    failing: readonly string[],
    modules: readonly string[],
    probe: ProbeFn,
  ): Promise<InterpreterProbe[]> {
    const candidates = request.candidates.filter((candidate) => candidate.realPath !== request.selected.realPath);
    if (request.probeAll) return Promise.all(candidates.map((candidate) => probe(candidate, modules, 'sourced')));
    if (failing.length === 0) return [];
    const specPasses = await Promise.all(candidates.map((candidate) => probe(candidate, modules, 'sourced', undefined, true)));
    return Promise.all(
      specPasses.map(async (pass, index) => {
        const candidate = candidates[index];
        if (candidate === undefined || pass.kind !== 'ok' || request.specOnly) return pass;
        const promising = failing.every((module) => pass.specs[module]?.found === true);
        return promising ? probe(candidate, modules, 'sourced') : pass;
      }),
    );
  }

  /** Why the selected interpreter's failed imports fail, proven by isolated re-runs; never on the typing path (proveCauses: false). */
  async function provenCauses(
    request: DiagnoseRequest,
    selected: InterpreterProbe,
    modules: readonly string[],
  ): Promise<ReadonlyMap<string, Cause>> {
    if (selected.kind !== 'ok' || request.specOnly === true || request.proveCauses === false) return new Map();
    const base = {
      interpreter: request.selected,
      modules,
      env: request.environment.vars,
      environment: selected.environment,
      timeoutMs: request.timeoutMs,
      ...(request.signal ? { signal: request.signal } : {}),
    };
    return proveCauses({ prober: deps.prober, fs: deps.fs }, base, selected, libraryDirs(request));
  }

  /** What really runs each node: its shebang (or rosrun's relay), resolved on the environment's PATH. */
  async function shebangTargets(
    sources: readonly ScannedSource[],
    request: DiagnoseRequest,
    needed: ReadonlyMap<string, readonly ImportUse[]>,
    probe: ProbeFn | null,
  ): Promise<ShebangTarget[]> {
    const pathDirs = splitPathVariable(request.environment.vars.PATH);
    const relays = request.workspace?.relays ?? [];
    const targets = sources.flatMap((source) =>
      source.scan.shebang !== null && source.role === 'node' ? [{ source, shebang: source.scan.shebang }] : [],
    );
    return Promise.all(
      targets.map(async ({ source, shebang }): Promise<ShebangTarget> => {
        const relayEntry = relays.find((relay) => relay.target === source.path);
        const relayText = relayEntry === undefined ? undefined : await deps.fs.readFile(relayEntry.path);
        const relayShebang = relayText === undefined ? null : scanImports(firstLine(relayText)).shebang;
        const effective = relayShebang ?? shebang;
        const resolved = await resolveShebang(effective, pathDirs, deps.fs);
        const realPath = resolved === null ? null : ((await deps.fs.realPath(resolved)) ?? resolved);
        const fileModules = [...new Set(source.scan.imports.map((site) => site.topLevel))].filter((module) => needed.has(module));
        const allowed =
          resolved !== null &&
          realPath !== null &&
          (request.mayRun === undefined || (request.mayRun(resolved) && request.mayRun(realPath)));
        const needsProbe = allowed && realPath !== request.selected.realPath && fileModules.length > 0;
        const shebangProbe =
          needsProbe && probe !== null ? await probe(await describe(resolved, realPath, request), fileModules, 'sourced') : null;
        return {
          file: source.path,
          shebang,
          relay: relayEntry === undefined ? null : { path: relayEntry.path, shebang: relayShebang },
          resolvedPath: resolved,
          probe: shebangProbe,
        };
      }),
    );
  }

  function describe(file: string, realPath: string, request: DiagnoseRequest): Promise<InterpreterRef> {
    if (deps.resolveInterpreter !== undefined)
      return deps.resolveInterpreter(file, 'shebang', { env: request.environment.vars, cwd: request.workspace?.root ?? null });
    return Promise.resolve({ path: file, realPath, kind: 'other', source: 'shebang', envPrefix: null, displayName: file });
  }

  return { diagnose };
}

function moduleList(imported: Iterable<string>, extras: readonly string[], ignored: ReadonlySet<string>): string[] {
  const modules = new Set([...imported, ...extras].filter((module) => !ignored.has(module)));
  if (ROS_CORE_MODULES.some((module) => modules.has(module))) for (const dependency of ROS_RUNTIME_DEPENDENCIES) modules.add(dependency);
  return [...modules];
}

function withExtras(imported: Map<string, ImportUse[]>, extras: readonly string[], ignored: ReadonlySet<string>): Map<string, ImportUse[]> {
  const result = new Map(imported);
  for (const extra of extras) if (!ignored.has(extra) && !result.has(extra)) result.set(extra, []);
  return result;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
}
