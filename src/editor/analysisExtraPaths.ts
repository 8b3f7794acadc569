// Pylance underlines `import rospy` when the PYTHONPATH a ROS setup script exports is all that makes it importable:
// it reads python.analysis.extraPaths instead. This offers (once per folder, only with Pylance installed) and
// does (the palette command) an undoable edit of that folder setting from the sourced PYTHONPATH.
import * as vscode from 'vscode';
import type { Diagnosis } from '../core/engine/doctorApi';
import { proposeExtraPaths, type ExtraPathsProposal } from '../core/present/analysisExtraPaths';
import { readFolderSetting, writeFolderSetting } from './folderSettingsFile';
import type { UndoNotices } from './undoNotices';

const SETTING = 'python.analysis.extraPaths';
const PYLANCE_ID = 'ms-python.vscode-pylance';

export type ExtraPathsOutcome =
  | { readonly kind: 'written'; readonly value: readonly string[] }
  | { readonly kind: 'nothing-to-add'; readonly detail: string }
  | { readonly kind: 'failed'; readonly detail: string };

async function proposal(
  folder: vscode.WorkspaceFolder,
  diagnosis: Diagnosis,
): Promise<ExtraPathsProposal | { readonly kind: 'not-sourced' }> {
  if (diagnosis.environment.kind !== 'sourced') return { kind: 'not-sourced' };
  const current = await readFolderSetting(folder, SETTING);
  const entries =
    current.kind === 'value' && Array.isArray(current.value)
      ? current.value.filter((item): item is string => typeof item === 'string')
      : [];
  return proposeExtraPaths(diagnosis.environment.vars.PYTHONPATH, entries);
}

export class AnalysisExtraPaths {
  private readonly offered = new Set<string>();

  constructor(private readonly undo: UndoNotices) {}

  /** Adds the sourced PYTHONPATH's missing folders to the folder's python.analysis.extraPaths, with Undo. */
  async apply(folder: vscode.WorkspaceFolder, diagnosis: Diagnosis): Promise<ExtraPathsOutcome> {
    const proposed = await proposal(folder, diagnosis);
    if ('kind' in proposed)
      return {
        kind: 'nothing-to-add',
        detail: `no setup script was sourced for ${folder.name}, so there is no ROS PYTHONPATH to give Pylance.`,
      };
    if (proposed.missing.length === 0)
      return { kind: 'nothing-to-add', detail: `${SETTING} already lists every folder of the sourced PYTHONPATH.` };
    const written = await writeFolderSetting(folder, SETTING, { kind: 'value', value: proposed.value });
    if (written.kind === 'failed') return written;
    const count = proposed.missing.length;
    this.undo.offer(
      `ROS Env Doctor: ${SETTING} now lists ${count === 1 ? 'the folder' : `${count} folders`} of the sourced PYTHONPATH.`,
      async () => {
        await writeFolderSetting(folder, SETTING, written.previous);
      },
    );
    return { kind: 'written', value: proposed.value };
  }

  /** Once per folder and window, with Pylance installed: a notification asking whether to do it. */
  async offer(folder: vscode.WorkspaceFolder, diagnosis: Diagnosis): Promise<void> {
    const key = folder.uri.toString();
    if (this.offered.has(key) || vscode.extensions.getExtension(PYLANCE_ID) === undefined) return;
    const proposed = await proposal(folder, diagnosis);
    if ('kind' in proposed || proposed.missing.length === 0 || this.offered.has(key)) return;
    this.offered.add(key);
    const count = proposed.missing.length;
    const choice = await vscode.window.showInformationMessage(
      `Pylance does not see the ${count === 1 ? 'folder' : `${count} folders`} your setup script puts on PYTHONPATH, so it may underline imports that work. Add ${count === 1 ? 'it' : 'them'} to ${SETTING} in ${folder.name}?`,
      'Add to extraPaths',
    );
    if (choice !== 'Add to extraPaths') return;
    const outcome = await this.apply(folder, diagnosis);
    if (outcome.kind === 'failed') void vscode.window.showWarningMessage(`ROS Env Doctor could not set ${SETTING}: ${outcome.detail}`);
  }
}
