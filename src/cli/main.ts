// The `ros-env-doctor` command: the engine over the Node ports, printing text, JSON, SARIF or Markdown.
import * as path from 'node:path';
import { stat } from 'node:fs/promises';
import type { Logger } from '../core/ports';
import type { Diagnosis } from '../core/engine/doctorApi';
import { reportMarkdown } from '../core/present/markdownReport';
import { createEngine, finalUpdate, type EngineUpdate } from '../node/engine';
import { probeCacheFile } from '../node/probeCacheFile';
import { parseArgs, USAGE, type CliOptions } from './args';
import { jsonReport } from './jsonOutput';
import { sarifReport } from './sarifOutput';
import { textReport } from './textOutput';
import { escapeControlCharacters } from '../core/present/controlCharacters';
import { exitCleanlyOnSignals } from '../node/signalCleanup';
import {
  insideWorkspace,
  untrustedSkippedFinding,
  withoutWorkspacePythonPath,
  type Skipped,
  type TrustBoundary,
} from '../core/engine/trust';

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
    process.stderr.write(
      `ros-env-doctor: workspace '${options.workspace}' does not exist: give the path of a catkin or colcon workspace (or any folder with Python files)\n`,
    );
    return 2;
  }
  const logger = stderrLogger(process.env.ROS_ENV_DOCTOR_DEBUG === '1');
  const cacheFile = probeCacheFile();
  // --no-cache probes afresh (fresh) and still saves what it found, so the next run is not stale either.
  const engine = createEngine({ logger, singleRun: true, cacheFile });
  // --untrusted (never implied by CI=true): the engine runs and sources nothing inside the folder; PYTHONPATH
  // entries into it are dropped too (a sitecustomize.py or .pth file there would run in every interpreter).
  const boundary: TrustBoundary = { roots: [root] };
  const skipped: Skipped[] = [];
  const baseEnv = options.untrusted ? withoutWorkspacePythonPath(stringEnv(process.env), boundary, skipped) : stringEnv(process.env);
  const outcome = await finalUpdate(
    engine.checkFolder({
      folder: root,
      // A relative --python is relative to where the command was typed.
      selected: {
        command: options.python !== null && options.python.includes('/') ? path.resolve(options.python) : options.python,
        source: 'selected',
      },
      settings: {
        setupScript: options.source ? 'auto' : 'off',
        timeoutMs: options.timeoutMs,
        extraModules: options.modules,
        ignoredModules: options.ignore,
        discoverInterpreters: true,
      },
      baseEnv,
      trusted: !options.untrusted,
      fresh: !options.cache,
      looseFolder: 'top-level-files',
      probeAll: options.all,
    }),
  );
  if (outcome === null || outcome.kind === 'no-interpreter' || outcome.kind === 'refused') {
    process.stderr.write(`ros-env-doctor: ${outcome === null ? 'the check ended without a diagnosis' : problemText(outcome)}\n`);
    return 2;
  }
  let diagnosis = outcome.diagnosis;
  if (options.untrusted)
    diagnosis = {
      ...diagnosis,
      findings: [...diagnosis.findings, untrustedSkippedFinding([...skipped, ...untrustedSkips(diagnosis, boundary)])],
    };
  logger.info(`diagnosed in ${diagnosis.durationMs} ms; spawned ${diagnosis.processesSpawned} processes`);
  await engine
    .saveCache()
    .catch((error: unknown) =>
      logger.warn(
        `could not save the probe cache to ${cacheFile} (${error instanceof Error ? error.message : String(error)}): remove or fix that path (it only holds a cache)`,
      ),
    );

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

/** What the engine did not run or source in an untrusted folder: its setup scripts, interpreters its nodes' shebangs name inside it. */
function untrustedSkips(diagnosis: Diagnosis, boundary: TrustBoundary): Skipped[] {
  const scripts = (diagnosis.workspace?.setupScripts ?? [])
    .filter((script) => insideWorkspace(script.path, boundary))
    .map((script) => ({ path: script.path, what: 'setup script (not sourced)' }));
  const shebangs = diagnosis.files.flatMap((file) => {
    const command = file.scan.shebang?.command ?? '';
    return command.startsWith('/') && insideWorkspace(command, boundary)
      ? [{ path: command, what: 'interpreter named by a shebang (not run)' }]
      : [];
  });
  return [...scripts, ...shebangs];
}

/** Why no interpreter ran: --python not on PATH, or no python3/python on PATH at all. */
function problemText(outcome: Extract<EngineUpdate, { kind: 'no-interpreter' | 'refused' }>): string {
  if (outcome.kind === 'refused')
    return `--untrusted: ${outcome.detail}; give an interpreter outside it with --python, e.g. --python /usr/bin/python3`;
  return outcome.command === null
    ? 'no python3 or python on PATH: give the interpreter with --python PATH'
    : `--python '${outcome.command}' is not on PATH: give the interpreter's full path, e.g. --python /usr/bin/python3`;
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function stderrLogger(debug: boolean): Logger {
  const write = (level: string) => (message: string) =>
    process.stderr.write(`ros-env-doctor ${level}: ${escapeControlCharacters(message)}\n`);
  return {
    info: debug ? write('info') : () => {},
    debug: debug ? write('debug') : () => {},
    warn: write('warning'),
    error: write('error'),
  };
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
