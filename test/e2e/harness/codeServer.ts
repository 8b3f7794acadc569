// One code-server process for one test run: its own port, config, user data, extensions and temp
// folders, in its own process group so that stopping it also stops its helpers (extension host,
// file watcher, pty host), which a SIGTERM to the main process alone leaves running.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { constants as osConstants } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export type CodeServerTools = { readonly node: string; readonly codeServer: string };

export type CodeServerOptions = {
  readonly tools: CodeServerTools;
  /** Per-run folder; everything the server writes (XDG dirs, TMPDIR, user data) goes under it. */
  readonly runDir: string;
  /** Written to the user settings.json before start. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** true: --disable-workspace-trust (every folder trusted); false: VS Code's trust prompt and restricted mode. */
  readonly trust: boolean;
  /** Merged over process.env; reaches the extension host. */
  readonly env: Readonly<Record<string, string>>;
  /** Where the server's stdout and stderr go. */
  readonly logFile: string;
  /**
   * VS Code's smoke-test driver: needed for a test payload (extensionDevelopmentPath, extensionTestsPath), which
   * the built workbench ignores without it. It also hides every notification toast (NotificationsToasts.addToast
   * returns early under it), so a session a person or Playwright looks at starts without it.
   */
  readonly smokeTestDriver: boolean;
};

export type CodeServer = {
  readonly port: number;
  readonly origin: string;
  readonly extensionsDir: string;
  readonly userDataDir: string;
  /** Kills the whole process group (SIGTERM, then SIGKILL); safe to call more than once. */
  readonly stop: () => Promise<void>;
};

/** Settings that keep the workbench quiet and offline: no welcome page, no gallery look-ups, no AI panels. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The workbench's port finder reads /proc for every process of the machine every few seconds, in the same
  // extension host as the extension under test: on a loaded test machine that is the host's busiest work.
  'remote.autoForwardPorts': false,
};

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The environment code-server and its children see: every writable location inside runDir. */
export function isolatedEnv(runDir: string, extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_DATA_HOME: join(runDir, 'xdg-data'),
    XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
    XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
    TMPDIR: join(runDir, 'tmp'),
    ...extra,
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Packs an extension folder into a VSIX with vsce (under a second), so it can be installed for real:
 * the server loads only one extensionDevelopmentPath, so a second extension (the Python API
 * stand-in) cannot ride along as a development extension.
 */
export function packageFolder(repoRoot: string, folder: string, outFile: string): void {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', outFile],
    {
      cwd: folder,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    },
  );
  if (result.status !== 0)
    throw new Error(`vsce package in ${folder} failed (${result.status ?? result.signal}): ${result.stdout}${result.stderr}`);
}

/** Installs a VSIX (or a gallery id, which cannot work offline) into the run's extensions dir. */
export function installExtension(tools: CodeServerTools, runDir: string, extensionsDir: string, vsix: string): void {
  const result = spawnSync(
    tools.node,
    [tools.codeServer, '--extensions-dir', extensionsDir, '--user-data-dir', join(runDir, 'user-data'), '--install-extension', vsix],
    {
      env: isolatedEnv(runDir, {}),
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (${result.status ?? result.signal}): ${result.stdout}${result.stderr}`);
  }
}

export async function prepareRunDirs(
  runDir: string,
  settings: Readonly<Record<string, unknown>>,
): Promise<{ userDataDir: string; extensionsDir: string }> {
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  for (const dir of ['xdg-data', 'xdg-config', 'xdg-cache', 'tmp']) await mkdir(join(runDir, dir), { recursive: true });
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  await writeFile(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`);
  return { userDataDir, extensionsDir };
}

async function waitUntilHealthy(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs} ms`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { userDataDir, extensionsDir } = await prepareRunDirs(options.runDir, options.settings);
  const configFile = join(options.runDir, 'code-server.yaml');
  await writeFile(configFile, 'auth: none\ncert: false\n');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    options.tools.codeServer,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--config',
    configFile,
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...(options.trust ? ['--disable-workspace-trust'] : []),
  ];
  const log: WriteStream = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.tools.node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: isolatedEnv(options.runDir, options.env),
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  // Neither a crash of the test process nor Ctrl+C / a CI cancel may leave the server running.
  const onExit = (): void => killGroup(child, 'SIGKILL');
  const onSignal = (signal: NodeJS.Signals): void => {
    killGroup(child, 'SIGKILL');
    removeHandlers();
    try {
      rmSync(options.runDir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // Chromium may still be writing its profile; a leftover temp folder beats a crash here.
    }
    // Exit explicitly: Playwright's own signal listeners would otherwise keep the process alive,
    // and its 'exit' listener still closes Chromium on the way out.
    process.exit(128 + (osConstants.signals[signal] ?? 15));
  };
  const signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const removeHandlers = (): void => {
    process.removeListener('exit', onExit);
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  process.once('exit', onExit);
  for (const signal of signals) process.once(signal, onSignal);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      removeHandlers();
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      killGroup(child, 'SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), delay(3000).then(() => false)]);
      // The helpers may outlive the main process: always finish the group off.
      killGroup(child, 'SIGKILL');
      if (!graceful) await Promise.race([exited, delay(2000)]);
      await new Promise<void>((resolve) => log.end(() => resolve()));
    })();
    return stopped;
  };

  try {
    await waitUntilHealthy(origin, child, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, origin, extensionsDir, userDataDir, stop };
}
