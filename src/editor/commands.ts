// The palette commands and the internal applyFix: each id's body, run through guardedCommand. src/extension.ts
// registers the ids with VS Code at activation and hands each call to DoctorCommands.execute.
import * as vscode from 'vscode';
import { reportMarkdown } from '../core/present/markdownReport';
import type { Diagnosis } from '../core/engine/doctorApi';
import type { Logger } from '../core/ports';
import { buildReport } from '../core/present/reportModel';
import { COMMANDS, type CommandId } from './commandIds';
import type { DoctorController } from './doctorController';
import type { AnalysisExtraPaths } from './analysisExtraPaths';
import type { FixApplier } from './fixApplier';
import { guardedCommand, type CommandBody } from './guardedCommand';
import type { ReportView } from './reportView';

export interface CommandParts {
  readonly controller: DoctorController;
  readonly fixes: FixApplier;
  readonly report: ReportView;
  readonly logger: Logger;
  readonly extraPaths: AnalysisExtraPaths;
}

export function registerCommands(parts: CommandParts): DoctorCommands {
  return new DoctorCommands(parts);
}

/** Everything a command does beyond registration; each method is one command. */
export class DoctorCommands {
  /** What the last command that could not run told the user (the in-host tests cannot read notifications). */
  lastExplanation: string | undefined;

  private readonly bodies: ReadonlyMap<CommandId, (args: readonly unknown[]) => Promise<unknown>>;

  constructor(private readonly parts: CommandParts) {
    const { controller, logger } = parts;
    const bodies: Record<CommandId, CommandBody> = {
      [COMMANDS.probeEnvironment]: () => this.probeEnvironment(),
      [COMMANDS.showReport]: () => this.showReport(),
      [COMMANDS.copyReportMarkdown]: () => this.copyReportMarkdown(),
      [COMMANDS.selectWorkingInterpreter]: () => this.selectWorkingInterpreter(),
      [COMMANDS.setAnalysisExtraPaths]: () => this.setAnalysisExtraPaths(),
      [COMMANDS.applyFix]: (id: unknown, resource: unknown) => {
        const uri = resource instanceof vscode.Uri ? resource : undefined;
        const folder = (uri === undefined ? undefined : vscode.workspace.getWorkspaceFolder(uri)) ?? controller.currentFolder();
        return typeof id === 'string' && folder !== undefined ? this.applyFix(folder, id) : false;
      },
    };
    this.bodies = new Map(Object.entries(bodies).map(([id, body]) => [id as CommandId, guardedCommand(logger, id as CommandId, body)]));
  }

  /** Runs one command as VS Code called it. */
  execute(id: CommandId, args: readonly unknown[]): Promise<unknown> {
    return this.bodies.get(id)?.(args) ?? Promise.resolve(undefined);
  }

  /** The folder a command is about, or undefined after telling the user why there is none to work on. */
  private folderOrSay(command: string): vscode.WorkspaceFolder | undefined {
    if (!vscode.workspace.isTrusted) {
      // Every time, not once per window: a command that does nothing silently looks broken.
      this.lastExplanation = `ROS Env Doctor: ${command} needs a trusted workspace. Checking runs the workspace's interpreters and sources its setup scripts, which restricted mode forbids.`;
      void vscode.window.showInformationMessage(this.lastExplanation, 'Manage Workspace Trust').then((choice) => {
        if (choice === 'Manage Workspace Trust') void vscode.commands.executeCommand('workbench.trust.manage');
      });
      return undefined;
    }
    const folder = this.parts.controller.currentFolder();
    if (folder === undefined) void vscode.window.showInformationMessage('ROS Env Doctor: open a folder (a ROS workspace) first.');
    return folder;
  }

