/// <reference types="mocha" />
// The editor layer on a real catkin workspace with real interpreters: diagnostics on the import lines, quick
// fixes and their effects, Probe Environment and the report, the status item. Runs in whichever interpreter
// mode the harness started (Python API stand-in installed, or the python.defaultInterpreterPath fallback).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { PythonExtension } from '@vscode/python-extension';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/editor/commandIds';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';
import { assertStatusMatchesProblems, screenshotQuickFixMenu, EXTENSION_ID, pyenv311, waitFor, skipForMissing } from './suiteSupport';
import { requestScreenshot } from '../harness/requestScreenshot';

const SOURCE = 'ROS Env Doctor';
const HEALTHY = '/usr/bin/python3';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

describe('editor: diagnostics and quick fixes on a catkin workspace', function () {
  this.timeout(180_000);
  let api: RosEnvDoctorApi;
  let folder: vscode.WorkspaceFolder;
  let node: vscode.Uri;
  let temp: string;
  let venvPython: string;
  let withStandIn: boolean;

  async function selectInterpreter(path: string): Promise<void> {
    if (withStandIn) await (await PythonExtension.api()).environments.updateActiveEnvironmentPath(path, folder);
    else
      await vscode.workspace
        .getConfiguration('python', folder.uri)
        .update('defaultInterpreterPath', path, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor(`a diagnosis with ${path} selected`, () => api.diagnosis(folder)?.selected.interpreter.path === path);
    await api.whenIdle();
  }

  /** Our diagnostics on the import lines of rospy, torch and cv_bridge, keyed by the underlined text. */
  function importProblems(document: vscode.TextDocument): Map<string, vscode.Diagnostic> {
    const byName = new Map<string, vscode.Diagnostic>();
    for (const d of ours(document.uri)) {
      const text = document.getText(d.range);
      if (['rospy', 'torch', 'cv_bridge'].includes(text)) byName.set(text, d);
    }
    return byName;
  }

  before(async function () {
    const python = pyenv311();
    if (python === undefined) skipForMissing(this, 'pyenv 3.11 (pyenv install 3.11)');
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    api = await extension.activate();
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first, 'a workspace folder is open');
    folder = first;
    withStandIn = vscode.extensions.getExtension('ms-python.python') !== undefined;
    if (!vscode.workspace.isTrusted) this.skip();
    // An isolated venv from pyenv 3.11: no system site packages, so no rospy, torch or cv_bridge.
    temp = mkdtempSync(join(tmpdir(), 'red-e2e-venv-'));
    // Asynchronously: a synchronous child would freeze the extension host the suite shares with the extension.
    await promisify(execFile)(python, ['-m', 'venv', '--without-pip', join(temp, 'venv')], { timeout: 120_000 });
    venvPython = join(temp, 'venv', 'bin', 'python');
    node = vscode.Uri.joinPath(folder.uri, 'src', 'perception_demo', 'scripts', 'detector_node.py');
    await vscode.window.showTextDocument(node);
  });

  after(async () => {
    if (folder !== undefined && api !== undefined) await selectInterpreter(HEALTHY).catch(() => undefined);
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
  });

  it('uses the Python extension when it is installed, and the setting otherwise', async () => {
    await waitFor('the interpreter provider', () => api.interpreterProviderKind() !== 'not-started');
    assert.equal(api.interpreterProviderKind(), withStandIn ? 'python-extension' : 'fallback');
  });

  it('shows no problem on import rospy, import torch or from cv_bridge import CvBridge with /usr/bin/python3', async () => {
    await selectInterpreter(HEALTHY);
    const document = await vscode.workspace.openTextDocument(node);
    assert.deepEqual([...importProblems(document).keys()], []);
    const diagnosis = api.diagnosis(folder);
    assert.ok(diagnosis?.modules.includes('torch') && diagnosis.modules.includes('rospy') && diagnosis.modules.includes('cv_bridge'));
  });

  it('one cause, one message: an isolated pyenv 3.11 venv gets one error on import rospy, naming torch and cv_bridge as related places', async () => {
    await selectInterpreter(venvPython);
    const document = await vscode.workspace.openTextDocument(node);
    const problems = await waitFor('one problem on the first failing import', () => {
      const found = importProblems(document);
      return found.size === 1 && found.has('rospy') ? found : undefined;
    });
    for (const [name, d] of problems) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error, `${name} is an error`);
      assert.match(d.message, new RegExp(name));
      assert.ok(['module-missing', 'module-import-error', 'ros-deps-missing'].includes(codeOf(d)), `${name}: ${codeOf(d)}`);
      const related = (d.relatedInformation ?? []).map((item) => `${item.location.range.start.line + 1} ${item.message}`).join('\n');
      assert.match(related, /torch/, 'torch is a related place of the same cause');
      assert.match(related, /cv_bridge/, 'cv_bridge is a related place of the same cause');
    }
    assert.equal(ours(node).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 1, 'one error in the node for one cause');
    const coloredlogs = ours(node).find((d) => document.getText(d.range) === 'coloredlogs');
    assert.equal(coloredlogs?.severity, vscode.DiagnosticSeverity.Hint, 'the optional import is a hint, not a squiggle');
    if (withStandIn)
      assert.equal(api.diagnosis(folder)?.environment.vars.ROS_ENV_DOCTOR_E2E, '1', 'the Python extension variables reach the probes');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await requestScreenshot('host-problems');
    const rospy = problems.get('rospy');
    assert.ok(rospy);
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(rospy.range.start, rospy.range.start);
    await vscode.commands.executeCommand('editor.action.showHover');
    await delay(800);
    await requestScreenshot('host-hover');
  });

  it('typing in the node reuses cached probes and spawns no process', async () => {
    const document = await vscode.workspace.openTextDocument(node);
    const editor = await vscode.window.showTextDocument(document);
    await api.whenIdle();
    const before = api.processesSpawned();
    // Each edit schedules a diagnosis before editor.edit resolves, so whenIdle covers all of them.
    for (const text of ['\n# a', 'b', 'c'])
      await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, text));
    await api.whenIdle();
    assert.equal(api.processesSpawned(), before, 'no process for keystrokes');
    assert.equal(importProblems(document).size, 1, 'the problem stays on the import');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers quick fixes with one preferred, and switching to a working interpreter clears the problems', async () => {
    const document = await vscode.workspace.openTextDocument(node);
    const torch = importProblems(document).get('rospy');
    assert.ok(torch, 'rospy, the first failing import, is underlined');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      node,
      torch.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const mine = actions.filter((a) => a.command?.command === COMMANDS.applyFix || a.edit !== undefined);
    assert.ok(mine.length >= 2, `quick fixes: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(mine.filter((a) => a.isPreferred).length, 1, 'exactly one preferred fix');
    await screenshotQuickFixMenu(document, torch.range.start, 'host-quickfix');
    const switchTo = mine.find((a) => String(a.command?.arguments?.[0]).includes('/selectInterpreter/'));
    assert.ok(switchTo?.command, `a fix switches the interpreter: ${mine.map((a) => a.title).join(' | ')}`);
    // Picked by its name, the fix needs no second question: the command switches at once.
    assert.equal(
      await vscode.commands.executeCommand(switchTo.command.command, ...((switchTo.command.arguments ?? []) as unknown[])),
      true,
    );
    await waitFor('the problems on the imports to clear', () => importProblems(document).size === 0);
    assert.notEqual(api.diagnosis(folder)?.selected.interpreter.path, venvPython);
    // The notification's Undo puts the venv back through the same API, and the problems return.
    assert.equal(await api.undoLatestChange(), true);
    await waitFor('the venv selected again', () => api.diagnosis(folder)?.selected.interpreter.path === venvPython);
    if (withStandIn) assert.equal((await PythonExtension.api()).environments.getActiveEnvironmentPath(folder.uri).path, venvPython);
    await waitFor('the problem back on the first failing import', () => importProblems(document).size === 1);
  });

  it('types the exact install command into a visible terminal without running it', async () => {
    await selectInterpreter(venvPython);
    const document = await vscode.workspace.openTextDocument(node);
    const torch = await waitFor('rospy underlined', () => importProblems(document).get('rospy'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      node,
      torch.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const install = actions.find((a) => String(a.command?.arguments?.[0]).includes('/installPackages/'));
    assert.ok(install?.command, `an install fix: ${actions.map((a) => a.title).join(' | ')}`);
    const expected = api
      .diagnosis(folder)
      ?.findings.flatMap((f) => f.fixes)
      .find((fix) => fix.kind === 'installPackages' && fix.title === install.title);
    assert.ok(expected?.kind === 'installPackages');
    const terminalsBefore = vscode.window.terminals.length;
    await vscode.commands.executeCommand(install.command.command, ...((install.command.arguments ?? []) as unknown[]));
    const terminal = await waitFor(
      'a ROS Env Doctor terminal',
      () => vscode.window.terminals.length > terminalsBefore && vscode.window.terminals.find((t) => t.name === 'ROS Env Doctor'),
    );
    assert.equal(api.lastTerminalText(), expected.command);
    // A second fix types into the same terminal instead of opening another.
    await vscode.commands.executeCommand(install.command.command, ...((install.command.arguments ?? []) as unknown[]));
    assert.equal(vscode.window.terminals.filter((t) => t.name === 'ROS Env Doctor').length, 1, 'one reused terminal');
    await delay(800);
    await requestScreenshot('host-terminal');
    terminal.dispose();
  });

  it('fixes a shebang with an undoable edit, and undo restores the file byte for byte', async () => {
    await selectInterpreter(HEALTHY);
    // A node whose shebang runs the venv, which lacks rospy that the selected interpreter has.
    const scriptPath = join(folder.uri.fsPath, 'src', 'perception_demo', 'scripts', 'venv_node.py');
    const original = `#!${venvPython}\n# -*- coding: utf-8 -*-\r\nimport rospy\n\nrospy.init_node('venv_node')\n`;
    writeFileSync(scriptPath, original, { mode: 0o755 });
    try {
      const uri = vscode.Uri.file(scriptPath);
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      const shebang = await waitFor('a shebang problem', () => ours(uri).find((d) => codeOf(d) === 'shebang-mismatch'));
      assert.equal(shebang.range.start.line, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        shebang.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const edit = actions.find((a) => a.edit !== undefined);
      assert.ok(edit?.edit, `an edit fix: ${actions.map((a) => a.title).join(' | ')}`);
      const textBefore = document.getText();
      assert.ok(await vscode.workspace.applyEdit(edit.edit));
      assert.notEqual(document.lineAt(0).text, `#!${venvPython}`);
      assert.match(document.lineAt(0).text, /^#!/);
      assert.equal(
        document.getText().slice(document.lineAt(0).text.length),
        textBefore.slice(`#!${venvPython}`.length),
        'only the first line changed',
      );
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), textBefore);
      assert.equal(readFileSync(scriptPath, 'utf8'), original, 'nothing was written to disk');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      rmSync(scriptPath, { force: true });
    }
  });

  it('Probe Environment runs every interpreter again and opens an accessible report', async () => {
    await api.whenIdle();
    const before = api.processesSpawned();
    // A node created while the probe runs makes a newer diagnosis cut the probe's run short (the file watcher):
    // the report must open all the same, with every interpreter probed again.
    const probing = vscode.commands.executeCommand(COMMANDS.probeEnvironment);
    const newNode = join(folder.uri.fsPath, 'src', 'perception_demo', 'scripts', 'late_node.py');
    writeFileSync(newNode, 'import rospy\n');
    try {
      await probing;
    } finally {
      rmSync(newNode, { force: true });
    }
    assert.ok(api.processesSpawned() > before, 'the cache was bypassed');
    const report = await waitFor('the report tab', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('rosEnvDoctor.report')),
    );
    assert.equal(report.label, 'ROS Env Doctor Report');
    await delay(1000);
    await requestScreenshot('host-report');
    const markdown = await vscode.commands.executeCommand<string>(COMMANDS.copyReportMarkdown);
    assert.equal(await vscode.env.clipboard.readText(), markdown);
    assert.match(markdown, /rospy/);
  });

  it('shows the interpreter and its verdict in the status bar', async () => {
    await showNode();
    const summary = await waitFor('a status summary', () => api.statusSummary());
    // Named by its environment, never a bare "py3.11".
    assert.match(summary.text, /^(\S.* \(py3\.\d+\)|pyenv 3\.\d+\.\d+) · /);
    // The status item and the Problems panel read one summary.
    await assertStatusMatchesProblems(api);
    assert.match(summary.text, /(rospy|torch|cv_bridge) [✓✗?]/);
    await requestScreenshot('host-status');
  });

  async function showNode(): Promise<void> {
    await vscode.window.showTextDocument(node);
    await api.whenIdle();
  }
});
