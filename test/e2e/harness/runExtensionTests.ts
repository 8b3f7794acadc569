// Runs extension tests inside a real VS Code: code-server serves the workbench, headless Chromium opens
// it (which starts the extension host), the test payload makes the host load the extension under
// development and run the Mocha entry, and VS Code hands the exit code to window.codeAutomationExit.
// openWorkbench() is the same session without tests, for Playwright-driven UI flows.
import { existsSync, statSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type BrowserSession } from './browser';
import { TRACE_CODE_ACTIONS_ENV, traceCodeActions } from './codeActionTrace';
import { installExtension, packageFolder, prepareRunDirs, startCodeServer, type CodeServer } from './codeServer';
import { LONG_TASKS_ENV } from '../../../src/editor/longTasks';
import { SCREENSHOT_DIR_ENV } from './requestScreenshot';
import { watchScreenshotRequests, type ScreenshotWatcher } from './screenshotWatcher';
import { ensureTools, REPO_ROOT, type Tools } from './tools';
import { parseSuiteReport, RESULTS_FILE_ENV, type SuiteReport } from './suiteReport';

export const ARTIFACTS_DIR = join(REPO_ROOT, 'test-results');
export const SCREENSHOTS_DIR = join(ARTIFACTS_DIR, 'screenshots');
export const LOGS_DIR = join(ARTIFACTS_DIR, 'e2e-logs');

export type SessionOptions = {
  /** The folder the workbench opens. */
  readonly workspace: string;
  /** Extensions loaded in development mode (the extension under test). */
  readonly extensionDevelopmentPath?: string;
  /** Merged over process.env for code-server; reaches the extension host. */
  readonly env?: Readonly<Record<string, string>>;
  /** Written to the user settings.json before start (over a few quiet defaults). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Installed for real (code-server --install-extension): a `.vsix`, or an extension folder packed into one with vsce first. */
  readonly extraExtensions?: readonly string[];
  /** true (default): workspace trust disabled, so the folder is trusted; false: VS Code asks, restricted mode until trusted. */
  readonly trust?: boolean;
  /** Names the log file test-results/e2e-logs/<name>.log. */
  readonly name?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Default: what scripts/e2e/ensureTools.mjs reports (it installs nothing here; the caller ensures first). */
  readonly tools?: Tools;
};

export type RunExtensionTestsOptions = SessionOptions & {
  readonly extensionDevelopmentPath: string;
  /** The bundled Mocha entry (out/e2e/mochaIndex.js) exporting run(). */
  readonly extensionTestsPath: string;
  /** Whole run, start to stop; default 3 minutes. */
  readonly timeoutMs?: number;
};

export type ExtensionTestRun =
  | {
      readonly kind: 'exited';
      readonly exitCode: number;
      readonly report: SuiteReport | undefined;
      readonly logFile: string;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'timeout';
      readonly exitCode: 124;
      readonly report: SuiteReport | undefined;
      readonly logFile: string;
      readonly durationMs: number;
    }
  | {
      readonly kind: 'failedToStart';
      readonly exitCode: 1;
      readonly message: string;
      readonly logFile: string;
      readonly durationMs: number;
    };

type Session = {
  readonly server: CodeServer;
  readonly browserSession: BrowserSession;
  readonly page: Page;
  readonly runDir: string;
  readonly logFile: string;
  readonly log: (line: string) => void;
  readonly screenshots: ScreenshotWatcher;
  readonly dispose: () => Promise<void>;
};

function remoteUri(server: CodeServer, path: string): string {
  // The authority must be the page's own host:port, or the workbench treats it as another remote.
  return `vscode-remote://127.0.0.1:${server.port}${resolve(path)}`;
}

