// The `ros-env-doctor` command: the engine over the Node ports, printing text, JSON, SARIF or Markdown.
import * as os from 'node:os';
import * as path from 'node:path';
import { stat } from 'node:fs/promises';
import { createDoctor } from '../core/engine/doctor';
import { withReadCache } from '../core/readCache';
import type { InterpreterRef } from '../core/interpreters/interpreter';
import { systemClock, type FileSystem, type Logger } from '../core/ports';
import { createProbeCache, refreshOnly } from '../core/probe/probeCache';
import { createProber } from '../core/probe/prober';
import { reportMarkdown } from '../core/present/markdownReport';
import { detectWorkspace } from '../core/workspace/detectWorkspace';
import { findOnPath, splitPathVariable } from '../core/interpreters/pathLookup';
import { captureEnvironment } from '../node/envCapture';
import { createExecaRunner } from '../node/execaRunner';
import { discoverInterpreters } from '../node/interpreterDiscovery';
import { resolveInterpreter } from '../node/resolveInterpreter';
import { createNodeFileSystem } from '../node/nodeFileSystem';
import { loadProbeCache, probeCacheFile, saveProbeCache } from '../node/probeCacheFile';
import { ROS_INSTALLS_ROOT } from '../core/ros/installs';
import { probeScriptPath } from '../node/probeScriptPath';
import { parseArgs, USAGE, type CliOptions } from './args';
import { jsonReport } from './jsonOutput';
import { sarifReport } from './sarifOutput';
import { textReport } from './textOutput';
import { escapeControlCharacters } from '../core/present/controlCharacters';
import { exitCleanlyOnSignals } from '../node/signalCleanup';
import { insideWorkspace, runsWorkspaceCode, untrustedProber, untrustedSkippedFinding, withoutWorkspacePythonPath, type Skipped, type TrustBoundary } from '../core/engine/trust';
import type { CapturedEnvironment } from '../core/engine/environment';
import type { Workspace } from '../core/workspace/workspace';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
const DOCS_URL = 'https://github.com/ros-env-doctor/ros-env-doctor#rules';

