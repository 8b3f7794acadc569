// Builds REAL ament_python packages with Debian's REAL colcon in temp folders: package.xml (build_type ament_python),
// setup.py with console_scripts, setup.cfg sending scripts to lib/<pkg> (as `ros2 run` needs), resource/<pkg>.
// colcon runs either as /usr/bin/colcon (so the entry points get #!/usr/bin/python3) or as `<venv>/bin/python -m colcon`
// (the venv's python is baked in; the venv needs --system-site-packages to import colcon).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { debianPackage, DEBIAN_PYTHON, type Prerequisite } from './prerequisites';

const run = promisify(execFile);

export const SYSTEM_PATH = '/usr/sbin:/usr/bin:/sbin:/bin';

/** Debian's colcon (see .ci/run): the core, the ament_python support and the bash setup scripts. */
export const colconTools: Prerequisite[] = [
  debianPackage('/usr/bin/colcon', 'colcon'),
  debianPackage('/usr/lib/python3/dist-packages/colcon_ros/__init__.py', 'python3-colcon-ros'),
  debianPackage('/usr/lib/python3/dist-packages/colcon_python_setup_py/__init__.py', 'python3-colcon-python-setup-py'),
  debianPackage('/usr/lib/python3/dist-packages/colcon_bash/__init__.py', 'python3-colcon-bash'),
];

export interface AmentNode {
  /** The console_scripts name: `ros2 run <pkg> <exe>`. */
  readonly exe: string;
  /** The module inside the package (`detector_node` → <pkg>/detector_node.py), with a main(). */
  readonly module: string;
  readonly text: string;
}

export interface AmentPackage {
  readonly name: string;
  readonly nodes: readonly AmentNode[];
  /** Other modules of the package, by file name inside <pkg>/<pkg>/. */
  readonly modules?: Readonly<Record<string, string>>;
  /** false: no setup.cfg at all, so the scripts land in bin/ and `ros2 run` finds no executable. */
  readonly setupCfg?: boolean;
}

export function packageXml(name: string): string {
  return `<?xml version="1.0"?>
<package format="3">
  <name>${name}</name>
  <version>0.1.0</version>
  <description>A test package</description>
  <maintainer email="dev@example.com">dev</maintainer>
  <license>MIT</license>
  <exec_depend>rclpy</exec_depend>
  <export>
    <build_type>ament_python</build_type>
  </export>
</package>
`;
}

/** setup.py as `ros2 pkg create --build-type ament_python` writes it; the entry points start at line ENTRY_POINT_LINE. */
export function setupPy(name: string, nodes: readonly AmentNode[]): string {
  return `from setuptools import setup

package_name = '${name}'

setup(
    name=package_name,
    version='0.1.0',
    packages=[package_name],
    data_files=[
        ('share/ament_index/resource_index/packages', ['resource/' + package_name]),
        ('share/' + package_name, ['package.xml']),
    ],
    install_requires=['setuptools'],
    zip_safe=True,
    entry_points={
        'console_scripts': [
${nodes.map((node) => `            '${node.exe} = ${name}.${node.module}:main',`).join('\n')}
        ],
    },
)
`;
}

/** 1-based line of the first console_scripts entry in setupPy's text. */
export const ENTRY_POINT_LINE = 17;

export function setupCfg(name: string): string {
  return `[develop]\nscript_dir=$base/lib/${name}\n[install]\ninstall_scripts=$base/lib/${name}\n`;
}

export async function writeAmentPackage(workspaceRoot: string, pkg: AmentPackage): Promise<string> {
  const dir = path.join(workspaceRoot, 'src', pkg.name);
  await mkdir(path.join(dir, pkg.name), { recursive: true });
  await mkdir(path.join(dir, 'resource'), { recursive: true });
  await writeFile(path.join(dir, 'resource', pkg.name), '');
  await writeFile(path.join(dir, 'package.xml'), packageXml(pkg.name));
  await writeFile(path.join(dir, 'setup.py'), setupPy(pkg.name, pkg.nodes));
  if (pkg.setupCfg !== false) await writeFile(path.join(dir, 'setup.cfg'), setupCfg(pkg.name));
  await writeFile(path.join(dir, pkg.name, '__init__.py'), '');
  for (const node of pkg.nodes) await writeFile(path.join(dir, pkg.name, `${node.module}.py`), node.text);
  for (const [file, text] of Object.entries(pkg.modules ?? {})) await writeFile(path.join(dir, pkg.name, file), text);
  return dir;
}

export interface ColconBuild {
  readonly stdout: string;
  readonly stderr: string;
}

/** `colcon build` in the workspace: /usr/bin/colcon, or `<python> -m colcon build` when a python is given. */
export async function colconBuild(
  root: string,
  options: { readonly python?: string; readonly args?: readonly string[]; readonly path?: string } = {},
): Promise<ColconBuild> {
  const env = { PATH: options.path ?? SYSTEM_PATH, HOME: process.env.HOME ?? root, LANG: 'C.UTF-8' };
  const [file, args] =
    options.python === undefined
      ? ['colcon', ['build', ...(options.args ?? [])]]
      : [options.python, ['-m', 'colcon', 'build', ...(options.args ?? [])]];
  try {
    const { stdout, stderr } = await run(file, args, { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
    return { stdout, stderr };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`colcon build in ${root} failed: ${detail}`, { cause: error });
  }
}

/** A venv of Debian's python3; --system-site-packages lets it import colcon (and rospy, yaml…). */
export async function makeVenv(dir: string, options: { readonly systemSite: boolean; readonly base?: string }): Promise<string> {
  await run(
    options.base ?? DEBIAN_PYTHON,
    ['-m', 'venv', '--without-pip', ...(options.systemSite ? ['--system-site-packages'] : []), dir],
    { env: { PATH: SYSTEM_PATH, LANG: 'C.UTF-8' } },
  );
  return path.join(dir, 'bin', 'python');
}

/**
 * A pure-Python package installed into the venv's own site-packages only (what `pip install` would leave there, written
 * directly because this machine has no package index): a stand-in for the node's ML package (torch in the issue).
 */
export async function installIntoVenv(venv: string, module: string, text = 'VALUE = 42\n'): Promise<void> {
  const { stdout } = await run(path.join(venv, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])']);
  const dir = path.join(stdout.trim(), module);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, '__init__.py'), text);
}

/** What really happens when a user runs the built entry point after sourcing the workspace (bash, as ros2 run would exec it). */
export async function runEntryPoint(
  root: string,
  packageName: string,
  exe: string,
  extraPath: readonly string[] = [],
): Promise<{ code: number; output: string }> {
  const script = path.join(root, 'install', packageName, 'lib', packageName, exe);
  const env = { PATH: [...extraPath, SYSTEM_PATH].join(':'), HOME: process.env.HOME ?? root, LANG: 'C.UTF-8' };
  // --norc: Debian's bash reads ~/.bashrc when its stdin is a socket (Node's pipes are), which may put pyenv first on PATH.
  try {
    const { stdout, stderr } = await run('bash', ['--noprofile', '--norc', '-c', `. install/setup.bash && "$0"`, script], {
      cwd: root,
      env,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failure.code === 'number' ? failure.code : -1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

export async function tempWorkspace(label: string): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), `red-colcon-${label}-`));
  await mkdir(path.join(root, 'src'));
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}