  /** Re-probes every interpreter ignoring the cache, with a cancellable progress notification, then opens the report. */
  async probeEnvironment(): Promise<Diagnosis | undefined> {
    const folder = this.folderOrSay('Probe Environment');
    const session = folder === undefined ? undefined : this.parts.controller.session(folder);
    if (folder === undefined || session === undefined) return undefined;
    const outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `ROS Env Doctor: probing interpreters for ${folder.name}`,
        cancellable: true,
      },
      async (_progress, token) => {
        const controller = new AbortController();
        const cancel = token.onCancellationRequested(() => controller.abort());
        try {
          return await session.runToAnswer({ fresh: true, signal: controller.signal });
        } finally {
          cancel.dispose();
        }
      },
    );
    if (outcome.kind === 'no-interpreter') {
      void vscode.window.showWarningMessage(`ROS Env Doctor: ${outcome.detail}`);
      return undefined;
    }
    if (outcome.kind !== 'diagnosed') return undefined;
    this.parts.report.show(folder, outcome.diagnosis);
    return outcome.diagnosis;
  }

  /** The latest diagnosis of the current folder, diagnosing first when there is none yet. */
  private async latest(command: string): Promise<{ readonly folder: vscode.WorkspaceFolder; readonly diagnosis: Diagnosis } | undefined> {
    const folder = this.folderOrSay(command);
    const session = folder === undefined ? undefined : this.parts.controller.session(folder);
    if (folder === undefined || session === undefined) return undefined;
    await session.whenIdle();
    if (session.diagnosis !== undefined) return { folder, diagnosis: session.diagnosis };
    const outcome = await session.runToAnswer();
    return outcome.kind === 'diagnosed' ? { folder, diagnosis: outcome.diagnosis } : undefined;
  }

  async showReport(): Promise<void> {
    const latest = await this.latest('Show Report');
    if (latest !== undefined) this.parts.report.show(latest.folder, latest.diagnosis);
  }

  async copyReportMarkdown(): Promise<string | undefined> {
    const latest = await this.latest('Copy Report as Markdown');
    if (latest === undefined) return undefined;
    const markdown = reportMarkdown(latest.diagnosis);
    await vscode.env.clipboard.writeText(markdown);
    void vscode.window.showInformationMessage('ROS Env Doctor: report copied as Markdown.');
    return markdown;
  }

  /** A quick pick of every known interpreter with its one-line verdict; the choice becomes the folder's interpreter. */
  async selectWorkingInterpreter(): Promise<string | undefined> {
    const latest = await this.latest('Select a Working Interpreter');
    if (latest === undefined) return undefined;
    const model = buildReport(latest.diagnosis);
    const items = model.interpreters
      .map((interpreter) => ({
        label: `${interpreter.usable ? '$(check)' : '$(error)'} ${interpreter.displayName}`,
        description: `${interpreter.version ?? ''}${interpreter.selected ? ' (selected)' : ''}`,
        detail: `${interpreter.verdict} — ${interpreter.path}`,
        path: interpreter.path,
        usable: interpreter.usable,
      }))
      .sort((a, b) => Number(b.usable) - Number(a.usable));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Select a working interpreter',
      placeHolder: 'Interpreters that import every module are listed first',
      matchOnDetail: true,
    });
    if (picked === undefined) return undefined;
    const switched = await this.parts.fixes.switchInterpreter(picked.path, this.parts.controller.fixContext(latest.folder));
    return switched ? picked.path : undefined;
  }

  /** Adds the sourced PYTHONPATH to python.analysis.extraPaths (Pylance), or says why there is nothing to add. */
  async setAnalysisExtraPaths(): Promise<readonly string[] | undefined> {
    const latest = await this.latest('Let Pylance See the Sourced PYTHONPATH');
    if (latest === undefined) return undefined;
    const outcome = await this.parts.extraPaths.apply(latest.folder, latest.diagnosis);
    if (outcome.kind === 'written') return outcome.value;
    this.lastExplanation = `ROS Env Doctor: ${outcome.detail}`;
    if (outcome.kind === 'failed') void vscode.window.showWarningMessage(this.lastExplanation);
    else void vscode.window.showInformationMessage(this.lastExplanation);
    return undefined;
  }

  async applyFix(folder: vscode.WorkspaceFolder, id: string): Promise<boolean> {
    const fix = this.parts.controller.findFix(folder, id);
    if (fix === undefined) {
      void vscode.window.showInformationMessage('ROS Env Doctor: that fix no longer applies; the environment was checked again since.');
      return false;
    }
    return this.parts.fixes.apply(fix, this.parts.controller.fixContext(folder));
  }
}
