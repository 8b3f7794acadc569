// The environment a ROS node really runs in: the user's shell, without rc files, sources the workspace's setup
// script, then prints a marker and `env -0`. Cached by the setup files' mtimes and the base environment, so a repeat
// with nothing changed spawns no process.
import * as path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { FileSystem, ProcessOutcome, ProcessRunner } from '../core/ports';
import type { CapturedEnvironment } from '../core/engine/environment';
import type { Workspace } from '../core/workspace/workspace';
import { findOnPath, splitPathVariable } from '../core/interpreters/pathLookup';
import { ROS_INSTALLS_ROOT } from '../core/ros/installs';
import { distroSetupScript, preferredSetupScripts, SETUP_COMPANIONS, SETUP_SCRIPT, SETUP_SPACES } from '../core/ros/setupScripts';

export type ShellName = 'bash' | 'zsh';

export interface CapturerDeps {
  readonly runner: ProcessRunner;
  readonly fs: FileSystem;
}

export interface CaptureRequest {
  readonly workspace: Workspace | null;
  readonly baseEnv: Readonly<Record<string, string>>;
  /** 'auto' picks the workspace's setup script (else a lone /opt/ros distro's); 'off' sources nothing; else a path. */
  readonly setupScript: string;
  /** The shell to source with (a name or a path); defaults to baseEnv.SHELL when that is bash or zsh, else bash. */
  readonly shell?: string;
  readonly timeoutMs: number;
  /** Where ROS distros are installed; /opt/ros unless a test says otherwise. */
  readonly rosInstallsRoot?: string;
  readonly signal?: AbortSignal;
}

export type CaptureOptions = CaptureRequest & CapturerDeps;

export interface EnvironmentCapturer {
  capture(request: CaptureRequest): Promise<CapturedEnvironment>;
}

/** Variables the shell itself sets or changes; the base environment's values (if any) are kept for them. */
const SHELL_NOISE = ['_', 'SHLVL', 'PWD', 'OLDPWD'] as const;

const MAX_ENV_BYTES = 8 * 1024 * 1024;
const MAX_CACHE_ENTRIES = 32;

/**
 * Sources "$1" with its output sent to stderr, then prints the marker "$2" and runs env ("$3", an absolute path,
 * since the script may have broken PATH). Positional parameters are cleared first: catkin's setup.sh passes "$@"
 * on to _setup_util.py. The script path is an argument, never part of the command text.
 */
const WRAPPER = [
  '__red_script=$1',
  '__red_marker=$2',
  '__red_env=$3',
  'set --',
  '. "$__red_script" >&2',
  '__red_status=$?',
  'if [ "$__red_status" -ne 0 ]; then exit "$__red_status"; fi',
  'printf \'%s\' "$__red_marker"',
  // Not exec: when env cannot start (E2BIG: one variable over the kernel's 128 KB, or all of them over ~2 MB), bash
  // names the variables too large to pass, so the finding says the real cause.
  '"$__red_env" -0 && exit 0',
  '__red_status=$?',
  'if [ -n "${BASH_VERSION-}" ]; then',
  '  for __red_n in $(compgen -e); do',
  '    eval "__red_l=\\${#$__red_n}"',
  '    if [ "$__red_l" -gt 131072 ]; then printf \'the variable %s is %s characters, over the 128 KB the kernel passes to a program\\n\' "$__red_n" "$__red_l" >&2; fi',
  '  done',
  'fi',
  'exit "$__red_status"',
].join('\n');

