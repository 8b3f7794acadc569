/// <reference types="mocha" />
// Without the Python extension: the interpreter comes from python.defaultInterpreterPath (read from the folder's
// settings even though no extension registers it), then python3 on PATH; switching edits that setting in the
// folder's settings.json — a file with comments, as VS Code's settings files usually are — and Undo restores it.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';
import { EXTENSION_ID, pyenv311, waitFor, skipForMissing } from './suiteSupport';

/** A settings file as people write them: comments, a trailing comma, tabs, another setting after ours. */
function commentedSettings(interpreter: string): string {
  return [
    '// Workspace settings for the robot',
    '{',
    '\t// the venv with our extra tools',
    `\t"python.defaultInterpreterPath": "${interpreter}", // set by hand`,
    '\t/* keep the editor calm */',
    '\t"editor.formatOnSave": false,',
    '}',
    '',
  ].join('\n');
}

describe('editor: interpreter without the Python extension', function () {
  this.timeout(300_000);

  it('diagnoses with python.defaultInterpreterPath; the switch quick fix edits a commented settings.json, keeping its comments, and Undo restores it', async function () {
    const isolated = pyenv311();
    if (vscode.extensions.getExtension('ms-python.python') !== undefined || !vscode.workspace.isTrusted) this.skip();
    if (isolated === undefined) skipForMissing(this, 'pyenv 3.11 (pyenv install 3.11)');
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const settingsDir = join(folder.uri.fsPath, '.vscode');
    const settingsFile = join(settingsDir, 'settings.json');
    mkdirSync(settingsDir, { recursive: true });
    const original = commentedSettings(isolated);
    writeFileSync(settingsFile, original);
    try {
      const node = vscode.Uri.joinPath(folder.uri, 'src', 'perception_demo', 'scripts', 'detector_node.py');
      const document = await vscode.workspace.openTextDocument(node);
      await vscode.window.showTextDocument(document);
      await waitFor(
        'a diagnosis with the interpreter from the setting',
        () => api.diagnosis(folder)?.selected.interpreter.path === isolated,
      );
      assert.equal(api.interpreterProviderKind(), 'fallback');
      const rospyUnderlined = (): vscode.Diagnostic | undefined =>
        vscode.languages.getDiagnostics(node).find((d) => d.source === 'ROS Env Doctor' && document.getText(d.range) === 'rospy');
      await waitFor('rospy underlined (the first failing import: one cause, one message)', rospyUnderlined);
      // The selected interpreter's answer is shown first; the switch fix comes with the other interpreters' answers.
      await api.whenIdle();
      const rospy = rospyUnderlined();
      assert.ok(rospy);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        node,
        rospy.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const switchTo = actions.find((a) => String(a.command?.arguments?.[0]).includes('/selectInterpreter/'));
      assert.ok(switchTo?.command, `a switch fix: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(
        await vscode.commands.executeCommand(switchTo.command.command, ...((switchTo.command.arguments ?? []) as unknown[])),
        true,
      );

      const written = readFileSync(settingsFile, 'utf8');
      const chosen = /"python\.defaultInterpreterPath": "([^"]+)"/.exec(written)?.[1];
      assert.ok(chosen !== undefined && chosen !== isolated, `the setting names another interpreter:\n${written}`);
      // Only the value changed: every comment, the tabs, the trailing comma and the other setting are where they were.
      assert.equal(written, original.replace(isolated, chosen));
      await waitFor('rospy no longer underlined', () => rospyUnderlined() === undefined);

      assert.equal(await api.undoLatestChange(), true);
      assert.equal(readFileSync(settingsFile, 'utf8'), original, 'Undo restores the file byte for byte');
      await waitFor('rospy underlined again', rospyUnderlined);
    } finally {
      rmSync(settingsDir, { recursive: true, force: true });
    }
  });
});
