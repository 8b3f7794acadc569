// A package's Python: nodes (scripts/, nodes/, catkin_install_python programs, console_scripts entry points) and
// library modules (src/<module>/**, setup.py packages), found from listings and a few small files.
import { posix as path } from 'node:path';
import { childPath } from './childPath';
import type { DirEntry, FileSystem } from '../ports';
import type { PythonSource, PythonSourceEvidence } from './workspace';
import { readCmakePythonFacts } from './cmakeLists';
import { EMPTY_PACKAGING, mergePackaging, parseSetupCfg, parseSetupPy, type PythonPackaging } from './pythonPackaging';
import { mapBounded } from './boundedParallel';
import type { FoundPackage } from './findPackages';
import { readOrReport } from './workspaceFile';
import type { WorkspaceProblem } from './workspaceProblem';

export interface PackagePython {
  readonly sources: readonly PythonSource[];
  readonly pythonModules: readonly string[];
  /** Files skipped (not regular, too large) and walks cut short in this package. */
  readonly problems: readonly WorkspaceProblem[];
}

/** Text of files detection had to read anyway (to see a shebang), so scanning need not read them again. */
export type TextCache = Map<string, string>;

const NODE_FOLDERS: readonly { readonly name: string; readonly evidence: PythonSourceEvidence }[] = [
  { name: 'scripts', evidence: 'scripts-dir' },
  { name: 'nodes', evidence: 'nodes-dir' },
  { name: 'launch', evidence: 'launch-file' },
];
const MAX_MODULE_DEPTH = 8;
/** Python files taken from one package's module folders: real packages hold hundreds; a generated tree may hold 100,000. */
export const MAX_PACKAGE_FILES = 5000;

type Report = (problem: WorkspaceProblem) => void;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function hasPythonShebang(text: string): boolean {
  if (!text.startsWith('#!')) return false;
  const end = text.indexOf('\n');
  return /python|pypy|jython/.test(text.slice(2, end < 0 ? text.length : end));
}

class SourceSet {
  private readonly byPath = new Map<string, { role: PythonSource['role']; evidence: Set<PythonSourceEvidence> }>();

  add(file: string, role: PythonSource['role'], evidence: PythonSourceEvidence): void {
    const known = this.byPath.get(file);
    if (known === undefined) {
      this.byPath.set(file, { role, evidence: new Set([evidence]) });
      return;
    }
    known.evidence.add(evidence);
    if (role === 'node') known.role = 'node';
  }

  has(file: string): boolean {
    return this.byPath.has(file);
  }

  toSources(packageName: string): PythonSource[] {
    return [...this.byPath.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([file, { role, evidence }]) => ({ path: file, packageName, role, evidence: [...evidence] }));
  }
}

async function readPackaging(
  fs: FileSystem,
  pkgPath: string,
  names: ReadonlySet<string>,
  report: Report,
): Promise<{ packaging: PythonPackaging; declared: boolean }> {
  const [setupPy, setupCfg] = await Promise.all([
    names.has('setup.py') ? readOrReport(fs, childPath(pkgPath, 'setup.py'), 'build', report) : undefined,
    names.has('setup.cfg') ? readOrReport(fs, childPath(pkgPath, 'setup.cfg'), 'build', report) : undefined,
  ]);
  const fromPy = setupPy === undefined ? EMPTY_PACKAGING : parseSetupPy(setupPy);
  const fromCfg = setupCfg === undefined ? EMPTY_PACKAGING : parseSetupCfg(setupCfg);
  return { packaging: mergePackaging(fromPy, fromCfg), declared: setupPy !== undefined || setupCfg !== undefined };
}

/** What one package's module walks have taken, shared so that the bound holds across its folders. */
interface WalkBudget {
  readonly files: string[];
  /** Set once the bound is hit: the folder where the walk stopped. */
  stoppedAt: string | null;
}

/** Every .py file below a module folder, bounded in depth and, with the package's other folders, in number. */
async function walkModule(fs: FileSystem, dir: string, depth: number, budget: WalkBudget): Promise<void> {
  if (budget.stoppedAt !== null) return;
  const entries = await fs.readDir(dir);
  const subdirs: string[] = [];
  for (const entry of entries) {
    if (entry.name.endsWith('.py') && entry.kind !== 'directory') {
      if (budget.files.length >= MAX_PACKAGE_FILES) {
        budget.stoppedAt ??= dir;
        return;
      }
      budget.files.push(childPath(dir, entry.name));
    } else if (entry.kind === 'directory' && depth < MAX_MODULE_DEPTH && IDENTIFIER.test(entry.name))
      subdirs.push(childPath(dir, entry.name));
  }
  await Promise.all(subdirs.map((sub) => walkModule(fs, sub, depth + 1, budget)));
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}

