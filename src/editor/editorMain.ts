// The editor, started right after activation (src/extension.ts loads this bundle, dist/editor.js, on the next turn
// of the event loop): builds each long-lived object, registers it, and wires them together. No logic of its own.
import * as vscode from 'vscode';
import { AnalysisExtraPaths } from './analysisExtraPaths';
import { FixCodeActionProvider } from './codeActions';
import type { CommandId } from './commandIds';
import { registerCommands } from './commands';
import { DiagnosticsPublisher, type Publication } from './diagnosticsPublisher';
import { DoctorController } from './doctorController';
import { FixApplier } from './fixApplier';
import { DisposableStore } from './lifecycle';
import { createLogChannel } from './logChannel';
import { engineBundle } from './engineLoader';
import { longTaskMonitor } from './longTasks';
import { repositoryUrl } from './manifest';
import { ReportView } from './reportView';
import { StatusItem } from './statusItem';
import type { RosEnvDoctorApi } from './testApi';
import { UndoNotices } from './undoNotices';

/** What the activation entry hands over: what it registered with VS Code before this bundle was loaded. */
export interface ActivationParts {
  /** The API's onDidPublish, created at activation so a caller can subscribe before the editor runs. */
  readonly published: vscode.EventEmitter<Publication>;
  readonly activationMs: number;
}

export interface StartedEditor {
  /** Runs one of the commands the activation entry registered (errors are reported, never thrown). */
  execute(id: CommandId, args: readonly unknown[]): Promise<unknown>;
  readonly codeActions: vscode.CodeActionProvider;
  readonly api: RosEnvDoctorApi;
}

export function startEditor(context: vscode.ExtensionContext, parts: ActivationParts): StartedEditor {
  const extension = new DisposableStore();
  context.subscriptions.push(extension);

  const { channel, logger } = createLogChannel();
  extension.add(channel);
  const longTasks = longTaskMonitor(logger);
  if (longTasks !== undefined) extension.add(longTasks);
  const repository = repositoryUrl(context.extension.packageJSON);
  const engine = engineBundle(logger);
  const publisher = extension.add(new DiagnosticsPublisher(repository));
  extension.add(publisher.onDidPublish((publication) => parts.published.fire(publication)));
  const status = extension.add(new StatusItem());
  const report = extension.add(new ReportView());
  const undo = new UndoNotices(logger);
  const fixes = extension.add(new FixApplier(repository, context.extensionUri, logger, undo));
  const extraPaths = new AnalysisExtraPaths(undo);
  const controller = extension.add(new DoctorController({ engine, logger, publisher, status, fixes, report, extraPaths }));
  const commands = registerCommands({ controller, fixes, report, logger, extraPaths });

  controller.start();
  logger.info(`Activated in ${parts.activationMs} ms.`);
  return {
    execute: (id, args) => commands.execute(id, args),
    codeActions: new FixCodeActionProvider(publisher, longTasks === undefined ? undefined : logger),
    api: {
      whenIdle: () => controller.whenIdle(),
      diagnosis: (folder) => controller.diagnosis(folder),
      // Nothing has run before the engine is loaded.
      processesSpawned: () => engine.loaded()?.processesSpawned() ?? 0,
      statusSummary: () => status.summary,
      interpreterProviderKind: () => controller.interpreterProviderKind,
      lastTerminalText: () => fixes.lastTerminalText,
      longestTask: () => longTasks?.longest,
      undoLatestChange: () => undo.undoLatest(),
      lastExplanation: () => commands.lastExplanation,
      onDidPublish: parts.published.event,
      activationMs: parts.activationMs,
    },
  };
}
