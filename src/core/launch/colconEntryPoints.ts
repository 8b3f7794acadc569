// ROS 2's `ros2 run <pkg> <exe>`: colcon installs each console_scripts entry point of an ament_python package as
// install/<pkg>/lib/<pkg>/<exe> (isolated layout) or install/lib/<pkg>/<exe> (--merge-install), a script whose
// shebang is the Python that ran colcon. Read here from files alone: setup.py is never run.
import { posix as path } from 'node:path';
import type { SourceRange } from '../findings/finding';
import type { FileSystem } from '../ports';
import { parseShebang } from '../scan/importScanner';
import type { Shebang } from '../scan/importSite';
import { parseSetupCfg, parseSetupPy, type ConsoleScript } from '../workspace/pythonPackaging';
import type { RosPackage, Workspace } from '../workspace/workspace';

export interface EntryPoint {
  readonly packageName: string;
  readonly name: string;
  readonly module: string;
  /** The source file the module names, when it is one of the workspace's Python files. */
  readonly source: string | null;
  /** The `exe = pkg.module:func` line in setup.py or setup.cfg. */
  readonly declaredAt: SourceRange | null;
  /** The built script `ros2 run` runs, when the package is built and the script is where ros2 run looks. */
  readonly built: {
    readonly path: string;
    readonly shebang: Shebang | null;
    readonly mtimeMs: number;
    /** The distribution the script looks up by its metadata (entryPointDistribution), when it does. */
    readonly distribution: string | null;
  } | null;
  /** The package has been installed (install/<pkg>/ or install/share/<pkg>/ exists). */
  readonly packageInstalled: boolean;
  /** setup.cfg sends scripts to lib/<pkg> (`[develop] script_dir` and `[install] install_scripts`), as ros2 run needs. */
  readonly scriptDirsSet: boolean;
  readonly setupCfg: { readonly path: string; readonly text: string } | null;
  /** The source file's modification time, to tell an install older than the source. */
  readonly sourceMtimeMs: number | null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The line declaring `name = module…`, as a range over the declaration. */
export function declarationRange(file: string, text: string, script: ConsoleScript): SourceRange | null {
  const pattern = new RegExp(`(^|['"\\s])(${escape(script.name)}\\s*=\\s*${escape(script.module)}[^'"\\n]*)`);
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const match = pattern.exec(line);
    if (match?.[2] === undefined) continue;
    const column = match.index + (match[1]?.length ?? 0);
    return { file, line: index + 1, column, endLine: index + 1, endColumn: column + match[2].trimEnd().length };
  }
  return null;
}

/** `[develop] script_dir` and `[install] install_scripts` both name lib/<pkg> (ros2 run looks nowhere else). */
export function scriptDirsSet(setupCfg: string | undefined, packageName: string): boolean {
  if (setupCfg === undefined) return false;
  const wanted = new RegExp(`^\\$base/lib/${escape(packageName)}/?$`);
  let section = '';
  let develop = false;
  let install = false;
  for (const raw of setupCfg.split(/\r\n|\r|\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(raw);
    if (header?.[1] !== undefined) {
      section = header[1].trim();
      continue;
    }
    const pair = /^\s*([A-Za-z_-]+)\s*[=:]\s*(.*?)\s*$/.exec(raw);
    if (pair?.[1] === undefined) continue;
    const key = pair[1].replace(/-/g, '_');
    if (section === 'develop' && key === 'script_dir' && wanted.test(pair[2] ?? '')) develop = true;
    if (section === 'install' && key === 'install_scripts' && wanted.test(pair[2] ?? '')) install = true;
  }
  return develop && install;
}

function sourceFor(workspace: Workspace, pkg: RosPackage, module: string): string | null {
  const relative = module.split('.').join('/');
  const candidates = [`/${relative}.py`, `/${relative}/__init__.py`];
  const inPackage = workspace.pythonSources.filter((source) => source.packageName === pkg.name);
  for (const suffix of candidates) {
    const found = inPackage.find((source) => source.path.endsWith(suffix));
    if (found !== undefined) return found.path;
  }
  return null;
}

/**
 * The distribution a setuptools entry-point script finds itself by: its header names it (`'demo-py==0.1.0'`, or
 * `'demo-py'` with --symlink-install), and the script passes the part before `==` to importlib.metadata.distribution.
 * Null for a script that imports its module directly (pip's launcher), which needs no metadata.
 */
export function entryPointDistribution(text: string): string | null {
  const header = /^# EASY-INSTALL-ENTRY-SCRIPT: '([^'\n]+)'/m.exec(text);
  const name = header?.[1]?.split('==')[0]?.trim();
  return name === undefined || name === '' ? null : name;
}

async function builtScript(fs: FileSystem, root: string, packageName: string, name: string): Promise<EntryPoint['built']> {
  for (const file of [
    path.join(root, 'install', packageName, 'lib', packageName, name),
    path.join(root, 'install', 'lib', packageName, name),
  ]) {
    const stat = await fs.stat(file);
    if (stat?.kind !== 'file') continue;
    const text = await fs.readFile(file);
    return {
      path: file,
      shebang: text === undefined ? null : parseShebang(text),
      mtimeMs: stat.mtimeMs,
      distribution: text === undefined ? null : entryPointDistribution(text),
    };
  }
  return null;
}

async function isInstalled(fs: FileSystem, root: string, packageName: string): Promise<boolean> {
  const places = [path.join(root, 'install', packageName), path.join(root, 'install', 'share', packageName)];
  const stats = await Promise.all(places.map((place) => fs.stat(place)));
  return stats.some((stat) => stat?.kind === 'directory');
}

export async function findEntryPoints(fs: FileSystem, workspace: Workspace): Promise<EntryPoint[]> {
  const packages = workspace.packages.filter((pkg) => pkg.buildType === 'ament_python');
  const perPackage = await Promise.all(
    packages.map(async (pkg): Promise<EntryPoint[]> => {
      const setupPyPath = path.join(pkg.path, 'setup.py');
      const setupCfgPath = path.join(pkg.path, 'setup.cfg');
      const [setupPy, setupCfg, installed] = await Promise.all([
        fs.readFile(setupPyPath),
        fs.readFile(setupCfgPath),
        isInstalled(fs, workspace.root, pkg.name),
      ]);
      const declared: { script: ConsoleScript; file: string; text: string }[] = [
        ...(setupPy === undefined
          ? []
          : parseSetupPy(setupPy).consoleScripts.map((script) => ({ script, file: setupPyPath, text: setupPy }))),
        ...(setupCfg === undefined
          ? []
          : parseSetupCfg(setupCfg).consoleScripts.map((script) => ({ script, file: setupCfgPath, text: setupCfg }))),
      ];
      const dirsSet = scriptDirsSet(setupCfg, pkg.name);
      return Promise.all(
        declared.map(async ({ script, file, text }): Promise<EntryPoint> => {
          const source = sourceFor(workspace, pkg, script.module);
          return {
            packageName: pkg.name,
            name: script.name,
            module: script.module,
            source,
            sourceMtimeMs: source === null ? null : ((await fs.stat(source))?.mtimeMs ?? null),
            declaredAt: declarationRange(file, text, script),
            built: installed ? await builtScript(fs, workspace.root, pkg.name, script.name) : null,
            packageInstalled: installed,
            scriptDirsSet: dirsSet,
            setupCfg: setupCfg === undefined ? null : { path: setupCfgPath, text: setupCfg },
          };
        }),
      );
    }),
  );
  return perPackage.flat();
}
