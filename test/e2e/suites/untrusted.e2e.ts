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

  it('Show Report, Copy Report as Markdown, Probe Environment, Select a Working Interpreter and the status item explain why they do nothing', async function () {
    if (vscode.workspace.isTrusted) this.skip();
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const summary = api.statusSummary();
    assert.match(summary?.tooltip ?? '', /trust/i, 'the status item says what to do');
    const commands = [
      [COMMANDS.showReport, 'Show Report'],
      [COMMANDS.copyReportMarkdown, 'Copy Report as Markdown'],
      [COMMANDS.probeEnvironment, 'Probe Environment'],
      [COMMANDS.selectWorkingInterpreter, 'Select a Working Interpreter'],
    ] as const;
    for (const [command, name] of commands) {
      await vscode.commands.executeCommand(command);
      assert.match(
        api.lastExplanation() ?? '',
        new RegExp(`^ROS Env Doctor: ${name} needs a trusted workspace`),
        `${command} explains itself`,
      );
    }
    // Clicking the status item runs Show Report (src/editor/statusItem.ts): it explains itself every time, not once.
    await vscode.commands.executeCommand(COMMANDS.showReport);
    assert.match(api.lastExplanation() ?? '', /Show Report needs a trusted workspace/);
    assert.equal(api.processesSpawned(), 0);
  });
});
