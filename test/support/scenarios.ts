// Builders for the real conflicts of shared/SCENARIOS.md, from real interpreters and packages, in temp folders.
// Each returns paths, the complete environment a node would run in, and a cleanup. No mock interpreters.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SENTINEL_BEGIN, SENTINEL_END } from '../../src/core/probe/protocol';
import { DEBIAN_DIST_PACKAGES, DEBIAN_PYTHON, pyenvPython } from './prerequisites';

const run = promisify(execFile);

export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface Scenario {
  readonly name: string;
  /** The interpreter to probe, as a user would select it. */
  readonly python: string;
  /** The complete environment a node runs in (not merged with the test runner's). */
  readonly env: Readonly<Record<string, string>>;
  readonly cleanup: () => Promise<void>;
}

/** A clean environment: system PATH, HOME, a UTF-8 locale; nothing of the test runner's PYTHONPATH or venv leaks in. */
export function baseEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { PATH: SYSTEM_PATH, HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8', ...extra };
}

async function tempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `red-${label}-`));
}

const removing = (dir: string) => () => rm(dir, { recursive: true, force: true });
const nothingToRemove = async (): Promise<void> => {};

function pyenvOrThrow(version: string): string {
  const python = pyenvPython(version);
  // Callers check `needs(t, pyenvVersion(...))` first; reaching here without it is a bug in the test.
  if (python === undefined) throw new Error(`pyenv Python ${version} is not installed`);
  return python;
}

async function makeVenv(base: string, dir: string, systemSite: boolean): Promise<string> {
  await run(base, ['-m', 'venv', '--without-pip', ...(systemSite ? ['--system-site-packages'] : []), dir], { env: baseEnv() });
  return join(dir, 'bin', 'python');
}

/** healthy: Debian's python3 with the ROS stack, torch and OpenCV in its dist-packages. */
export async function healthySystem(): Promise<Scenario> {
  return { name: 'healthy-system', python: DEBIAN_PYTHON, env: baseEnv(), cleanup: nothingToRemove };
}

/** healthy too: a venv from Debian's python3 that sees the system site packages. */
export async function systemSiteVenv(): Promise<Scenario & { readonly venv: string }> {
  const root = await tempDir('syssite');
  const venv = join(root, 'venv');
  const python = await makeVenv(DEBIAN_PYTHON, venv, true);
  return { name: 'system-site-venv', python, venv, env: baseEnv({ VIRTUAL_ENV: venv }), cleanup: removing(root) };
}

/** isolated venv: a pyenv Python's venv, so rospy, torch, cv_bridge… are all missing. */
export async function isolatedVenv(version = '3.11'): Promise<Scenario & { readonly venv: string }> {
  const root = await tempDir('isolated');
  const venv = join(root, 'venv');
  const python = await makeVenv(pyenvOrThrow(version), venv, false);
  return { name: `isolated-venv-${version}`, python, venv, env: baseEnv({ VIRTUAL_ENV: venv }), cleanup: removing(root) };
}

/** Another Python with Debian's (3.11) packages on PYTHONPATH: 2.7 gets SyntaxErrors, 3.12 skips the 3.11 C extensions. */
export async function withPythonPath(
  python: string,
  dirs: readonly string[] = [DEBIAN_DIST_PACKAGES],
  name = 'with-pythonpath',
): Promise<Scenario> {
  return { name, python, env: baseEnv({ PYTHONPATH: dirs.join(':') }), cleanup: nothingToRemove };
}

/** The packages /opt/ros/noetic/lib/python3/dist-packages would hold; not rospkg, catkin_pkg, yaml, netifaces, numpy. */
export const ROS_OWNED_PACKAGES = [
  'rospy',
  'roslib',
  'rosgraph',
  'rosgraph_msgs',
  'roscpp',
  'genpy',
  'genmsg',
  'std_msgs',
  'sensor_msgs',
  'geometry_msgs',
  'cv_bridge',
  'catkin',
] as const;

export interface RosPrefix {
  readonly root: string;
  /** The fake /opt/ros/noetic. */
  readonly prefix: string;
  readonly distPackages: string;
  readonly setupBash: string;
  /** What sourcing setup.bash adds to an environment. */
  readonly vars: Readonly<Record<string, string>>;
  readonly cleanup: () => Promise<void>;
}

