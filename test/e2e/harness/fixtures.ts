// What every end-to-end run starts from, shared by the code-server runner (smoke.test.ts) and the
// Electron runner: a throwaway copy of examples/catkin_ws, and the Python API stand-in's config
// listing real interpreters of this machine.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './tools';

export const EXAMPLE_WORKSPACE = join(REPO_ROOT, 'examples', 'catkin_ws');
export const E2E_OUT = join(REPO_ROOT, 'out', 'e2e');
export const MOCHA_INDEX = join(E2E_OUT, 'mochaIndex.js');
export const FAKE_PYTHON_EXTENSION = join(E2E_OUT, 'fakePythonExtension');
export const FAKE_PYTHON_ENVS_EXTENSION = join(E2E_OUT, 'fakePythonEnvsExtension');

export type Fixture = {
  /** The copy of examples/catkin_ws the workbench opens. */
  readonly workspace: string;
  /** FAKE_PYTHON_EXTENSION_CONFIG for the stand-in; suites may rewrite it (it is watched). */
  readonly standInConfig: string;
  readonly remove: () => Promise<void>;
};

/** The stand-in's config: which interpreters exist and which one is selected. */
export type StandInConfig = {
  readonly environments: readonly { readonly path: string; readonly name?: string }[];
  readonly active: string;
  readonly environmentVariables: Readonly<Record<string, string>>;
};

export async function prepareFixture(config: StandInConfig): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'red-e2e-ws-'));
  const workspace = join(dir, 'catkin_ws');
  await cp(EXAMPLE_WORKSPACE, workspace, { recursive: true });
  const standInConfig = join(dir, 'python-standin.json');
  await writeFile(standInConfig, `${JSON.stringify(config, null, 2)}\n`);
  return { workspace, standInConfig, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Bundles the in-host suites, the Mocha entry and the stand-in (scripts/e2e/buildTests.mjs). */
export function buildE2eBundles(): void {
  run([join(REPO_ROOT, 'scripts', 'e2e', 'buildTests.mjs')]);
}

/** The extension itself (dist/extension.js, dist/cli.js), as `npm run build` does. */
export function buildExtension(production = false): void {
  run([join(REPO_ROOT, 'scripts', 'build.mjs'), ...(production ? ['--production'] : [])]);
}

/** `npm run package` into outFile. */
export function packageVsix(outFile: string): void {
  run([join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', outFile]);
}

function run(args: readonly string[]): void {
  const result = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 5 * 60_000,
  });
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
}
