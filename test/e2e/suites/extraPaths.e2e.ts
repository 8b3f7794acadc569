/// <reference types="mocha" />
// Pylance reads python.analysis.extraPaths, not the PYTHONPATH a ROS setup script exports. With a devel/setup.bash
// that extends PYTHONPATH, "Let Pylance See the Sourced PYTHONPATH" adds that folder to the folder's setting
// (comments kept), and Undo restores the file byte for byte.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/editor/commandIds';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';
import { EXTENSION_ID, waitFor } from './suiteSupport';

describe('editor: python.analysis.extraPaths from the sourced PYTHONPATH', function () {
  this.timeout(300_000);

  it('adds the setup script’s PYTHONPATH folder to python.analysis.extraPaths, keeping comments, and Undo restores the file', async function () {
    if (!vscode.workspace.isTrusted) this.skip();
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const root = folder.uri.fsPath;
    const sitePackages = join(root, 'devel', 'lib', 'python3', 'dist-packages');
    const settingsDir = join(root, '.vscode');
    const settingsFile = join(settingsDir, 'settings.json');
    const original = '{\n    // analysis settings of this robot\n    "python.analysis.extraPaths": ["/opt/tools"],\n}\n';
    mkdirSync(sitePackages, { recursive: true });
    writeFileSync(join(root, 'devel', 'setup.bash'), `export PYTHONPATH="${sitePackages}\${PYTHONPATH:+:$PYTHONPATH}"\n`);
    mkdirSync(settingsDir, { recursive: true });
    writeFileSync(settingsFile, original);
    try {
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'src', 'perception_demo', 'scripts', 'detector_node.py'));
      await waitFor('a diagnosis in the sourced environment', () => {
        const environment = api.diagnosis(folder)?.environment;
        return environment?.kind === 'sourced' && environment.vars.PYTHONPATH?.includes(sitePackages) === true;
      });
      const value = await vscode.commands.executeCommand<readonly string[] | undefined>(COMMANDS.setAnalysisExtraPaths);
      assert.ok(
        value?.includes(sitePackages) && value[0] === '/opt/tools',
        `the setting keeps /opt/tools and gains the sourced folder: ${JSON.stringify(value)}`,
      );
      const written = readFileSync(settingsFile, 'utf8');
      assert.match(written, /\/\/ analysis settings of this robot/, 'the comment stays');
      assert.ok(written.includes(sitePackages), written);
      assert.equal(await api.undoLatestChange(), true);
      assert.equal(readFileSync(settingsFile, 'utf8'), original, 'Undo restores the file byte for byte');
      // Asked again with nothing sourced to add, it says so instead of writing.
      await vscode.commands.executeCommand(COMMANDS.setAnalysisExtraPaths);
      assert.ok(readFileSync(settingsFile, 'utf8').includes(sitePackages), 'applied again');
      assert.equal(await vscode.commands.executeCommand(COMMANDS.setAnalysisExtraPaths), undefined);
      assert.match(api.lastExplanation() ?? '', /already lists every folder/);
    } finally {
      rmSync(join(root, 'devel'), { recursive: true, force: true });
      rmSync(settingsDir, { recursive: true, force: true });
    }
  });
});
