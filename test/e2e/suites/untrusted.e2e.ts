/// <reference types="mocha" />
// Restricted mode: no interpreter from the workspace runs and no setup script is sourced — in fact nothing runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/editor/commandIds';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';
import { requestScreenshot } from '../harness/requestScreenshot';
import { waitFor } from './suiteSupport';

const EXTENSION_ID = 'ros-env-doctor.ros-env-doctor';

describe('editor: untrusted workspace', function () {
  this.timeout(60_000);

  it('spawns no process and says why in the status bar', async function () {
    if (vscode.workspace.isTrusted) this.skip();
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'src', 'perception_demo', 'scripts', 'detector_node.py'));
    await waitFor('the status item to say restricted mode', () => /restricted/.test(api.statusSummary()?.text ?? ''));
    await vscode.commands.executeCommand(COMMANDS.probeEnvironment).then(undefined, () => undefined);
    await api.whenIdle();
    assert.equal(api.processesSpawned(), 0);
    assert.equal(api.diagnosis(folder), undefined);
    assert.match(api.statusSummary()?.text ?? '', /restricted/);
    await requestScreenshot('untrusted-status');
  });
});