/** Exit codes: 0 no error findings, 1 error findings, 2 bad usage or internal failure. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'error':
      process.stderr.write(`ros-env-doctor: ${parsed.message}\n`);
      return 2;
    case 'run':
      return run(parsed.options);
  }
}

async function run(options: CliOptions): Promise<number> {
  const root = path.resolve(options.workspace);
  const rootStat = await stat(root).catch(() => undefined);
  if (rootStat === undefined) {
    process.stderr.write(`ros-env-doctor: workspace '${options.workspace}' does not exist: give the path of a catkin or colcon workspace (or any folder with Python files)\n`);
    return 2;
  }
  const fs = createNodeFileSystem();
  const runner = createExecaRunner();
  const logger = stderrLogger(process.env.ROS_ENV_DOCTOR_DEBUG === '1');
  const cache = createProbeCache();
  const cacheFile = probeCacheFile();
  // --no-cache reads nothing from the cache but refreshes it, so the next run is not stale either.
  await loadProbeCache(cache, cacheFile);
  const realProber = createProber({ runner, fs, probeScript: probeScriptPath(), concurrency: Math.max(1, os.availableParallelism()), logger, clock: systemClock, cache: options.cache ? cache : refreshOnly(cache) });

  // Detection and the scan share one read cache for this run: each folder is listed and each file read once.
  const runFs = withReadCache(fs);
  const workspace = await detectWorkspace(runFs, root);
  const boundary: TrustBoundary = { roots: [...new Set([workspace?.root ?? root, root])] };
  const skipped: Skipped[] = [];
  const prober = options.untrusted ? untrustedProber(realProber, boundary, skipped) : realProber;
  const baseEnv = options.untrusted ? withoutWorkspacePythonPath(stringEnv(process.env), boundary, skipped) : stringEnv(process.env);
  const captured = await captureEnvironment({
    workspace,
    baseEnv,
    setupScript: !options.source ? 'off' : options.untrusted ? trustedSetupScript(workspace, boundary) : 'auto',
    timeoutMs: options.timeoutMs,
    runner,
    fs,
  });
  if (options.untrusted && options.source) {
    for (const script of workspace?.setupScripts ?? []) if (insideWorkspace(script.path, boundary)) skipped.push({ path: script.path, what: 'setup script (not sourced)' });
  }
  const environment: CapturedEnvironment = options.untrusted && captured.kind === 'plain' ? { kind: 'plain', reason: 'untrusted', vars: captured.vars } : captured;
  const pathDirs = splitPathVariable(environment.vars.PATH);
  // Untrusted: an interpreter on PATH inside the workspace (an activated workspace venv) is passed over.
  const lookupDirs = options.untrusted ? pathDirs.filter((dir) => !insideWorkspace(dir, boundary)) : pathDirs;
  const selectedPath = await selectedInterpreterPath(options.python, lookupDirs, fs);
  if (selectedPath.kind === 'error') {
    process.stderr.write(`ros-env-doctor: ${selectedPath.message}\n`);
    return 2;
  }
  const resolveDeps = { fs, runner, env: environment.vars, home: os.homedir(), cwd: workspace?.root ?? root };
  const selected: InterpreterRef = await resolveInterpreter(selectedPath.path, 'selected', resolveDeps);
  if (options.untrusted && runsWorkspaceCode(selected, boundary)) {
    process.stderr.write(`ros-env-doctor: --untrusted: the interpreter ${selected.path} is inside the workspace, so checking with it would run the workspace's code; give one outside it with --python, e.g. --python /usr/bin/python3\n`);
    return 2;
  }
  const discovered = await discoverInterpreters({ fs, runner, env: environment.vars, home: os.homedir(), workspaceRoot: workspace?.root ?? null, selected: selected.path });
  const candidates = options.untrusted ? discovered.filter((candidate) => !runsWorkspaceCode(candidate, boundary)) : discovered;
  for (const candidate of discovered) if (!candidates.includes(candidate)) skipped.push({ path: candidate.path, what: 'interpreter inside the workspace (not run)' });
  const rosInstalls = (await fs.readDir(ROS_INSTALLS_ROOT)).filter((entry) => entry.kind === 'directory' || entry.kind === 'symlink').map((entry) => entry.name);
  const files = workspace === null ? await looseFiles(root, rootStat.isDirectory(), fs) : undefined;

  const doctor = createDoctor({ fs: runFs, prober, logger, clock: systemClock, resolveInterpreter: (file, source, context) => resolveInterpreter(file, source, { ...resolveDeps, ...context }) });
  let diagnosis = await doctor.diagnose({
    workspace,
    ...(files === undefined ? {} : { files }),
    selected,
    candidates,
    environment,
    plainEnvironment: baseEnv,
    extraModules: options.modules,
    ignoredModules: options.ignore,
    timeoutMs: options.timeoutMs,
    probeAll: options.all,
    rosInstalls,
  });
  if (options.untrusted) diagnosis = { ...diagnosis, findings: [...diagnosis.findings, untrustedSkippedFinding(skipped)] };
  logger.info(`diagnosed in ${diagnosis.durationMs} ms; spawned ${diagnosis.processesSpawned} processes`);
  await saveProbeCache(cache, cacheFile).catch((error: unknown) => logger.warn(`could not save the probe cache to ${cacheFile} (${error instanceof Error ? error.message : String(error)}): remove or fix that path (it only holds a cache)`));

  const color = options.color === 'auto' ? process.stdout.isTTY === true && process.env.NO_COLOR === undefined : options.color;
  switch (options.format) {
    case 'text':
      process.stdout.write(textReport(diagnosis, { color, cwd: process.cwd(), matrix: options.all }));
      break;
    case 'json':
      process.stdout.write(`${JSON.stringify(jsonReport(diagnosis), null, 2)}\n`);
      break;
    case 'sarif':
      process.stdout.write(`${JSON.stringify(sarifReport(diagnosis, { version: VERSION, docsUrl: DOCS_URL }), null, 2)}\n`);
      break;
    case 'markdown':
      process.stdout.write(reportMarkdown(diagnosis));
      break;
  }
  return diagnosis.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/**
 * --python as given: a path is taken as is (the prober reports it if it is no interpreter); a bare name
 * such as `python3` is looked up on the sourced environment's PATH, as a shell would.
 */
async function selectedInterpreterPath(given: string | null, pathDirs: readonly string[], fs: FileSystem): Promise<{ kind: 'ok'; path: string } | { kind: 'error'; message: string }> {
  if (given !== null && given.includes('/')) return { kind: 'ok', path: path.resolve(given) };
  const names = given === null ? ['python3', 'python'] : [given];
  for (const name of names) {
    const found = await findOnPath(name, pathDirs, fs);
    if (found !== null) return { kind: 'ok', path: found };
  }
  return given === null
    ? { kind: 'error', message: 'no python3 or python on PATH: give the interpreter with --python PATH' }
    : { kind: 'error', message: `--python '${given}' is not on PATH: give the interpreter's full path, e.g. --python /usr/bin/python3` };
}

/** Untrusted: only the ROS installation's own setup script (outside the workspace) may be sourced. */
function trustedSetupScript(workspace: Workspace | null, boundary: TrustBoundary): string {
  const distro = workspace?.setupScripts.find((script) => script.kind === 'ros-distro' && !insideWorkspace(script.path, boundary));
  return distro?.path ?? 'off';
}

/** A folder that is no ROS workspace: its own .py files (not recursively: a home folder must not be walked). */
async function looseFiles(root: string, isDirectory: boolean, fs: FileSystem): Promise<string[]> {
  if (!isDirectory) return [root];
  return (await fs.readDir(root)).filter((entry) => entry.kind === 'file' && entry.name.endsWith('.py')).map((entry) => path.join(root, entry.name));
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function stderrLogger(debug: boolean): Logger {
  const write = (level: string) => (message: string) => process.stderr.write(`ros-env-doctor ${level}: ${escapeControlCharacters(message)}\n`);
  return { info: debug ? write('info') : () => {}, debug: debug ? write('debug') : () => {}, warn: write('warning'), error: write('error') };
}

if (require.main === module) {
  exitCleanlyOnSignals();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ros-env-doctor: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
