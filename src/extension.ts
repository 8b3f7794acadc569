// Composition root: builds each long-lived object, registers it, and wires them together. No logic of its own.
import * as vscode from 'vscode';
import { AnalysisExtraPaths } from './editor/analysisExtraPaths';
import { FixCodeActionProvider } from './editor/codeActions';
import { registerCommands } from './editor/commands';
import { DiagnosticsPublisher } from './editor/diagnosticsPublisher';
import { DoctorController } from './editor/doctorController';
import { FixApplier } from './editor/fixApplier';
import { DisposableStore } from './editor/lifecycle';
import { createLogChannel } from './editor/logChannel';
import { engineBundle } from './editor/engineLoader';
import { longTaskMonitor } from './editor/longTasks';
import { repositoryUrl } from './editor/manifest';
import { ReportView } from './editor/reportView';
import { StatusItem } from './editor/statusItem';
import type { RosEnvDoctorApi } from './editor/testApi';
import { UndoNotices } from './editor/undoNotices';

export function activate(context: vscode.ExtensionContext): RosEnvDoctorApi {
  const started = performance.now();
  const extension = new DisposableStore();
  context.subscriptions.push(extension);

  const { channel, logger } = createLogChannel();
  extension.add(channel);
  const longTasks = longTaskMonitor(logger);
  if (longTasks !== undefined) extension.add(longTasks);
  const repository = repositoryUrl(context.extension.packageJSON);
  const engine = engineBundle(logger);
  const publisher = extension.add(new DiagnosticsPublisher(repository));
  const status = extension.add(new StatusItem());
  const report = extension.add(new ReportView());
  const undo = new UndoNotices(logger);
  const fixes = extension.add(new FixApplier(repository, context.extensionUri, logger, undo));
  const extraPaths = new AnalysisExtraPaths(undo);
  const controller = extension.add(new DoctorController({ engine, logger, publisher, status, fixes, report, extraPaths }));
  extension.add(
    vscode.languages.registerCodeActionsProvider(
      { language: 'python', scheme: 'file' },
      new FixCodeActionProvider(publisher),
      FixCodeActionProvider.metadata,
    ),
  );
  const commands = registerCommands(extension, { controller, fixes, report, logger, extraPaths });

  controller.start();
  const activationMs = Math.round((performance.now() - started) * 100) / 100;
  logger.info(`Activated in ${activationMs} ms.`);
  return {
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
    onDidPublish: publisher.onDidPublish,
    activationMs,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
