// Runs INSIDE a real VS Code extension host (code-server) as the extensionTestsPath: activates ROS Env Doctor
// through VS Code's own API and writes how long it took to the file named by BENCH_ACTIVATION_OUT.
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ros-env-doctor.ros-env-doctor';

export async function run(): Promise<void> {
  const out = process.env.BENCH_ACTIVATION_OUT;
  if (out === undefined) throw new Error('BENCH_ACTIVATION_OUT is not set');
  const extension = vscode.extensions.getExtension<{ activationMs?: unknown }>(EXTENSION_ID);
  if (extension === undefined) {
    await writeFile(out, JSON.stringify({ kind: 'failed', detail: `${EXTENSION_ID} is not loaded in the extension host` }));
    return;
  }
  const wasActive = extension.isActive;
  const started = performance.now();
  const api = await extension.activate();
  const ms = performance.now() - started;
  const body = typeof api?.activationMs === 'number' ? api.activationMs : null;
  await writeFile(out, JSON.stringify({ kind: 'ok', ms, wasActive, activateBodyMs: body }));
}