/** The variables in `env -0` output after the marker; null when the marker is missing. */
export function parseEnvOutput(stdout: string, marker: string): Record<string, string> | null {
  const start = stdout.indexOf(marker);
  if (start < 0) return null;
  const vars: Record<string, string> = {};
  for (const entry of stdout.slice(start + marker.length).split('\0')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    vars[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return vars;
}

/** The captured variables without the shell's own noise (`_`, SHLVL, PWD, OLDPWD), which keep their base values. */
export function withoutShellNoise(
  vars: Readonly<Record<string, string>>,
  baseEnv: Readonly<Record<string, string>>,
): Record<string, string> {
  const result: Record<string, string> = { ...vars };
  for (const name of SHELL_NOISE) {
    const base = baseEnv[name];
    if (base === undefined) delete result[name];
    else result[name] = base;
  }
  return result;
}

export interface CacheKeyInput {
  readonly script: string;
  readonly shell: string;
  /** Each file the script reads with its mtime, null when it does not exist. */
  readonly stamps: readonly (readonly [string, number | null])[];
  readonly baseEnv: Readonly<Record<string, string>>;
}

export function environmentCacheKey(input: CacheKeyInput): string {
  // JSON keeps names and values apart whatever they contain.
  const entries = Object.keys(input.baseEnv)
    .sort()
    .map((name) => [name, input.baseEnv[name] ?? '']);
  const envHash = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
  return JSON.stringify([input.script, input.shell, input.stamps, envHash]);
}

/** The shell the user would source with: the requested one, else $SHELL when it is bash or zsh, else bash. */
export function chooseShell(
  requested: string | undefined,
  shellVariable: string | undefined,
): { readonly name: ShellName; readonly command: string } {
  for (const candidate of [requested, shellVariable]) {
    if (candidate === undefined || candidate === '') continue;
    const name = path.basename(candidate);
    if (name === 'bash' || name === 'zsh') return { name, command: candidate };
  }
  return { name: 'bash', command: 'bash' };
}

/**
 * The stderr line that says what went wrong: the last one naming an error (bash follows "syntax error near …" with
 * an echo of the offending line, which alone says little), else the last line.
 */
function tellingLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return [...lines].reverse().find((l) => /error|not found|no such file|permission denied|over the 128 KB/i.test(l)) ?? lines.at(-1) ?? '';
}

function withStderr(summary: string, stderr: string): string {
  const line = tellingLine(stderr);
  return line === '' ? summary : `${summary}: ${line}`;
}

/** Why an outcome did not yield an environment (one line), or null when it did; `cacheable` for deterministic failures. */
function outcomeFailure(outcome: ProcessOutcome, shell: string): { readonly detail: string; readonly cacheable: boolean } | null {
  switch (outcome.kind) {
    case 'exited':
      // Only stdout carries the environment: megabytes of the script's own output (sent to stderr) are noise.
      if (outcome.stdoutTruncated ?? outcome.truncated)
        return { detail: `the environment was larger than ${MAX_ENV_BYTES} bytes`, cacheable: false };
      return outcome.exitCode === 0 ? null : { detail: withStderr(`exit code ${outcome.exitCode}`, outcome.stderr), cacheable: true };
    case 'signaled':
      return { detail: withStderr(`killed by ${outcome.signal}`, outcome.stderr), cacheable: false };
    case 'timeout':
      return { detail: withStderr(`timed out after ${outcome.timeoutMs} ms`, outcome.stderr), cacheable: false };
    case 'spawn-error':
      return { detail: `${shell} could not start (${outcome.code}): ${outcome.message}`, cacheable: false };
    case 'aborted':
      return { detail: 'cancelled', cacheable: false };
  }
}

async function isFile(file: string, fs: FileSystem): Promise<boolean> {
  return (await fs.stat(file))?.kind === 'file';
}

/** A lone ROS distro's setup script under `root` (/opt/ros); null when none or several are installed. */
async function loneDistroScript(root: string, fs: FileSystem): Promise<string | null> {
  const distros = (await fs.readDir(root)).filter((e) => e.kind === 'directory' || e.kind === 'symlink');
  const withSetup: string[] = [];
  for (const distro of distros) {
    const script = distroSetupScript(distro.name, root);
    if (await isFile(script, fs)) withSetup.push(script);
  }
  return withSetup.length === 1 ? (withSetup[0] ?? null) : null;
}

/** The .bash setup script 'auto' means, or null when the workspace is unbuilt and no lone distro is installed. */
async function autoScript(request: CaptureRequest, fs: FileSystem): Promise<string | null> {
  const workspace = request.workspace;
  if (workspace !== null) {
    const listed = preferredSetupScripts(workspace.setupScripts.filter((s) => s.kind !== 'ros-distro')).map((s) => s.path);
    // The detector lists what it saw; the usual places are checked too, in the same order.
    const usual = SETUP_SPACES.map((space) => path.join(workspace.root, space.folder, SETUP_SCRIPT));
    for (const script of [...listed, ...usual]) if (await isFile(script, fs)) return script;
  }
  if (request.baseEnv.ROS_DISTRO !== undefined && request.baseEnv.ROS_DISTRO !== '') return null;
  const distroListed = workspace?.setupScripts.find((s) => s.kind === 'ros-distro');
  if (distroListed !== undefined && (await isFile(distroListed.path, fs))) return distroListed.path;
  return loneDistroScript(request.rosInstallsRoot ?? ROS_INSTALLS_ROOT, fs);
}

/** The script to source in the chosen shell: a setup.bash is swapped for its setup.zsh twin in zsh; without one, bash sources it. */
async function scriptForShell(
  script: string,
  shell: ShellName,
  fs: FileSystem,
): Promise<{ readonly script: string; readonly shell: ShellName }> {
  if (shell === 'zsh' && script.endsWith('.bash')) {
    const zshTwin = `${script.slice(0, -'.bash'.length)}.zsh`;
    return (await isFile(zshTwin, fs)) ? { script: zshTwin, shell: 'zsh' } : { script, shell: 'bash' };
  }
  if (shell === 'bash' && script.endsWith('.zsh')) return { script, shell: 'zsh' };
  return { script, shell };
}

async function stampsOf(script: string, fs: FileSystem): Promise<[string, number | null][]> {
  const dir = path.dirname(script);
  const names = [path.basename(script), ...SETUP_COMPANIONS.filter((n) => n !== path.basename(script))];
  return Promise.all(
    names.map(async (name): Promise<[string, number | null]> => [name, (await fs.stat(path.join(dir, name)))?.mtimeMs ?? null]),
  );
}

interface CaptureEntry {
  readonly signal: AbortSignal | undefined;
  settled: boolean;
  readonly pending: Promise<{ readonly result: CapturedEnvironment; readonly cacheable: boolean }>;
}

export function createEnvironmentCapturer(deps: CapturerDeps): EnvironmentCapturer {
  // A settled capture serves every later request; one still running serves only requests of the check that started
  // it (one signal), as in sharedProbes.ts: a superseded check's capture is cancelled with it and would hand the
  // newer check "cancelled" instead of an environment.
  const cache = new Map<string, CaptureEntry>();

  async function run(
    request: CaptureRequest,
    script: string,
    shellPath: string,
  ): Promise<{ readonly result: CapturedEnvironment; readonly cacheable: boolean }> {
    const failed = (detail: string, cacheable: boolean) =>
      ({ result: { kind: 'failed', script, shell: shellPath, detail, vars: request.baseEnv }, cacheable }) as const;
    const envCommand = await findOnPath('env', ['/usr/bin', '/bin'], deps.fs);
    if (envCommand === null) return failed('env is not installed in /usr/bin or /bin', false);
    const marker = `<<<ros-env-doctor:env:${randomUUID()}>>>`;
    const args = path.basename(shellPath) === 'zsh' ? ['-f'] : ['--noprofile', '--norc'];
    const workspaceRoot = request.workspace?.root;
    const outcome = await deps.runner.run(shellPath, [...args, '-c', WRAPPER, 'ros-env-doctor', script, marker, envCommand], {
      cwd: workspaceRoot !== undefined && (await deps.fs.stat(workspaceRoot))?.kind === 'directory' ? workspaceRoot : path.dirname(script),
      env: request.baseEnv,
      timeoutMs: request.timeoutMs,
      maxOutputBytes: MAX_ENV_BYTES,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
    const failure = outcomeFailure(outcome, shellPath);
    if (failure !== null) return failed(failure.detail, failure.cacheable);
    if (outcome.kind !== 'exited') return failed('no output', false);
    const vars = parseEnvOutput(outcome.stdout, marker);
    if (vars === null) return failed(withStderr('the script ended the shell before the environment was printed', outcome.stderr), true);
    return {
      result: { kind: 'sourced', scripts: [script], shell: shellPath, vars: withoutShellNoise(vars, request.baseEnv) },
      cacheable: true,
    };
  }

  return {
    async capture(request) {
      if (request.setupScript === 'off') return { kind: 'plain', reason: 'disabled', vars: request.baseEnv };
      const chosen =
        request.setupScript === 'auto'
          ? await autoScript(request, deps.fs)
          : path.resolve(request.workspace?.root ?? '/', request.setupScript);
      if (chosen === null) return { kind: 'plain', reason: 'no-setup-script', vars: request.baseEnv };

      const preferred = chooseShell(request.shell, request.baseEnv.SHELL);
      const { script, shell } = await scriptForShell(chosen, preferred.name, deps.fs);
      const shellCommand = shell === preferred.name ? preferred.command : shell;
      const shellPath = path.isAbsolute(shellCommand)
        ? shellCommand
        : await findOnPath(shellCommand, [...splitPathVariable(request.baseEnv.PATH), '/usr/bin', '/bin'], deps.fs);
      if (shellPath === null) {
        return {
          kind: 'failed',
          script,
          shell: shellCommand,
          detail: `${shellCommand} is not installed (not found on PATH)`,
          vars: request.baseEnv,
        };
      }
      if (!(await isFile(script, deps.fs))) {
        return { kind: 'failed', script, shell: shellPath, detail: `${script} does not exist`, vars: request.baseEnv };
      }

      const key = environmentCacheKey({ script, shell: shellPath, stamps: await stampsOf(script, deps.fs), baseEnv: request.baseEnv });
      const cached = cache.get(key);
      if (cached !== undefined && (cached.settled || cached.signal === request.signal)) return (await cached.pending).result;
      const entry: CaptureEntry = { signal: request.signal, settled: false, pending: run(request, script, shellPath) };
      cache.set(key, entry);
      const settled = await entry.pending;
      if (!settled.cacheable) {
        if (cache.get(key) === entry) cache.delete(key);
      } else entry.settled = true;
      while (cache.size > MAX_CACHE_ENTRIES) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return settled.result;
    },
  };
}

/** One capture without a cache kept for later (the CLI's single run). */
export function captureEnvironment(options: CaptureOptions): Promise<CapturedEnvironment> {
  return createEnvironmentCapturer(options).capture(options);
}
