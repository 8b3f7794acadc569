// activation in a real VS Code: code-server + headless Chromium through the e2e harness (test/e2e/harness), with
// bench/vscode/activationEntry.ts as the test entry. It activates the extension itself on an empty folder (so
// nothing has activated it before) and times VS Code's extension.activate(): module load + activate() in the host.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { runExtensionTests } from '../test/e2e/harness/runExtensionTests';
import { REPO_ROOT } from './engine';

export type VsCodeActivation =
  | { readonly kind: 'ok'; readonly ms: number; readonly wasActive: boolean; readonly activateBodyMs: number | null }
  | { readonly kind: 'failed'; readonly detail: string };

export async function activationInVsCode(): Promise<VsCodeActivation> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ros-env-doctor-bench-vscode-'));
  try {
    const entry = path.join(dir, 'entry', 'activationEntry.js');
    await build({ entryPoints: [path.join(REPO_ROOT, 'bench', 'vscode', 'activationEntry.ts')], outfile: entry, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
    const folder = path.join(dir, 'folder');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    const out = path.join(dir, 'activation.json');
    const run = await runExtensionTests({
      name: 'bench-activation',
      workspace: folder,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: entry,
      env: { BENCH_ACTIVATION_OUT: out },
      timeoutMs: 120_000,
    });
    const text = await readFile(out, 'utf8').catch(() => undefined);
    if (text === undefined) return { kind: 'failed', detail: `no result from the extension host (${run.kind}, exit ${run.exitCode}; log ${run.logFile})` };
    return JSON.parse(text) as VsCodeActivation;
  } catch (error) {
    return { kind: 'failed', detail: String(error) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
