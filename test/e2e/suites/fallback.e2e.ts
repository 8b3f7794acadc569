/// <reference types="mocha" />
// Without the Python extension: the interpreter comes from python.defaultInterpreterPath (read from the folder's
// settings even though no extension registers it), then python3 on PATH; switching writes that setting.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/editor/commandIds';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';
import { EXTENSION_ID, pyenv311, waitFor } from './suiteSupport';

describe('editor: interpreter without the Python extension', function () {
  this.timeout(180_000);

  it('diagnoses with python.defaultInterpreterPath, and the switch quick fix rewrites that setting', async function () {
    const isolated = pyenv311();
    if (vscode.extensions.getExtension('ms-python.python') !== undefined || !vscode.workspace.isTrusted || isolated === undefined) this.skip();
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const settingsDir = join(folder.uri.fsPath, '.vscode');
    const settingsFile = join(settingsDir, 'settings.json');
    mkdirSync(settingsDir, { recursive: true });
    writeFileSync(settingsFile, `${JSON.stringify({ 'python.defaultInterpreterPath': isolated }, null, 2)}\n`);
    try {
      const node = vscode.Uri.joinPath(folder.uri, 'src', 'perception_demo', 'scripts', 'detector_node.py');
      const document = await vscode.workspace.openTextDocument(node);
      await vscode.window.showTextDocument(document);
      await waitFor('a diagnosis with the interpreter from the setting', () => api.diagnosis(folder)?.selected.interpreter.path === isolated);
      assert.equal(api.interpreterProviderKind(), 'fallback');
      // One cause, one message: the wrong interpreter is one error, on the first failing import, naming torch.
      const torch = await waitFor('an error naming torch', () =>
        vscode.languages.getDiagnostics(node).find((d) => d.source === 'ROS Env Doctor' && d.severity === vscode.DiagnosticSeverity.Error && /\btorch\b/.test(d.message)),
      );
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', node, torch.range, vscode.CodeActionKind.QuickFix.value);
      const switchTo = actions.find((a) => String(a.command?.arguments?.[0]).includes('/selectInterpreter/'));
      assert.ok(switchTo?.command, `a switch fix: ${actions.map((a) => a.title).join(' | ')}`);
      const [id, uri] = (switchTo.command.arguments ?? []) as unknown[];
      assert.equal(await vscode.commands.executeCommand(COMMANDS.applyFix, id, uri, { confirmed: true }), true);
      const written = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
      assert.notEqual(written['python.defaultInterpreterPath'], isolated);
      await waitFor('no error naming torch', () => !vscode.languages.getDiagnostics(node).some((d) => d.source === 'ROS Env Doctor' && d.severity === vscode.DiagnosticSeverity.Error && /\btorch\b/.test(d.message)));
    } finally {
      rmSync(settingsDir, { recursive: true, force: true });
    }
  });
});
