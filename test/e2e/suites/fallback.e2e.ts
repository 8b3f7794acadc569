/// <reference types="mocha" />
// Without the Python extension: the interpreter comes from python.defaultInterpreterPath, then python3 on PATH.
import * as assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';

const EXTENSION_ID = 'ros-env-doctor.ros-env-doctor';

describe('editor: interpreter without the Python extension', function () {
  this.timeout(120_000);

  it('uses python.defaultInterpreterPath and diagnoses with it', async function () {
    if (vscode.extensions.getExtension('ms-python.python') !== undefined || !vscode.workspace.isTrusted) this.skip();
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    await vscode.workspace.getConfiguration('python', folder.uri).update('defaultInterpreterPath', '/usr/bin/python3', vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'src', 'perception_demo', 'scripts', 'talker.py'));
    const deadline = Date.now() + 90_000;
    while (api.diagnosis(folder)?.selected.interpreter.path !== '/usr/bin/python3') {
      if (Date.now() > deadline) assert.fail('no diagnosis with the interpreter from python.defaultInterpreterPath');
      await delay(150);
    }
    assert.equal(api.interpreterProviderKind(), 'fallback');
  });
});
