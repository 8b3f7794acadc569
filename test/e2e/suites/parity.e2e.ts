/// <reference types="mocha" />
// The CLI and the editor say the same thing about the same folder and interpreter (issue 7). The window opens the
// parity scenario (harness/parityScenario.ts) with the isolated pyenv 3.11 selected; the editor's final diagnosis is
// read through getDiagnostics, the built CLI (dist/cli.js) runs as a child process with --format json on the same
// folder, --python and environment variables, and the two sets of (file, line, column, code, severity, places) must
// be equal. The CLI's JSON causes and the editor's diagnostics both come from presentDiagnosis: a cause is drawn once
// per file, on its first place in that file, with its other places in that file as related information.
//
// Both really probe: the window's extension host is fresh (its engine keeps probes in memory only) and the CLI gets an
// empty XDG_CACHE_HOME, so neither reads answers the other saved; each run must report spawned processes.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PythonExtension } from '@vscode/python-extension';
import * as vscode from 'vscode';
import type { JsonReport } from '../../../src/cli/jsonOutput';
import { DIAGNOSTIC_SOURCE } from '../../../src/core/present/diagnosticSpecs';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';
import { SHEBANG_NODE } from '../harness/parityScenario';
import { EXTENSION_ID, waitFor } from './suiteSupport';

/** One drawn problem: where, which rule, how severe, and every line of the file it stands for (its own first). */
type Row = {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly severity: string;
  readonly places: readonly number[];
};

const SEVERITY: Readonly<Record<vscode.DiagnosticSeverity, string>> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function sorted(rows: readonly Row[]): Row[] {
  const key = (row: Row): string => JSON.stringify([row.file, row.line, row.column, row.code, row.severity]);
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** What the editor shows for the folder: our diagnostics in every file, with their related places in the same file. */
function editorRows(root: string): Row[] {
  return vscode.languages.getDiagnostics().flatMap(([uri, diagnostics]) =>
    diagnostics
      .filter((d) => d.source === DIAGNOSTIC_SOURCE && !relative(root, uri.fsPath).startsWith('..'))
      .map((d) => {
        const sameFile = (d.relatedInformation ?? []).filter((related) => related.location.uri.fsPath === uri.fsPath);
        return {
          file: relative(root, uri.fsPath),
          line: d.range.start.line + 1,
          column: d.range.start.character,
          code: typeof d.code === 'object' ? String(d.code.value) : String(d.code),
          severity: SEVERITY[d.severity],
          places: [d.range.start.line + 1, ...sameFile.map((related) => related.location.range.start.line + 1)],
        };
      }),
  );
}

/** What the CLI's JSON says the editor should draw: per cause and file, its first place there, with the others. */
function cliRows(root: string, report: JsonReport): Row[] {
  return report.causes.flatMap((cause) => {
    const byFile = new Map<string, (typeof cause.locations)[number][]>();
    for (const place of cause.locations) byFile.set(place.file, [...(byFile.get(place.file) ?? []), place]);
    return [...byFile].map(([file, places]) => {
      const inOrder = [...places].sort((a, b) => a.line - b.line || a.column - b.column);
      const first = inOrder[0];
      assert.ok(first);
      return {
        file: relative(root, file),
        line: first.line,
        column: first.column,
        code: cause.code,
        severity: cause.severity,
        places: inOrder.map((place) => place.line),
      };
    });
  });
}

type CliRun = { readonly status: number | string | undefined; readonly stdout: string; readonly stderr: string };

/** The built CLI in a child process of its own, as a user's terminal would start it (`ros-env-doctor` is dist/cli.js). */
function runCli(cli: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // process.execPath is the extension host's Node (code-server) or Electron, which ELECTRON_RUN_AS_NODE makes a Node.
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
      (error, stdout, stderr) => {
        // Exit status 1 means "error findings": the expected answer here, not a failure to run.
        if (error !== null && typeof error.code !== 'number') reject(new Error(`${cli} did not run: ${error.message}\n${stderr}`));
        else resolve({ status: error?.code ?? 0, stdout, stderr });
      },
    );
  });
}

describe('parity: the CLI and the editor give the same findings', function () {
  this.timeout(300_000);

  it('for the same folder and interpreter, the CLI (a child process, --format json) lists what getDiagnostics shows', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const root = folder.uri.fsPath;
    // Only the parity window prepares the scenario; in any other window this test has nothing to compare.
    if (!existsSync(join(root, SHEBANG_NODE)) || !vscode.workspace.isTrusted) this.skip();
    const extension = vscode.extensions.getExtension<RosEnvDoctorApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    // Nothing is checked until a Python file is shown: the user opens the node with the shebang.
    await vscode.window.showTextDocument(vscode.Uri.file(join(root, SHEBANG_NODE)));

    // The editor's FINAL answer: the first answer is the selected interpreter's alone (no other interpreter probed); the
    // run that published it ends with the answer with every interpreter and launch path, and whenIdle waits for that.
    await waitFor('the editor diagnosing the folder', () => api.diagnosis(folder), 240_000);
    await api.whenIdle();
    const diagnosis = api.diagnosis(folder);
    assert.ok(diagnosis);
    assert.ok(diagnosis.others.length > 0, 'the final diagnosis, which has the other interpreters in it');
    assert.ok(api.processesSpawned() > 0, 'the editor probed');
    const editor = sorted(editorRows(root));

    const interpreter = diagnosis.selected.interpreter.path;
    const python = await PythonExtension.api();
    const variables = python.environments.getEnvironmentVariables(folder.uri);
    const cache = mkdtempSync(join(tmpdir(), 'red-e2e-cli-cache-'));
    let run: CliRun;
    try {
      run = await runCli(join(extension.extensionPath, 'dist', 'cli.js'), [root, '--python', interpreter, '--format', 'json'], {
        ...process.env,
        ...variables,
        // Its own empty probe cache: the CLI probes for itself instead of reading what an earlier run saved.
        XDG_CACHE_HOME: cache,
        // Makes the CLI say on stderr how many processes it spawned.
        ROS_ENV_DOCTOR_DEBUG: '1',
      });
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
    assert.equal(run.status, 1, `the CLI exits 1 for error findings\n${run.stderr}`);
    const spawned = Number(/spawned (\d+) process/.exec(run.stderr)?.[1] ?? 0);
    assert.ok(spawned > 0, `the CLI probed (spawned ${spawned} processes)\n${run.stderr}`);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.selectedInterpreter, interpreter, 'the CLI checked the interpreter the editor selected');
    assert.equal(report.workspace.root, diagnosis.workspace?.root ?? null, 'the same workspace');
    const cli = sorted(cliRows(root, report));

    // Findings are present, of more than one code, file and severity: an empty or one-note agreement proves little.
    assert.ok(new Set(editor.map((row) => row.code)).size >= 2, `two codes or more: ${JSON.stringify(editor)}`);
    assert.ok(new Set(editor.map((row) => row.file)).size >= 2, `two files or more: ${JSON.stringify(editor)}`);
    assert.ok(new Set(editor.map((row) => row.severity)).size >= 2, `two severities or more: ${JSON.stringify(editor)}`);
    // What was compared, for the run's log (the extension host's console ends up in test-results/e2e-logs).
    console.log(`parity: ${editor.length} diagnostics compared:\n${editor.map((row) => JSON.stringify(row)).join('\n')}`);
    assert.deepEqual(cli, editor, 'the CLI and the editor give the same findings');
    // Nothing re-ran in the editor while the CLI ran: what was compared is still what the editor shows.
    assert.equal(api.diagnosis(folder), diagnosis, 'the editor kept the diagnosis that was compared');
  });
});
