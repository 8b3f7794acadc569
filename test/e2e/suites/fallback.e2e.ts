/// <reference types="mocha" />
// Without the Python extension: the interpreter comes from python.defaultInterpreterPath (read from the folder's
// settings even though no extension registers it), then python3 on PATH; switching edits that setting in the
// folder's settings.json — a file with comments, as VS Code's settings files usually are — and Undo restores it.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';
import { commentedSettings } from '../harness/commentedSettings';
import { applyRospySwitchFix, EXTENSION_ID, pyenv311, rospyDiagnostic, skipForMissing, waitFor } from './suiteSupport';

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
      await applyRospySwitchFix(api, document);

      const written = readFileSync(settingsFile, 'utf8');
      const chosen = /"python\.defaultInterpreterPath": "([^"]+)"/.exec(written)?.[1];
      assert.ok(chosen !== undefined && chosen !== isolated, `the setting names another interpreter:\n${written}`);
      // Only the value changed: every comment, the tabs, the trailing comma and the other setting are where they were.
      assert.equal(written, original.replace(isolated, chosen));
      await waitFor('rospy no longer underlined', () => rospyDiagnostic(document) === undefined);

      assert.equal(await api.undoLatestChange(), true);
      assert.equal(readFileSync(settingsFile, 'utf8'), original, 'Undo restores the file byte for byte');
      await waitFor('rospy underlined again', () => rospyDiagnostic(document));
    } finally {
      rmSync(settingsDir, { recursive: true, force: true });
    }
  });
});
