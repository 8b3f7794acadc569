// activation in a real VS Code: code-server + headless Chromium through the e2e harness (test/e2e/harness), with
// bench/vscode/activationEntry.ts as the test entry. It activates the extension itself on an empty folder (so
// nothing has activated it before) and times VS Code's extension.activate(): module load + activate() in the host.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildHostEntry, runHostEntry } from './vscodeSession';

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
    const entry = await buildHostEntry('activationEntry', path.join(dir, 'entry'));
    const folder = path.join(dir, 'folder');
    await mkdir(folder);
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
    return await runHostEntry<VsCodeActivation>({
      entry,
      outVariable: 'BENCH_ACTIVATION_OUT',
      outFile: path.join(dir, 'activation.json'),
      session: { name: 'bench-activation', workspace: folder, extraExtensions: [empty], timeoutMs: 120_000 },
    });
  } catch (error) {
    return { kind: 'failed', detail: String(error) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
