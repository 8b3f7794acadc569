// The engine's one entry point on Node: `createEngine(options).checkFolder(request)`. It owns everything between a
// folder and its diagnosis — workspace detection, environment capture, the selected interpreter's resolution,
// discovery of the others, the /opt/ros listing — and their caches. The CLI, the editor, the benchmarks, the
// fixture recorder and the integration tests call it; none of them wires a prober. See docs/architecture.md.
import * as os from 'node:os';
import * as path from 'node:path';
import { createDoctor, type Doctor } from '../core/engine/doctor';
import type { Diagnosis } from '../core/engine/doctorApi';
import type { CapturedEnvironment } from '../core/engine/environment';
import type { InterpreterRef, InterpreterSource } from '../core/interpreters/interpreter';
import { findOnPath, splitPathVariable } from '../core/interpreters/pathLookup';
import { silentLogger, systemClock, type Clock, type FileSystem, type Logger, type ProcessRunner } from '../core/ports';
import { createProbeCache, forwardingCache, type ProbeCache } from '../core/probe/probeCache';
import { createProber, type Prober } from '../core/probe/prober';
import type { InterpreterProbe } from '../core/probe/probeResult';
import { sharingProber } from '../core/probe/sharedProbes';
import { stableHash } from '../core/probe/stableHash';
import { ROS_INSTALLS_ROOT } from '../core/ros/installs';
import { withReadCache } from '../core/readCache';
import { detectWorkspace } from '../core/workspace/detectWorkspace';
import type { Workspace } from '../core/workspace/workspace';
import { createEnvironmentCapturer } from './envCapture';
import { createExecaRunner } from './execaRunner';
import { discoverInterpreters } from './interpreterDiscovery';
import { createNodeFileSystem } from './nodeFileSystem';
import { loadProbeCache, saveProbeCache } from './probeCacheFile';
import { probeScriptPath } from './probeScriptPath';
import { resolveInterpreter } from './resolveInterpreter';

export interface EngineOptions {
  readonly logger?: Logger;
  readonly fs?: FileSystem;
  readonly runner?: ProcessRunner;
  readonly clock?: Clock;
  /** python/probe.py; found next to the bundle or in the source tree when not given. */
  readonly probeScript?: string;
  /** A file the probe cache is loaded from on the first check and saved to by saveCache() (the CLI's). */
  readonly cacheFile?: string;
  /** Processes running at once; all cores unless told (the editor leaves one to the editor). */
  readonly concurrency?: number;
  readonly home?: string;
  /** Where ROS distros are installed; /opt/ros unless a test says otherwise. */
  readonly rosInstallsRoot?: string;
  /**
   * One check and done (the CLI): detection and the scan share one read cache, so each folder is listed and each
   * file read once. A long-lived engine (the editor) must see edits, so it reads afresh each check.
   */
  readonly singleRun?: boolean;
}

/**
 * The interpreter the user chose. A path with a slash is taken as is (the prober reports it when it is no
 * interpreter); a bare command (`python3.8`) is looked up on the environment's PATH, as a shell would; `null`
 * means `python3`, then `python`, on that PATH.
 */
export interface SelectedInterpreter {
  readonly command: string | null;
  readonly source: InterpreterSource;
}

export interface CheckSettings {
  /** 'auto' (the workspace's setup script, else a lone distro's), 'off', or a path relative to the folder. */
  readonly setupScript: string;
  /** 'bash', 'zsh' or a path; unset: $SHELL when it is bash or zsh, else bash. */
  readonly shell?: string;
  readonly timeoutMs: number;
  readonly extraModules: readonly string[];
  readonly ignoredModules: readonly string[];
  /** Look for other interpreters (for the matrix and "switch to one that works"). */
  readonly discoverInterpreters: boolean;
}