function workbenchUrl(server: CodeServer, workspace: string, payload: readonly (readonly [string, string])[]): string {
  const query = [`folder=${encodeURIComponent(resolve(workspace))}`];
  if (payload.length > 0) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.origin}/?${query.join('&')}`;
}

function logWriter(logFile: string): (line: string) => void {
  // Appends in order without awaiting at every call site; failures to log must not fail a test.
  let chain = Promise.resolve();
  return (line: string) => {
    chain = chain.then(() => appendFile(logFile, `${new Date().toISOString()} ${line}\n`)).catch(() => undefined);
    if (process.env.ROS_ENV_DOCTOR_E2E_VERBOSE === '1') process.stderr.write(`${line}\n`);
  };
}

function readyTools(): Tools {
  const tools = ensureTools(false);
  if (tools.kind === 'missing') throw new Error(tools.message);
  return tools;
}

function isVsix(path: string): boolean {
  return path.endsWith('.vsix') && existsSync(path) && statSync(path).isFile();
}

/** What the extension (src/editor/longTasks.ts) recorded: every task over 100 ms of the extension host. */
async function longestTask(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const tasks = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { ms: number; at: string });
  if (tasks.length === 0) return 'none over 100 ms';
  const longest = tasks.reduce((a, b) => (b.ms > a.ms ? b : a));
  return `${longest.ms} ms (ending ${longest.at}); ${tasks.length} task(s) over 100 ms: ${tasks.map((task) => task.ms).join(', ')}`;
}

/** The extension's own output channel so far (every probe, diagnosis, long task and, measured, code-action request). */
export async function extensionLog(runDir: string): Promise<string> {
  const logs = join(runDir, 'user-data', 'logs');
  const files = await readdir(logs, { recursive: true }).catch(() => [] as string[]);
  const ours = files.filter((file) => file.endsWith('ROS Env Doctor.log'));
  const texts = await Promise.all(ours.map((file) => readFile(join(logs, file), 'utf8').catch(() => '')));
  return texts.join('\n');
}

/** The extension's own output channel, kept next to the run's log. */
async function keepExtensionLog(runDir: string, target: string): Promise<void> {
  await writeFile(target, await extensionLog(runDir));
}

/**
 * extraEnv gets the run folder, so per-run files (the results file) live in it and go with it. smokeTestDriver: the
 * session carries a test payload (see CodeServerOptions: without a payload it stays off, so notifications show).
 */
async function startSession(
  options: SessionOptions,
  extraEnv: (runDir: string) => Readonly<Record<string, string>>,
  smokeTestDriver: boolean,
): Promise<Session> {
  const tools = options.tools ?? readyTools();
  const name = options.name ?? 'e2e';
  await mkdir(LOGS_DIR, { recursive: true });
  const logFile = join(LOGS_DIR, `${name}.log`);
  await rm(logFile, { force: true });
  const log = logWriter(logFile);
  const runDir = await mkdtemp(join(tmpdir(), 'red-e2e-'));
  const requestDir = join(runDir, 'screenshot-requests');
  const longTasksFile = join(runDir, 'long-tasks.jsonl');
  await mkdir(requestDir, { recursive: true });

  let server: CodeServer | undefined;
  let browserSession: BrowserSession | undefined;
  let screenshots: ScreenshotWatcher | undefined;
  let disposed: Promise<void> | undefined;
  const dispose = (): Promise<void> => {
    disposed ??= (async () => {
      await screenshots?.stop();
      await browserSession?.close();
      await server?.stop();
      log(`[harness] extension host's longest task: ${await longestTask(longTasksFile)}`);
      await keepExtensionLog(runDir, join(LOGS_DIR, `${name}.extension.log`));
      // ROS_ENV_DOCTOR_E2E_KEEP=1 keeps the run folder (server and extension host logs) for a post-mortem.
      if (process.env.ROS_ENV_DOCTOR_E2E_KEEP === '1') log(`[harness] kept ${runDir}`);
      else await rm(runDir, { recursive: true, force: true, maxRetries: 3 });
    })();
    return disposed;
  };

  try {
    const settings = options.settings ?? {};
    const { extensionsDir } = await prepareRunDirs(runDir, settings);
    const extras = options.extraExtensions ?? [];
    for (const [index, extra] of extras.entries()) {
      const vsix = isVsix(extra) ? extra : join(runDir, `extra-${index}.vsix`);
      if (vsix !== extra) packageFolder(REPO_ROOT, extra, vsix);
      installExtension(tools, runDir, extensionsDir, vsix);
      log(`[harness] installed ${extra}`);
    }
    server = await startCodeServer({
      tools,
      runDir,
      settings,
      trust: options.trust ?? true,
      env: { ...options.env, ...extraEnv(runDir), [SCREENSHOT_DIR_ENV]: requestDir, [LONG_TASKS_ENV]: longTasksFile },
      logFile,
      smokeTestDriver,
    });
    log(`[harness] code-server on ${server.origin}, run folder ${runDir}`);
    browserSession = await launchBrowser({
      executablePath: tools.chromium,
      runDir,
      viewport: options.viewport ?? { width: 1400, height: 900 },
      log,
    });
    if (process.env[TRACE_CODE_ACTIONS_ENV] === '1') await traceCodeActions(browserSession.page, log);
    screenshots = watchScreenshotRequests(browserSession.page, requestDir, SCREENSHOTS_DIR, log);
    return { server, browserSession, page: browserSession.page, runDir, logFile, log, screenshots, dispose };
  } catch (error) {
    log(`[harness] start failed: ${String(error)}`);
    await dispose();
    throw error;
  }
}

