// activation in a real VS Code: code-server + headless Chromium through the e2e harness (test/e2e/harness), with
// bench/vscode/activationEntry.ts as the test entry. It activates the extension itself on an empty folder (so
// nothing has activated it before) and times VS Code's extension.activate(): module load + activate() in the host.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { runExtensionTests } from '../test/e2e/harness/runExtensionTests';
import { REPO_ROOT } from './engine';

export type VsCodeActivation =
  | {
      readonly kind: 'ok';
      readonly ms: number;
      readonly wasActive: boolean;
      readonly activateBodyMs: number | null;
      /** The same activate() of an extension that does nothing, in the same host just before: VS Code's own share. */
      readonly emptyMs: number | null;
    }
  | { readonly kind: 'failed'; readonly detail: string };

export async function activationInVsCode(): Promise<VsCodeActivation> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ros-env-doctor-bench-vscode-'));
  try {
    const entry = path.join(dir, 'entry', 'activationEntry.js');
    await build({
      entryPoints: [path.join(REPO_ROOT, 'bench', 'vscode', 'activationEntry.ts')],
      outfile: entry,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode'],
      logLevel: 'warning',
    });
    const folder = path.join(dir, 'folder');
    await mkdir(folder);
    const out = path.join(dir, 'activation.json');
    const empty = path.join(dir, 'empty-extension');
    await mkdir(empty);
    await writeFile(
      path.join(empty, 'package.json'),
      JSON.stringify({
        name: 'empty-extension',
        publisher: 'bench',
        version: '0.0.1',
        engines: { vscode: '^1.93.0' },
        main: './extension.js',
        activationEvents: [],
      }),
    );
    await writeFile(path.join(empty, 'extension.js'), 'exports.activate = function () {};\nexports.deactivate = function () {};\n');
    const run = await runExtensionTests({
      name: 'bench-activation',
      workspace: folder,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: entry,
      env: { BENCH_ACTIVATION_OUT: out },
      extraExtensions: [empty],
      timeoutMs: 120_000,
    });
    const text = await readFile(out, 'utf8').catch(() => undefined);
    if (text === undefined)
      return { kind: 'failed', detail: `no result from the extension host (${run.kind}, exit ${run.exitCode}; log ${run.logFile})` };
    return JSON.parse(text) as VsCodeActivation;
  } catch (error) {
    return { kind: 'failed', detail: String(error) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
