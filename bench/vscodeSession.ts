// The one way the bench runs code inside a real VS Code: an entry in bench/vscode/ is bundled for the extension
// host, code-server + headless Chromium start through the e2e harness with the extension under development, the
// entry measures and writes its figures as JSON to the file named by an environment variable, and this reads them.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { build } from 'esbuild';
import { runExtensionTests, type RunExtensionTestsOptions } from '../test/e2e/harness/runExtensionTests';
import { REPO_ROOT } from './engine';

export type HostFailure = { readonly kind: 'failed'; readonly detail: string };

/** Bundles bench/vscode/<name>.ts into `outDir` for the extension host (vscode left to the host); returns the file. */
export async function buildHostEntry(name: string, outDir: string): Promise<string> {
  const entry = path.join(outDir, `${name}.js`);
  await build({
    entryPoints: [path.join(REPO_ROOT, 'bench', 'vscode', `${name}.ts`)],
    outfile: entry,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return entry;
}

export interface HostRun {
  /** A bundle from buildHostEntry. */
  readonly entry: string;
  /** The variable that tells the entry where to write its JSON, and that file. */
  readonly outVariable: string;
  readonly outFile: string;
  readonly session: Omit<RunExtensionTestsOptions, 'extensionDevelopmentPath' | 'extensionTestsPath'>;
}

/** One code-server session running the entry; what it wrote, or why there is nothing. */
export async function runHostEntry<T>(run: HostRun): Promise<T | HostFailure> {
  const session = await runExtensionTests({
    ...run.session,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: run.entry,
    env: { ...run.session.env, [run.outVariable]: run.outFile },
  });
  const text = await readFile(run.outFile, 'utf8').catch(() => undefined);
  if (text === undefined)
    return {
      kind: 'failed',
      detail: `no result from the extension host (${session.kind}, exit ${session.exitCode}; log ${session.logFile})`,
    };
  return JSON.parse(text) as T | HostFailure;
}