function developmentPayload(session: Session, options: SessionOptions): [string, string][] {
  return options.extensionDevelopmentPath === undefined
    ? []
    : [['extensionDevelopmentPath', remoteUri(session.server, options.extensionDevelopmentPath)]];
}

async function readReport(resultsFile: string, log: (line: string) => void): Promise<SuiteReport | undefined> {
  if (!existsSync(resultsFile)) return undefined;
  const parsed = parseSuiteReport(await readFile(resultsFile, 'utf8'));
  if ('kind' in parsed) {
    log(`[harness] unreadable results file: ${parsed.reason}`);
    return undefined;
  }
  return parsed;
}

export async function runExtensionTests(options: RunExtensionTestsOptions): Promise<ExtensionTestRun> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 180_000;
  let session: Session;
  try {
    session = await startSession(options, (runDir) => ({ [RESULTS_FILE_ENV]: join(runDir, 'results.json') }), true);
  } catch (error) {
    return {
      kind: 'failedToStart',
      exitCode: 1,
      message: String(error),
      logFile: join(LOGS_DIR, `${options.name ?? 'e2e'}.log`),
      durationMs: Date.now() - started,
    };
  }
  const { page, log } = session;
  const resultsFile = join(session.runDir, 'results.json');
  let timer: NodeJS.Timeout | undefined;
  try {
    let resolveExit: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => {
      resolveExit = resolve;
    });
    page.on('crash', () => {
      log('[harness] page crashed');
      resolveExit(1);
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) => {
      log(`[harness] codeAutomationExit(${String(code)})`);
      resolveExit(typeof code === 'number' ? code : 1);
    });
    await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => {
      log(`[host ${String(type)}] ${Array.isArray(args) ? args.map(String).join(' ') : String(args)}`);
    });
    const payload: [string, string][] = [
      ...developmentPayload(session, options),
      ['extensionTestsPath', remoteUri(session.server, options.extensionTestsPath)],
    ];
    const url = workbenchUrl(session.server, options.workspace, payload);
    log(`[harness] opening ${url}`);
    const timedOut = new Promise<'timeout'>((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), Math.max(0, timeoutMs - (Date.now() - started)));
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const outcome = await Promise.race([exited, timedOut]);
    const report = await readReport(resultsFile, log);
    if (outcome === 'timeout') {
      log(`[harness] timed out after ${timeoutMs} ms`);
      return { kind: 'timeout', exitCode: 124, report, logFile: session.logFile, durationMs: Date.now() - started };
    }
    return { kind: 'exited', exitCode: outcome, report, logFile: session.logFile, durationMs: Date.now() - started };
  } catch (error) {
    log(`[harness] run failed: ${String(error)}`);
    return { kind: 'failedToStart', exitCode: 1, message: String(error), logFile: session.logFile, durationMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
    await session.dispose();
  }
}

export type Workbench = {
  readonly page: Page;
  readonly origin: string;
  readonly logFile: string;
  /** The session's run folder (code-server's user data, the extension host's environment points into it). */
  readonly runDir: string;
  /** Saves test-results/screenshots/<name>.png and returns its path. */
  readonly screenshot: (name: string) => Promise<string>;
  readonly dispose: () => Promise<void>;
};

/**
 * Opens the workbench on `workspace` and waits until it is drawn; the caller drives it with Playwright. With an
 * extensionDevelopmentPath the page carries a payload, so notification toasts are hidden (see CodeServerOptions);
 * install the extension (extraExtensions) to see them.
 */
export async function openWorkbench(options: SessionOptions & { readonly timeoutMs?: number }): Promise<Workbench> {
  const session = await startSession(options, () => ({}), options.extensionDevelopmentPath !== undefined);
  try {
    const url = workbenchUrl(session.server, options.workspace, developmentPayload(session, options));
    session.log(`[harness] opening ${url}`);
    await session.page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.timeoutMs ?? 60_000 });
    await session.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: options.timeoutMs ?? 60_000 });
  } catch (error) {
    await session.dispose();
    throw error;
  }
  return {
    page: session.page,
    origin: session.server.origin,
    logFile: session.logFile,
    runDir: session.runDir,
    screenshot: async (name: string) => {
      await mkdir(SCREENSHOTS_DIR, { recursive: true });
      const path = join(SCREENSHOTS_DIR, `${name}.png`);
      await session.page.screenshot({ path });
      return path;
    },
    dispose: session.dispose,
  };
}
