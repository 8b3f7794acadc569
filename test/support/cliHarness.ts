// Runs the built CLI on a small catkin workspace the way a user would (`ros-env-doctor <ws> --python … --format json`).
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonFinding, JsonReport } from '../../src/cli/jsonOutput';
import type { FixSpec } from '../../src/core/findings/fixSpec';
import { pyenvRoot } from './prerequisites';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export function ensureCliBuilt(): void {
  if (!existsSync(CLI))
    spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: join(import.meta.dirname, '..', '..'), stdio: 'inherit' });
}

/** A catkin_make workspace with one package whose node has `text`; returns the node's path. */
export async function nodeWorkspace(root: string, text: string): Promise<string> {
  const scripts = join(root, 'src', 'demo_pkg', 'scripts');
  await mkdir(scripts, { recursive: true });
  await writeFile(join(root, '.catkin_workspace'), '# catkin workspace marker\n');
  await writeFile(
    join(root, 'src', 'demo_pkg', 'package.xml'),
    '<?xml version="1.0"?>\n<package format="2"><name>demo_pkg</name><version>0.1.0</version><description>d</description><maintainer email="a@b.c">a</maintainer><license>MIT</license><buildtool_depend>catkin</buildtool_depend><depend>rospy</depend></package>\n',
  );
  const node = join(scripts, 'node.py');
  await writeFile(node, text);
  await chmod(node, 0o755);
  return node;
}

export function diagnoseWithCli(
  root: string,
  python: string,
  env: Readonly<Record<string, string>>,
  cacheDir: string,
): Promise<JsonReport> {
  const fullEnv = { ...env, PYENV_ROOT: pyenvRoot() ?? '/nonexistent', XDG_CACHE_HOME: cacheDir };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, root, '--python', python, '--format', 'json', '--no-source', '--no-cache'],
      { env: fullEnv, timeout: 180_000, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        if (error !== null && error.code !== 1) reject(new Error(`the CLI failed (${String(error.code)}): ${stderr}`));
        else resolve(JSON.parse(stdout) as JsonReport);
      },
    );
  });
}

export const findingAt = (report: JsonReport, code: string, file: string, line: number): JsonFinding | undefined =>
  report.findings.find((f) => f.code === code && f.file === file && f.line === line);

export const onLine = (report: JsonReport, file: string, line: number): JsonFinding[] =>
  report.findings.filter((f) => f.file === file && f.line === line);

export const reportSummary = (report: JsonReport): string =>
  report.findings.map((f) => `${f.code} ${f.file ?? ''}:${f.line ?? ''} ${f.message}`).join('\n');

export const fixCommands = (fixes: readonly FixSpec[]): string[] =>
  fixes.flatMap((f) =>
    f.kind === 'installPackages' ? [f.command] : f.kind === 'runInTerminal' || f.kind === 'createEnvironment' ? [...f.commands] : [],
  );
