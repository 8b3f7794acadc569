/// <reference types="mocha" />
// Smoke suite: the extension wakes up by itself on a catkin workspace, and the Python API it may use
// (served here by the stand-in in test/e2e/fakePythonExtension) answers as @vscode/python-extension says.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { PythonExtension } from '@vscode/python-extension';
import * as vscode from 'vscode';
import { requestScreenshot } from '../harness/requestScreenshot';

const EXTENSION_ID = 'ros-env-doctor.ros-env-doctor';

async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(100);
  }
}

function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test opens a workspace folder');
  return folder;
}

describe('activation on a catkin workspace', () => {
  it('activates ROS Env Doctor by itself when a catkin workspace is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded in the extension host`);
    // No activate() call: the point is that the workspace markers wake it up.
    await waitFor(`${EXTENSION_ID} to activate`, () => extension.isActive, 30_000);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a folder is open');
    await requestScreenshot('activation');
  });
});

type StandInConfig = { environments: { path: string }[]; active: string; environmentVariables: Record<string, string> };

function standInConfig(): StandInConfig | undefined {
  const file = process.env.FAKE_PYTHON_EXTENSION_CONFIG;
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as StandInConfig) : undefined;
}

describe('the Python extension API as the extension sees it', () => {
  it('answers with the interpreter the test selected, resolved from the real binary', async function () {
    const config = standInConfig();
    if (config === undefined) this.skip();
    const api = await PythonExtension.api();
    await api.ready;
    const folder = workspaceFolder();
    assert.equal(api.environments.getActiveEnvironmentPath(folder.uri).path, config.active);
    assert.deepEqual(
      api.environments.known.map((env) => env.path),
      config.environments.map((env) => env.path),
    );
    const resolved = await api.environments.resolveEnvironment(config.active);
    assert.ok(resolved, `${config.active} resolves`);
    assert.equal(resolved.version?.major, 3);
    assert.ok(resolved.executable.sysPrefix.length > 0);
    assert.equal(await api.environments.resolveEnvironment('/nonexistent/bin/python'), undefined);
  });

  it('tells listeners when the selected interpreter changes', async function () {
    const config = standInConfig();
    const other = config?.environments.find((env) => env.path !== config.active);
    if (config === undefined || other === undefined) this.skip();
    const api = await PythonExtension.api();
    const folder = workspaceFolder();
    const changed = new Promise<string>((resolve) => {
      const subscription = api.environments.onDidChangeActiveEnvironmentPath((event) => {
        subscription.dispose();
        resolve(event.path);
      });
    });
    await api.environments.updateActiveEnvironmentPath(other.path, folder);
    assert.equal(await changed, other.path);
    assert.equal(api.environments.getActiveEnvironmentPath(folder.uri).path, other.path);
    // Put it back for suites that run after this one.
    await api.environments.updateActiveEnvironmentPath(config.active, folder);
  });

  it('hands out the environment variables the test configured', async function () {
    const config = standInConfig();
    if (config === undefined) this.skip();
    const api = await PythonExtension.api();
    const variables = api.environments.getEnvironmentVariables(workspaceFolder());
    for (const [key, value] of Object.entries(config.environmentVariables)) assert.equal(variables[key], value);
  });
});