export interface CheckRequest {
  /** A workspace folder, any folder, or one Python file (absolute). */
  readonly folder: string;
  readonly selected: SelectedInterpreter;
  readonly settings: CheckSettings;
  /** The environment the user's tools start in (the editor adds the Python extension's .env over its own). */
  readonly baseEnv: Readonly<Record<string, string>>;
  /** Untrusted: no setup script is sourced and no interpreter inside the folder is run. */
  readonly trusted: boolean;
  /** Interpreters the Python extension knows of, offered before the ones found on disk. */
  readonly knownInterpreters?: readonly string[];
  /** Python files open in the editor (checked even outside the workspace's packages). */
  readonly openFiles?: readonly string[];
  /** Text of files with unsaved edits, by path. */
  readonly openDocuments?: ReadonlyMap<string, string>;
  /** A folder that is no ROS workspace: check its own top-level .py files (the CLI), or only the open ones (the editor). */
  readonly looseFolder?: 'top-level-files' | 'open-files';
  /** Probe every interpreter fully (the matrix); otherwise others get a cheap spec pass first. */
  readonly probeAll?: boolean;
  /** Forget cached probe results and other interpreters first (Probe Environment, after a fix). */
  readonly fresh?: boolean;
  /** Prove the cause of failed imports with isolated re-runs (default true); the editor's typing path passes false. */
  readonly proveCauses?: boolean;
  readonly signal?: AbortSignal;
}

/** Which diagnosis an update belongs to: the selected interpreter in one environment. */
export interface DiagnosisKey {
  readonly interpreter: string;
  readonly environment: string;
}

/**
 * What checkFolder yields, in order: `started` once the interpreter and environment are known, then `diagnosis`
 * for the selected interpreter alone (`final: false`, only when other interpreters are still to come), then the
 * `final` diagnosis with every interpreter. `no-interpreter` and `refused` end the stream instead. A cancelled
 * check (request.signal) ends without a final update.
 */
export type EngineUpdate =
  | {
      readonly kind: 'started';
      readonly key: DiagnosisKey;
      readonly selected: InterpreterRef;
      readonly environment: CapturedEnvironment;
      readonly workspace: Workspace | null;
    }
  | { readonly kind: 'diagnosis'; readonly key: DiagnosisKey; readonly final: boolean; readonly diagnosis: Diagnosis }
  /** No interpreter was given and none of `tried` is on PATH, or the given command is not on PATH. */
  | { readonly kind: 'no-interpreter'; readonly command: string | null; readonly tried: readonly string[] }
  /** The workspace is untrusted and the selected interpreter lives inside it. */
  | { readonly kind: 'refused'; readonly interpreter: string; readonly detail: string };

export interface Engine {
  checkFolder(request: CheckRequest): AsyncGenerator<EngineUpdate, void, undefined>;
  /** The engine's prober and cache, for one interpreter at a time (benchmarks, fixture recording, probe tests). */
  readonly prober: Prober;
  /** Detect the folder's workspace again on the next check (a package or node was added or removed). */
  forgetWorkspace(folder: string): void;
  /** Capture the environment again too (a setup script or a setting changed). */
  forgetFolder(folder: string): void;
  /** Drop cached probe results and discovered interpreters. */
  forgetProbes(): void;
  /** Write the probe cache to options.cacheFile (rejects when it cannot). */
  saveCache(): Promise<void>;
  /** Processes started since the engine was created. */
  processesSpawned(): number;
  readonly fs: FileSystem;
}

interface FolderState {
  workspace?: Promise<Workspace | null>;
  environment?: {
    readonly key: string;
    /** The check that started the capture: until it settles, only that check shares it (it is cancelled with it). */
    readonly signal: AbortSignal | undefined;
    settled: boolean;
    readonly value: Promise<CapturedEnvironment>;
  };
  discovered?: { readonly key: string; readonly value: Promise<readonly InterpreterRef[]> };
}

