// What the in-host suites share: the extension's id, waiting for what a user would see, the test interpreters, and
// applying the switch fix on rospy. It imports vscode: the runner (smoke.test.ts) must not import it.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../../src/core/present/diagnosticSpecs';
import type { StatusSummary } from '../../../src/core/present/statusSummary';
import type { RosEnvDoctorApi } from '../../../src/editor/testApi';
import { requestScreenshot } from '../harness/requestScreenshot';
import { MISSING_PREREQUISITE } from '../harness/suiteReport';

export { MISSING_PREREQUISITE };

export const EXTENSION_ID = 'ros-env-doctor.ros-env-doctor';

/** Polls until `probe` gives a value (anything but undefined or false), or fails naming what it waited for. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await delay(150);
  }
}

/**
 * The status item's counts equal the diagnostics drawn (all files, ours only): both read one summary. Returns that
 * summary for the caller's own checks.
 */
export async function assertStatusMatchesProblems(api: RosEnvDoctorApi): Promise<StatusSummary> {
  const summary = await waitFor('a status summary', () => api.statusSummary());
  const drawn = vscode.languages.getDiagnostics().flatMap(([, list]) => list.filter((d) => d.source === DIAGNOSTIC_SOURCE));
  const count = (severity: vscode.DiagnosticSeverity): number => drawn.filter((d) => d.severity === severity).length;
  assert.deepEqual(summary.problems, {
    error: count(vscode.DiagnosticSeverity.Error),
    warning: count(vscode.DiagnosticSeverity.Warning),
    info: count(vscode.DiagnosticSeverity.Information),
    hint: count(vscode.DiagnosticSeverity.Hint),
  });
  return summary;
}

/** Opens VS Code's quick-fix menu at `position` in `document`, screenshots it as `name`, and closes it. */
export async function screenshotQuickFixMenu(
  document: vscode.TextDocument | vscode.Uri,
  position: vscode.Position,
  name: string,
): Promise<void> {
  const editor = await vscode.window.showTextDocument(
    document instanceof vscode.Uri ? await vscode.workspace.openTextDocument(document) : document,
  );
  editor.selection = new vscode.Selection(position, position);
  await vscode.commands.executeCommand('editor.action.quickFix');
  // The menu draws asynchronously and has no event to wait for.
  await delay(800);
  await requestScreenshot(name);
  await vscode.commands.executeCommand('hideCodeActionWidget');
}

/**
 * Skips the test (or the suite, in a `before`) because something this machine should have is missing. The title
 * says so, and the harness counts such a skip as a failure under CI=true, like every other missing prerequisite
 * (test/support/prerequisites.ts). A test that only belongs to another window skips with plain `this.skip()`.
 */
export function skipForMissing(context: Mocha.Context, what: string): never {
  const mark = (title: string): string => `${title} ${MISSING_PREREQUISITE} ${what}]`;
  // In a test its own title; in a before hook the suite's, so every test it skips carries the mark in its full title.
  const runnable = context.test;
  // Mocha's Test (not a Hook) has a `type` of 'test' at run time; the typings only declare it on Test.
  if (runnable !== undefined && 'type' in runnable && runnable.type === 'test') runnable.title = mark(runnable.title);
  else if (runnable?.parent !== undefined) runnable.parent.title = mark(runnable.parent.title);
  context.skip();
}

/** pyenv's newest 3.11 (no ROS packages on its path): the "broken" interpreter of the suites. */
export function pyenv311(): string | undefined {
  const root = process.env.PYENV_ROOT ?? join(process.env.HOME ?? '/root', '.pyenv');
  const versions = existsSync(join(root, 'versions'))
    ? readdirSync(join(root, 'versions'))
        .filter((v) => v.startsWith('3.11.'))
        .sort()
    : [];
  const best = versions.at(-1);
  return best === undefined ? undefined : join(root, 'versions', best, 'bin', 'python3');
}

/** Our diagnostic on `import rospy` in `document`: the first failing import, which carries its cause's one message. */
export function rospyDiagnostic(document: vscode.TextDocument): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(document.uri).find((d) => d.source === DIAGNOSTIC_SOURCE && document.getText(d.range) === 'rospy');
}

/**
 * Waits for rospy's diagnostic and for the final answer (the selected interpreter's answer comes first; the switch fix
 * comes with the other interpreters'), then carries out its "Switch interpreter" quick fix as the lightbulb does.
 * Returns the action it applied.
 */
export async function applyRospySwitchFix(api: RosEnvDoctorApi, document: vscode.TextDocument): Promise<vscode.CodeAction> {
  await waitFor('rospy underlined (the first failing import: one cause, one message)', () => rospyDiagnostic(document));
  await api.whenIdle();
  const rospy = rospyDiagnostic(document);
  assert.ok(rospy, 'rospy is still underlined once every interpreter has answered');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    rospy.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const switchTo = actions.find((a) => String(a.command?.arguments?.[0]).includes('/selectInterpreter/'));
  assert.ok(switchTo?.command, `a switch fix: ${actions.map((a) => a.title).join(' | ')}`);
  const { command, arguments: args = [] } = switchTo.command;
  assert.equal(await vscode.commands.executeCommand(command, ...(args as unknown[])), true, `${switchTo.title} was carried out`);
  return switchTo;
}
