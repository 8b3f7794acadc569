/// <reference types="mocha" />
// With the Python Environments extension (its labelled stand-in) AND the Python extension (its stand-in) installed,
// disagreeing: the Python Environments extension selects the isolated pyenv 3.11, the Python extension Debian's
// python3. The one the user picks interpreters in — Python Environments — wins; the report says so; switching
// goes through its API, and Undo puts its previous environment back.
import * as assert from 'node:assert/strict';
import type { PythonEnvironmentApi } from '@vscode/python-environments';
import { PythonExtension } from '@vscode/python-extension';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/editor/commandIds';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';
import { applyRospySwitchFix, EXTENSION_ID, pyenv311, rospyDiagnostic, skipForMissing, waitFor } from './suiteSupport';

const ENVS_ID = 'ms-python.vscode-python-envs';
const DEBIAN_PYTHON = '/usr/bin/python3';

describe('editor: the Python Environments extension chooses the interpreter', function () {
  this.timeout(300_000);

  it('probes the environment selected in Python Environments, names that source in the report, and switches and undoes through its API', async function () {
    const isolated = pyenv311();
    const envsExtension = vscode.extensions.getExtension<PythonEnvironmentApi>(ENVS_ID);
    if (envsExtension === undefined || !vscode.workspace.isTrusted) this.skip();
    if (isolated === undefined) skipForMissing(this, 'pyenv 3.11 (pyenv install 3.11)');
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const envs = await envsExtension.activate();
    const pythonExtension = await PythonExtension.api();
    assert.equal(pythonExtension.environments.getActiveEnvironmentPath(folder.uri).path, DEBIAN_PYTHON, 'the two extensions disagree');

    const node = vscode.Uri.joinPath(folder.uri, 'src', 'perception_demo', 'scripts', 'detector_node.py');
    const document = await vscode.workspace.openTextDocument(node);
    await vscode.window.showTextDocument(document);
    const diagnosis = await waitFor('a diagnosis', () => api.diagnosis(folder));
    assert.equal(api.interpreterProviderKind(), 'python-environments');
    assert.equal(diagnosis.selected.interpreter.path, isolated);
    assert.equal(diagnosis.selected.interpreter.source, 'python-environments');
    assert.equal(diagnosis.environment.vars.ROS_ENV_DOCTOR_E2E_ENVS, '1', "the Python Environments extension's variables reach the probes");
    const markdown = await vscode.commands.executeCommand<string>(COMMANDS.copyReportMarkdown);
    assert.match(markdown, /Python Environments/, 'the report names the source that chose the interpreter');

    await applyRospySwitchFix(api, document);
    const chosen = (await envs.getEnvironment(folder.uri))?.execInfo.run.executable;
    assert.ok(chosen !== undefined && chosen !== isolated, `Python Environments now selects another interpreter (${chosen})`);
    await waitFor('rospy no longer underlined', () => rospyDiagnostic(document) === undefined);
    assert.equal(
      pythonExtension.environments.getActiveEnvironmentPath(folder.uri).path,
      DEBIAN_PYTHON,
      "the Python extension's selection was not touched",
    );

    assert.equal(await api.undoLatestChange(), true);
    assert.equal(
      (await envs.getEnvironment(folder.uri))?.execInfo.run.executable,
      isolated,
      'Undo selected the isolated interpreter again',
    );
    await waitFor('rospy underlined again', () => rospyDiagnostic(document));
  });
});