/** A runner that counts what it starts, so a test can prove a keystroke spawns nothing. */
function countingRunner(inner: ProcessRunner): { readonly runner: ProcessRunner; readonly count: () => number } {
  let started = 0;
  return {
    runner: {
      run(file, args, options) {
        started++;
        return inner.run(file, args, options);
      },
    },
    count: () => started,
  };
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function createEngine(options: EngineOptions = {}): Engine {
  const fs = options.fs ?? createNodeFileSystem();
  const counted = countingRunner(options.runner ?? createExecaRunner());
  const runner = counted.runner;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const home = options.home ?? os.homedir();
  const rosRoot = options.rosInstallsRoot ?? ROS_INSTALLS_ROOT;
  let cache: ProbeCache = createProbeCache();
  // The cache object is replaced on forgetProbes(); the prober reads it through this view.
  const cacheView = forwardingCache(() => cache);
  let cacheLoaded: Promise<void> | undefined;
  const prober: Prober = sharingProber(
    createProber({
      runner,
      fs,
      probeScript: options.probeScript ?? probeScriptPath(),
      concurrency: options.concurrency ?? Math.max(1, os.availableParallelism()),
      logger,
      clock,
      cache: cacheView,
    }),
  );
  const capturer = createEnvironmentCapturer({ runner, fs });
  const folders = new Map<string, FolderState>();
  const stateOf = (folder: string): FolderState => {
    let state = folders.get(folder);
    if (state === undefined) folders.set(folder, (state = {}));
    return state;
  };
  const resolve = (
    file: string,
    source: InterpreterSource,
    env: Readonly<Record<string, string>>,
    cwd: string | null,
    withRunner = false,
  ): Promise<InterpreterRef> => resolveInterpreter(file, source, { fs, env, home, cwd, ...(withRunner ? { runner } : {}) });
  // One doctor for the engine's life: its scan cache is what keeps a keystroke from rescanning the workspace.
  const sourceFs = options.singleRun === true ? withReadCache(fs) : fs;
  const doctor: Doctor = createDoctor({
    fs: sourceFs,
    prober,
    logger,
    clock,
    resolveInterpreter: (file, source, context) => resolve(file, source, context.env, context.cwd),
    hostName: os.hostname(),
  });

  function environmentOf(request: CheckRequest, state: FolderState, workspace: Workspace | null): Promise<CapturedEnvironment> {
    const { settings, baseEnv } = request;
    if (!request.trusted) return Promise.resolve({ kind: 'plain', reason: 'untrusted', vars: baseEnv });
    const key = JSON.stringify([settings.setupScript, settings.shell ?? 'auto', baseEnv]);
    const kept = state.environment;
    // A capture still running is shared only within the check that started it: a superseded check's capture is
    // cancelled with it and would hand the newer check "cancelled" instead of an environment.
    if (kept?.key === key && (kept.settled || kept.signal === request.signal)) return kept.value;
    const pending: NonNullable<FolderState['environment']> = {
      key,
      signal: request.signal,
      settled: false,
      value: capturer.capture({
        workspace,
        baseEnv,
        setupScript: settings.setupScript,
        ...(settings.shell === undefined || settings.shell === 'auto' ? {} : { shell: settings.shell }),
        timeoutMs: settings.timeoutMs,
        rosInstallsRoot: rosRoot,
        ...(request.signal === undefined ? {} : { signal: request.signal }),
      }),
    };
    state.environment = pending;
    // A cancelled or failed capture is not kept: the next check tries again.
    void pending.value.then(
      (environment) => {
        if (environment.kind !== 'failed') pending.settled = true;
        else if (state.environment === pending) state.environment = undefined;
      },
      () => {
        if (state.environment === pending) state.environment = undefined;
      },
    );
    return pending.value;
  }

  async function selectedPath(
    selected: SelectedInterpreter,
    folder: string,
    env: Readonly<Record<string, string>>,
  ): Promise<{ readonly path: string } | { readonly tried: readonly string[] }> {
    if (selected.command !== null && selected.command.includes('/')) return { path: path.resolve(folder, selected.command) };
    const names = selected.command === null ? ['python3', 'python'] : [selected.command];
    const dirs = splitPathVariable(env.PATH);
    for (const name of names) {
      const found = await findOnPath(name, dirs, fs);
      if (found !== null) return { path: found };
    }
    return { tried: names };
  }

  function candidatesOf(
    request: CheckRequest,
    state: FolderState,
    selected: InterpreterRef,
    environment: CapturedEnvironment,
    root: string,
  ): Promise<readonly InterpreterRef[]> {
    const vars = environment.vars;
    const known = request.knownInterpreters ?? [];
    const key = JSON.stringify([vars.PATH, vars.CONDA_EXE, vars.PYENV_ROOT, vars.PYENV_VERSION, selected.path, known, root]);
    if (request.fresh === true || state.discovered?.key !== key) {
      const value = (async () => {
        const discovered = await discoverInterpreters({ fs, runner, env: vars, home, workspaceRoot: root, selected: selected.path });
        const fromExtension = await Promise.all(known.map((file) => resolve(file, 'python-extension', vars, root)));
        const seen = new Set<string>([selected.realPath]);
        const result: InterpreterRef[] = [];
        for (const ref of [...fromExtension, ...discovered]) {
          if (seen.has(ref.realPath)) continue;
          seen.add(ref.realPath);
          result.push(ref);
        }
        return result;
      })();
      const entry = { key, value };
      state.discovered = entry;
      // A failed discovery is not remembered: the next check tries again.
      void value.catch(() => {
        if (state.discovered === entry) state.discovered = undefined;
      });
    }
    return state.discovered.value;
  }

  async function rosInstalls(): Promise<string[]> {
    const entries = await fs.readDir(rosRoot);
    return entries.filter((entry) => entry.kind === 'directory' || entry.kind === 'symlink').map((entry) => entry.name);
  }

  async function filesToCheck(request: CheckRequest, workspace: Workspace | null): Promise<string[]> {
    const open = request.openFiles ?? [];
    if (workspace !== null) return [...new Set([...workspace.pythonSources.map((source) => source.path), ...open])];
    if (request.looseFolder !== 'top-level-files') return [...new Set(open)];
    // Not recursively: a home folder must not be walked.
    const stat = await fs.stat(request.folder);
    const own =
      stat?.kind === 'file'
        ? [request.folder]
        : (await fs.readDir(request.folder))
            .filter((entry) => entry.kind === 'file' && entry.name.endsWith('.py'))
            .map((entry) => path.join(request.folder, entry.name));
    return [...new Set([...own, ...open])];
  }

  async function* checkFolder(request: CheckRequest): AsyncGenerator<EngineUpdate, void, undefined> {
    const started = clock.now();
    const spawnedBefore = prober.processesSpawned;
    if (options.cacheFile !== undefined) await (cacheLoaded ??= loadProbeCache(cache, options.cacheFile));
    const folder = path.resolve(request.folder);
    const state = stateOf(folder);
    const signal = request.signal;
    // A function, not a property read: TypeScript would otherwise keep the first check's narrowing.
    const cancelled = (): boolean => signal?.aborted === true;
    // Detection reads files only, through the scan's file system (one read cache for a single run).
    state.workspace ??= detectWorkspace(sourceFs, folder);
    const detecting = state.workspace;
    void detecting.catch(() => {
      if (state.workspace === detecting) state.workspace = undefined;
    });
    const workspace = await detecting;
    const root = workspace?.root ?? folder;
    const environment = await environmentOf(request, state, workspace);
    if (cancelled()) return;
    if (environment.kind === 'failed') logger.warn(`Sourcing ${environment.script} failed: ${environment.detail}`);

    const chosen = await selectedPath(request.selected, folder, environment.vars);
    if (!('path' in chosen)) {
      yield { kind: 'no-interpreter', command: request.selected.command, tried: chosen.tried };
      return;
    }
    const selected = await resolve(chosen.path, request.selected.source, environment.vars, root, true);
    const mayRun = (file: string): boolean => request.trusted || !(isInside(file, folder) || isInside(file, root));
    if (!mayRun(selected.path) || !mayRun(selected.realPath)) {
      yield {
        kind: 'refused',
        interpreter: selected.path,
        detail: `${selected.displayName} is inside the untrusted workspace ${root}, so it is not run`,
      };
      return;
    }
    const key: DiagnosisKey = { interpreter: selected.realPath, environment: stableHash(environment.vars) };
    yield { kind: 'started', key, selected, environment, workspace };

    if (request.fresh === true) forgetProbes();
    // Discovery (a walk of pyenv, conda and PATH directories) is not needed for the selected interpreter's answer,
    // so that answer starts now and the discovery runs beside it.
    const discovering = request.settings.discoverInterpreters ? candidatesOf(request, state, selected, environment, root) : undefined;
    void discovering?.catch(() => undefined);
    const diagnoseRequest = {
      workspace,
      files: await filesToCheck(request, workspace),
      ...(request.openDocuments === undefined ? {} : { openDocuments: request.openDocuments }),
      selected,
      environment,
      extraModules: request.settings.extraModules,
      ignoredModules: request.settings.ignoredModules,
      timeoutMs: request.settings.timeoutMs,
      probeAll: request.probeAll === true,
      rosInstalls: await rosInstalls(),
      ...(request.trusted ? {} : { mayRun }),
      ...(environment.kind === 'sourced' ? { plainEnvironment: request.baseEnv } : {}),
      ...(signal === undefined ? {} : { signal }),
    };
    // Proof runs belong to the full diagnosis only; the selected interpreter's answer comes first.
    const first =
      discovering === undefined
        ? undefined
        : doctor.diagnose({ ...diagnoseRequest, candidates: [], proveCauses: false, selectedOnly: true });
    void first?.catch(() => undefined);
    const candidates = discovering === undefined ? [] : (await discovering).filter((ref) => mayRun(ref.path) && mayRun(ref.realPath));
    if (cancelled()) return;
    let selectedProbe: InterpreterProbe | undefined;
    if (first !== undefined && candidates.length > 0) {
      const early = await first;
      if (cancelled()) return;
      selectedProbe = early.selected;
      yield { kind: 'diagnosis', key, final: false, diagnosis: early };
    }
    // Only now, once the early answer is handed over: the other interpreters' processes (and the host's work of
    // starting them) would otherwise compete with it for the CPU. The selected probe is the early answer's.
    const diagnosis = await doctor.diagnose({
      ...diagnoseRequest,
      candidates,
      proveCauses: request.proveCauses !== false,
      ...(selectedProbe === undefined ? {} : { selectedProbe }),
    });
    if (cancelled()) return;
    yield {
      kind: 'diagnosis',
      key,
      final: true,
      diagnosis: { ...diagnosis, durationMs: clock.now() - started, processesSpawned: prober.processesSpawned - spawnedBefore },
    };
  }

  function forgetProbes(): void {
    cache = createProbeCache();
    for (const state of folders.values()) state.discovered = undefined;
  }

  return {
    checkFolder,
    prober,
    forgetWorkspace: (folder) => {
      const state = folders.get(path.resolve(folder));
      if (state !== undefined) state.workspace = undefined;
    },
    forgetFolder: (folder) => {
      const state = folders.get(path.resolve(folder));
      if (state === undefined) return;
      state.workspace = undefined;
      state.environment = undefined;
    },
    forgetProbes,
    saveCache: async () => {
      if (options.cacheFile !== undefined) await saveProbeCache(cache, options.cacheFile);
    },
    processesSpawned: counted.count,
    fs,
  };
}

/** The last diagnosis of a check, or the update that ended it without one (the CLI's single answer). */
export async function finalUpdate(updates: AsyncIterable<EngineUpdate>): Promise<Exclude<EngineUpdate, { kind: 'started' }> | null> {
  let last: Exclude<EngineUpdate, { kind: 'started' }> | null = null;
  for await (const update of updates) if (update.kind !== 'started') last = update;
  return last;
}