/** A /opt/ros/noetic-like prefix whose dist-packages links only the ROS-owned packages of Debian's dist-packages. */
export async function rosPrefix(): Promise<RosPrefix> {
  const root = await tempDir('rosprefix');
  const prefix = join(root, 'opt', 'ros', 'noetic');
  const distPackages = join(prefix, 'lib', 'python3', 'dist-packages');
  const share = join(prefix, 'share');
  await mkdir(distPackages, { recursive: true });
  await mkdir(share, { recursive: true });
  for (const name of ROS_OWNED_PACKAGES) await symlink(join(DEBIAN_DIST_PACKAGES, name), join(distPackages, name));
  const vars = { ROS_DISTRO: 'noetic', ROS_VERSION: '1', ROS_PYTHON_VERSION: '3', ROS_PACKAGE_PATH: share, PYTHONPATH: distPackages };
  const setupBash = join(prefix, 'setup.bash');
  const lines = Object.entries(vars).map(([key, value]) => `export ${key}="${value}"`);
  await writeFile(setupBash, `# generated by test/support/scenarios.ts: a stand-in for /opt/ros/noetic/setup.bash\n${lines.join('\n')}\n`);
  return { root, prefix, distPackages, setupBash, vars, cleanup: removing(root) };
}

export interface CondaStyleEnv extends Scenario {
  readonly prefix: string;
  /** A temporary HOME whose .conda/environments.txt lists the env. */
  readonly home: string;
}

/**
 * A pyenv 3.11.7 venv laid out like a conda env (conda-meta/history, a package record), listed in a temp HOME's
 * ~/.conda/environments.txt, with PyYAML in its site-packages. With a ROS prefix on PYTHONPATH, `import rospy` fails
 * with "No module named 'rospkg'" (roslib/launcher.py), as in SCENARIOS.md.
 */
export async function condaStyleEnv(
  options: { readonly pythonPath?: readonly string[]; readonly sitePackages?: readonly string[] } = {},
): Promise<CondaStyleEnv> {
  const root = await tempDir('conda');
  const prefix = join(root, 'miniconda3', 'envs', 'ros-env');
  const home = join(root, 'home');
  const python = await makeVenv(pyenvOrThrow('3.11'), prefix, false);
  // A real conda env rarely lacks PyYAML (pytorch, matplotlib… pull it in); without it genpy fails on yaml before
  // roslib ever asks for rospkg. Linked from Debian's dist-packages: pure Python, same 3.11 ABI.
  const sitePackages = join(prefix, 'lib', 'python3.11', 'site-packages');
  for (const name of options.sitePackages ?? ['yaml']) await symlink(join(DEBIAN_DIST_PACKAGES, name), join(sitePackages, name));
  const meta = join(prefix, 'conda-meta');
  await mkdir(meta, { recursive: true });
  await writeFile(
    join(meta, 'history'),
    '==> 2024-03-01 10:00:00 <==\n# cmd: conda create -n ros-env python=3.11\n# conda version: 23.11.0\n+defaults/linux-64::python-3.11.7-h955ad1f_0\n',
  );
  await writeFile(
    join(meta, 'python-3.11.7-h955ad1f_0.json'),
    `${JSON.stringify({ name: 'python', version: '3.11.7', build: 'h955ad1f_0', build_number: 0, channel: 'https://repo.anaconda.com/pkgs/main/linux-64', subdir: 'linux-64', files: ['bin/python3.11'] }, null, 2)}\n`,
  );
  await mkdir(join(home, '.conda'), { recursive: true });
  await writeFile(join(home, '.conda', 'environments.txt'), `${prefix}\n`);
  const env = baseEnv({
    HOME: home,
    PATH: `${join(prefix, 'bin')}:${SYSTEM_PATH}`,
    CONDA_PREFIX: prefix,
    CONDA_DEFAULT_ENV: 'ros-env',
    ...(options.pythonPath !== undefined ? { PYTHONPATH: options.pythonPath.join(':') } : {}),
  });
  return { name: 'conda-style-env', python, prefix, home, env, cleanup: removing(root) };
}

