// Every way each node of the workspace starts, from files alone: nothing is run to learn it.
import { posix as path } from 'node:path';
import type { FileSystem } from '../ports';
import { resolveShebang } from '../engine/resolveCommand';
import { findOnPath } from '../interpreters/pathLookup';
import { editorLaunchPaths } from './launchConfigurations';
import { parseShebang } from '../scan/importScanner';
import type { Shebang } from '../scan/importSite';
import type { ScannedSource } from '../rules/ruleInput';
import type { Workspace } from '../workspace/workspace';
import { findBuildInterpreters } from './buildInterpreter';
import { findEntryPoints, type EntryPoint } from './colconEntryPoints';
import type { BuildInterpreter, LaunchPath, LaunchRunner } from './launchPath';

export interface LaunchModel {
  readonly paths: readonly LaunchPath[];
  readonly entryPoints: readonly EntryPoint[];
  readonly buildInterpreters: readonly BuildInterpreter[];
}

export const EMPTY_LAUNCH_MODEL: LaunchModel = { paths: [], entryPoints: [], buildInterpreters: [] };

const NO_OVERRIDES = { overrides: {} } as const;

export async function runnerOf(shebang: Shebang | null, pathDirs: readonly string[], fs: FileSystem): Promise<LaunchRunner | null> {
  if (shebang === null) return null;
  const resolved = await resolveShebang(shebang, pathDirs, fs);
  if (resolved !== null) return { kind: 'interpreter', path: resolved };
  return { kind: 'missing', wanted: shebang.command, reason: shebang.viaEnv ? 'not-on-path' : 'no-such-file' };
}

function shebangRangeOf(file: string, shebang: Shebang): LaunchPath['declaredAt'] {
  return { file, line: 1, column: 0, endLine: 1, endColumn: shebang.length };
}

async function firstLineShebang(fs: FileSystem, file: string): Promise<Shebang | null> {
  const text = await fs.readFile(file);
  return text === undefined ? null : parseShebang(text);
}

/** catkin's install space holds a copy of each catkin_install_python program, its shebang rewritten to PYTHON_EXECUTABLE. */
async function installedCopies(fs: FileSystem, workspace: Workspace, source: ScannedSource): Promise<string[]> {
  if (source.packageName === null) return [];
  const copy = path.join(workspace.root, 'install', 'lib', source.packageName, path.basename(source.path));
  return (await fs.stat(copy))?.kind === 'file' ? [copy] : [];
}

export async function collectLaunchPaths(
  fs: FileSystem,
  workspace: Workspace | null,
  sources: readonly ScannedSource[],
  pathDirs: readonly string[],
): Promise<LaunchModel> {
  if (workspace === null) return EMPTY_LAUNCH_MODEL;
  const [entryPoints, buildInterpreters] = await Promise.all([findEntryPoints(fs, workspace), findBuildInterpreters(fs, workspace)]);
  const relative = (file: string): string => path.relative(workspace.root, file);
  const nodes = sources.filter((source) => source.role === 'node');

  const direct = await Promise.all(
    nodes.map(async (source): Promise<LaunchPath | null> => {
      const shebang = source.scan.shebang;
      const runner = await runnerOf(shebang, pathDirs, fs);
      if (shebang === null || runner === null) return null;
      return {
        kind: 'direct',
        file: source.path,
        packageName: source.packageName,
        command: `./${relative(source.path)}`,
        script: null,
        shebang,
        runner,
        environment: NO_OVERRIDES,
        declaredAt: shebangRangeOf(source.path, shebang),
      };
    }),
  );

  const rosrun = await Promise.all(
    nodes.flatMap((source) => {
      const relays = workspace.relays.filter((relay) => relay.target === source.path).map((relay) => relay.path);
      return [relays, installedCopies(fs, workspace, source)].map(async (pending) =>
        Promise.all(
          (await pending).map(async (script): Promise<LaunchPath | null> => {
            const shebang = await firstLineShebang(fs, script);
            const runner = await runnerOf(shebang, pathDirs, fs);
            if (runner === null) return null;
            return {
              kind: 'rosrun',
              file: source.path,
              packageName: source.packageName,
              command: `rosrun ${source.packageName ?? '?'} ${path.basename(source.path)}`,
              script,
              shebang,
              runner,
              environment: NO_OVERRIDES,
              declaredAt: source.scan.shebang === null ? null : shebangRangeOf(source.path, source.scan.shebang),
            };
          }),
        ),
      );
    }),
  );

  const ros2Run = await Promise.all(
    entryPoints.map(async (entry): Promise<LaunchPath | null> => {
      if (entry.source === null || entry.built === null) return null;
      const runner = await runnerOf(entry.built.shebang, pathDirs, fs);
      if (runner === null) return null;
      return {
        kind: 'ros2-run',
        file: entry.source,
        packageName: entry.packageName,
        command: `ros2 run ${entry.packageName} ${entry.name}`,
        script: entry.built.path,
        shebang: entry.built.shebang,
        runner,
        environment: NO_OVERRIDES,
        declaredAt: entry.declaredAt,
        ...(entry.built.distribution === null ? {} : { distribution: entry.built.distribution }),
      };
    }),
  );

  const [ros2Launch, editor] = await Promise.all([launchFilePaths(fs, sources, pathDirs), editorLaunchPaths(fs, workspace, sources)]);
  const paths = [...editor, ...direct, ...rosrun.flat(), ...ros2Run, ...ros2Launch].filter((entry): entry is LaunchPath => entry !== null);
  return { paths, entryPoints, buildInterpreters };
}

/** A ROS 2 launch file's own code runs inside `ros2 launch`: the interpreter on the `ros2` command's #! line. */
async function launchFilePaths(fs: FileSystem, sources: readonly ScannedSource[], pathDirs: readonly string[]): Promise<LaunchPath[]> {
  const launchFiles = sources.filter((source) => /\/launch\/[^/]+\.launch\.py$/.test(source.path));
  if (launchFiles.length === 0) return [];
  const ros2 = await findOnPath('ros2', pathDirs, fs);
  if (ros2 === null) return [];
  const shebang = await firstLineShebang(fs, ros2);
  const runner = await runnerOf(shebang, pathDirs, fs);
  if (runner === null) return [];
  return launchFiles.map((source) => ({
    kind: 'ros2-launch',
    file: source.path,
    packageName: source.packageName,
    command: `ros2 launch ${source.packageName ?? '?'} ${path.basename(source.path)}`,
    script: ros2,
    shebang,
    runner,
    environment: NO_OVERRIDES,
    declaredAt: null,
  }));
}