/** Top-level module names with the folder each lives in. */
async function moduleFolders(
  fs: FileSystem,
  pkg: FoundPackage,
  packaging: PythonPackaging,
  declared: boolean,
): Promise<Map<string, string>> {
  const folders = new Map<string, string>();
  const rootDir = packaging.packageDir[''];
  // catkin's convention is src/<module> (setup.py says package_dir={'': 'src'}); ament_python keeps <module>/ at the top.
  const base = rootDir !== undefined ? path.join(pkg.path, rootDir) : declared ? pkg.path : path.join(pkg.path, 'src');
  const folderOf = (top: string): string => {
    const mapped = packaging.packageDir[top];
    return mapped !== undefined ? path.join(pkg.path, mapped) : path.join(base, top);
  };
  if (packaging.packages === 'find' || !declared) {
    const excluded = packaging.excluded.map(globToRegExp);
    const entries = base === pkg.path ? pkg.entries : await fs.readDir(base);
    const candidates = entries.filter((entry) => entry.kind === 'directory' && IDENTIFIER.test(entry.name));
    const withInit = await mapBounded(candidates, 16, async (entry) =>
      (await fs.stat(childPath(childPath(base, entry.name), '__init__.py')))?.kind === 'file' ? entry.name : null,
    );
    for (const name of withInit) {
      if (name === null || name === 'test' || name === 'tests') continue;
      if (excluded.some((pattern) => pattern.test(name))) continue;
      folders.set(name, path.join(base, name));
    }
  } else {
    for (const dotted of packaging.packages) {
      const top = dotted.split('.')[0] ?? dotted;
      if (IDENTIFIER.test(top) && !folders.has(top)) folders.set(top, folderOf(top));
    }
  }
  return folders;
}

async function nodeFolderSources(
  fs: FileSystem,
  pkg: FoundPackage,
  names: ReadonlySet<string>,
  set: SourceSet,
  texts: TextCache,
  installed: ReadonlySet<string>,
  report: Report,
): Promise<void> {
  await Promise.all(
    NODE_FOLDERS.filter((folder) => names.has(folder.name)).map(async (folder) => {
      const dir = childPath(pkg.path, folder.name);
      const entries: readonly DirEntry[] = await fs.readDir(dir);
      await Promise.all(
        entries.map(async (entry) => {
          if (entry.kind === 'directory') return;
          const isPy = entry.name.endsWith('.py');
          if (!isPy && entry.name.includes('.')) return;
          const file = childPath(dir, entry.name);
          if (folder.evidence === 'launch-file') {
            if (entry.name.endsWith('.launch.py')) set.add(file, 'module', 'launch-file');
            return;
          }
          if (isPy) {
            // A .py file is Python whatever its first line says; the run bit tells a node from a helper module
            // without reading the file (the scanner reads it once, later).
            const executable = installed.has(file) || (await fs.stat(file))?.executable === true;
            set.add(file, executable ? 'node' : 'module', folder.evidence);
            return;
          }
          const text = await readOrReport(fs, file, 'python', report);
          if (text === undefined || !hasPythonShebang(text)) return;
          texts.set(file, text);
          set.add(file, 'node', folder.evidence);
          set.add(file, 'node', 'shebang');
        }),
      );
    }),
  );
}

function entryPointCandidates(folders: ReadonlyMap<string, string>, module: string): string[] {
  const [top, ...rest] = module.split('.');
  const folder = top === undefined ? undefined : folders.get(top);
  if (folder === undefined) return [];
  if (rest.length === 0) return [path.join(folder, '__init__.py')];
  return [path.join(folder, ...rest) + '.py', path.join(folder, ...rest, '__init__.py')];
}

export async function packagePythonSources(fs: FileSystem, pkg: FoundPackage, texts: TextCache): Promise<PackagePython> {
  const names = new Set(pkg.entries.map((entry) => entry.name));
  const set = new SourceSet();
  const problems: WorkspaceProblem[] = [];
  const report: Report = (problem) => problems.push(problem);
  const [cmakeText, { packaging, declared }] = await Promise.all([
    names.has('CMakeLists.txt') ? readOrReport(fs, childPath(pkg.path, 'CMakeLists.txt'), 'build', report) : undefined,
    readPackaging(fs, pkg.path, names, report),
  ]);
  const cmake = cmakeText === undefined ? { installedPrograms: [], callsPythonSetup: false } : readCmakePythonFacts(cmakeText);
  const installed = new Set(cmake.installedPrograms.map((program) => path.join(pkg.path, program)));

  const folders = await moduleFolders(fs, pkg, packaging, declared);
  const budget: WalkBudget = { files: [], stoppedAt: null };
  await Promise.all([
    nodeFolderSources(fs, pkg, names, set, texts, installed, report),
    ...[...folders.values()].map((folder) => walkModule(fs, folder, 0, budget)),
  ]);
  for (const file of budget.files) set.add(file, 'module', 'package-module');
  if (budget.stoppedAt !== null) problems.push({ kind: 'too-many-files', path: budget.stoppedAt, limit: MAX_PACKAGE_FILES });

  await Promise.all(
    [...installed].map(async (file) => {
      if (set.has(file) || (await fs.stat(file))?.kind === 'file') set.add(file, 'node', 'catkin_install_python');
    }),
  );
  await Promise.all(
    packaging.consoleScripts.map(async (script) => {
      for (const candidate of entryPointCandidates(folders, script.module)) {
        if (set.has(candidate) || (await fs.stat(candidate))?.kind === 'file') {
          set.add(candidate, 'node', 'entry-point');
          return;
        }
      }
    }),
  );

  // Folders that hold no Python at all (an empty src/<name>/) still count: imports of them are the package's own.
  return { sources: set.toSources(pkg.manifest.name), pythonModules: [...folders.keys()].sort(), problems };
}