export interface PathDir {
  /** A directory to put on PYTHONPATH. */
  readonly dir: string;
  readonly cleanup: () => Promise<void>;
}

/** startup hang: a sitecustomize.py that never returns, so the interpreter never reaches the probe. */
export async function hangingSitecustomize(): Promise<PathDir> {
  const dir = await tempDir('hang');
  await writeFile(join(dir, 'sitecustomize.py'), 'import time\nwhile True:\n    time.sleep(3600)\n');
  return { dir, cleanup: removing(dir) };
}

/** noise: a sitecustomize.py printing text, ANSI escapes, a NUL, a fake probe block and a half sentinel line. */
export async function noisySitecustomize(): Promise<PathDir> {
  const dir = await tempDir('noisy');
  const source = [
    'import sys',
    "sys.stdout.write('Welcome to the lab machine!\\n')",
    "sys.stdout.write('\\x1b[1;31mWARNING\\x1b[0m: ROS_MASTER_URI is not set\\n')",
    "sys.stdout.write('\\x00binary\\x00junk\\n')",
    `sys.stdout.write(${JSON.stringify(SENTINEL_BEGIN)} + '\\n{"protocolVersion": 1, "mode": "fake"}\\n' + ${JSON.stringify(SENTINEL_END)} + '\\n')`,
    `sys.stdout.write('no newline after this ' + ${JSON.stringify(SENTINEL_BEGIN)})`,
    '',
  ].join('\n');
  await writeFile(join(dir, 'sitecustomize.py'), source);
  return { dir, cleanup: removing(dir) };
}

/** A module that segfaults its interpreter when imported (name: `crashy`). */
export async function segfaultModule(): Promise<PathDir & { readonly module: string }> {
  const dir = await tempDir('segv');
  await writeFile(join(dir, 'crashy.py'), 'import ctypes\nctypes.string_at(0)\n');
  return { dir, module: 'crashy', cleanup: removing(dir) };
}

export interface HostileInterpreters {
  readonly dir: string;
  /** A text file without the run bit. */
  readonly textNoExec: string;
  readonly directory: string;
  readonly danglingLink: string;
  /** The first 100 bytes of /usr/bin/python3.11, executable. */
  readonly truncatedElf: string;
  /** A shell script printing "Python 3.11.2" for any argument. */
  readonly fakeVersion: string;
  /** A script whose #! line names a program that does not exist. */
  readonly badShebang: string;
  /** A script that fails like a shell that cannot find python: exit 127 with the shell's message. */
  readonly exits127: string;
  readonly cleanup: () => Promise<void>;
}

/** Things a user may have selected as "the interpreter" that are not one. */
export async function hostileInterpreters(): Promise<HostileInterpreters> {
  const dir = await tempDir('hostile');
  const textNoExec = join(dir, 'notes.txt');
  await writeFile(textNoExec, 'this is not python\n');
  await chmod(textNoExec, 0o644);
  const directory = join(dir, 'a-directory');
  await mkdir(directory);
  const danglingLink = join(dir, 'python-gone');
  await symlink(join(dir, 'no-such-python'), danglingLink);
  const truncatedElf = join(dir, 'python-truncated');
  const elf = await readFile('/usr/bin/python3.11');
  await writeFile(truncatedElf, elf.subarray(0, 100));
  await chmod(truncatedElf, 0o755);
  const fakeVersion = join(dir, 'python-fake');
  await writeFile(fakeVersion, '#!/bin/sh\necho "Python 3.11.2"\n');
  await chmod(fakeVersion, 0o755);
  const badShebang = join(dir, 'python-bad-shebang');
  await writeFile(badShebang, '#!/nonexistent/bin/python3\nprint("never")\n');
  await chmod(badShebang, 0o755);
  const exits127 = join(dir, 'python-127');
  await writeFile(exits127, '#!/bin/sh\necho "/bin/sh: 1: python: not found" >&2\nexit 127\n');
  await chmod(exits127, 0o755);
  return { dir, textNoExec, directory, danglingLink, truncatedElf, fakeVersion, badShebang, exits127, cleanup: removing(dir) };
}
