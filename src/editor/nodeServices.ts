// DoctorServices on Node: the engine, the prober and its cache, environment capture and interpreter discovery,
// built once per activation. Counts every process started, so tests can prove a keystroke or restricted mode spawns none.
import * as os from 'node:os';
import * as path from 'node:path';
import { createDoctor } from '../core/engine/doctor';
import type { InterpreterSource } from '../core/interpreters/interpreter';
import { systemClock, type FileSystem, type Logger, type ProcessRunner } from '../core/ports';
import { createProbeCache, type ProbeCache } from '../core/probe/probeCache';
import { createProber } from '../core/probe/prober';
import { reportMarkdown } from '../core/present/markdownReport';
import { detectWorkspace } from '../core/workspace/detectWorkspace';
import { createEnvironmentCapturer } from '../node/envCapture';
import { createExecaRunner } from '../node/execaRunner';
import { discoverInterpreters } from '../node/interpreterDiscovery';
import { createNodeFileSystem } from '../node/nodeFileSystem';
import { ROS_INSTALLS_ROOT } from '../core/ros/installs';
import { probeScriptPath } from '../node/probeScriptPath';
import { resolveInterpreter } from '../node/resolveInterpreter';
import type { DoctorServices } from './services';

/** A runner that counts what it starts. */
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

/** A probe cache that can be emptied: Probe Environment and fixes want every interpreter run again. */
function clearableCache(): { readonly cache: ProbeCache; readonly clear: () => void } {
  let inner = createProbeCache();
  const cache: ProbeCache = {
    get: (key) => inner.get(key),
    set: (entry) => inner.set(entry),
    delete: (key) => inner.delete(key),
    get size() {
      return inner.size;
    },
    toJSON: () => inner.toJSON(),
    load: (json) => inner.load(json),
  };
  return { cache, clear: () => (inner = createProbeCache()) };
}

export function createNodeDoctorServices(logger: Logger, probeScript: string = probeScriptPath(path.join(__dirname))): DoctorServices {
  const fs: FileSystem = createNodeFileSystem();
  const counted = countingRunner(createExecaRunner());
  const runner = counted.runner;
  const { cache, clear } = clearableCache();
  const home = os.homedir();
  // Two cores on the machines this runs on: leave one for the editor.
  const prober = createProber({ runner, fs, probeScript, concurrency: Math.max(1, os.availableParallelism() - 1), logger, clock: systemClock, cache });
  const capturer = createEnvironmentCapturer({ runner, fs });
  const resolve = (file: string, source: InterpreterSource, env: Readonly<Record<string, string>>, cwd: string | null) =>
    resolveInterpreter(file, source, { fs, env, home, cwd });
  const doctor = createDoctor({ fs, prober, logger, clock: systemClock, resolveInterpreter: (file, source, context) => resolve(file, source, context.env, context.cwd) });
  return {
    fs,
    home,
    detectWorkspace: (folder) => detectWorkspace(fs, folder),
    captureEnvironment: (request) =>
      capturer.capture({
        workspace: request.workspace,
        baseEnv: request.baseEnv,
        setupScript: request.setupScript.kind === 'path' ? request.setupScript.path : request.setupScript.kind,
        ...(request.shell === 'auto' ? {} : { shell: request.shell }),
        timeoutMs: request.timeoutMs,
        signal: request.signal,
      }),
    resolveInterpreter: resolve,
    discoverInterpreters: (request) => discoverInterpreters({ fs, runner, env: request.env, home, workspaceRoot: request.workspaceRoot, selected: request.selected }),
    async rosInstalls() {
      const entries = await fs.readDir(ROS_INSTALLS_ROOT);
      return entries.filter((entry) => entry.kind === 'directory' || entry.kind === 'symlink').map((entry) => entry.name);
    },
    // One doctor for the activation: its scan cache is what keeps a keystroke from rescanning the workspace.
    diagnose: (request) => doctor.diagnose(request),
    forgetProbes: clear,
    processesSpawned: counted.count,
    reportMarkdown,
  };
}
