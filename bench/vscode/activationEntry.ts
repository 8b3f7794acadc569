// Runs INSIDE a real VS Code extension host (code-server) as the extensionTestsPath: activates ROS Env Doctor
// through VS Code's own API and writes how long it took to the file named by BENCH_ACTIVATION_OUT.
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ros-env-doctor.ros-env-doctor';
/** An extension whose activate() does nothing: what VS Code itself costs to activate any extension. */
const EMPTY_ID = 'bench.empty-extension';
const SETTLE_MS = 3000;

async function timeActivation(id: string): Promise<number | null> {
  const extension = vscode.extensions.getExtension(id);
  if (extension === undefined || extension.isActive) return null;
  const started = performance.now();
  await extension.activate();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const out = process.env.BENCH_ACTIVATION_OUT;
  if (out === undefined) throw new Error('BENCH_ACTIVATION_OUT is not set');
  const extension = vscode.extensions.getExtension<{ activationMs?: unknown }>(EXTENSION_ID);
  if (extension === undefined) {
    await writeFile(out, JSON.stringify({ kind: 'failed', detail: `${EXTENSION_ID} is not loaded in the extension host` }));
    return;
  }
  // run() is called while the workbench is still restoring; measure once the host has settled.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const emptyMs = await timeActivation(EMPTY_ID);
  const wasActive = extension.isActive;
  const started = performance.now();
  const api = await extension.activate();
  const ms = performance.now() - started;
  const body = typeof api?.activationMs === 'number' ? api.activationMs : null;
  await writeFile(out, JSON.stringify({ kind: 'ok', ms, wasActive, activateBodyMs: body, emptyMs }));
}
