// The activation entry (dist/extension.js): registers what VS Code must know at once — the commands and the
// quick-fix provider — and starts the editor (src/editor/editorMain.ts, its own bundle dist/editor.js) on the
// next turn of the event loop, so activate() costs VS Code almost nothing. Until then a command waits for the
// editor, and there are no diagnostics to offer quick fixes for.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from './editor/commandIds';
import type { Publication } from './editor/diagnosticsPublisher';
import type { StartedEditor } from './editor/editorMain';
import type { RosEnvDoctorApi } from './editor/testApi';

type EditorModule = typeof import('./editor/editorMain');

export function activate(context: vscode.ExtensionContext): RosEnvDoctorApi {
  const started = performance.now();
  const published = new vscode.EventEmitter<Publication>();
  context.subscriptions.push(published);
  let editor: StartedEditor | undefined;
  let starting: Promise<StartedEditor> | undefined;
  const start = (): Promise<StartedEditor> =>
    (starting ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // A path esbuild does not follow: the editor must stay out of this bundle.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(path.join(__dirname, 'editor.js')) as EditorModule;
      return (editor = module.startEditor(context, { published, activationMs }));
    }));

  for (const id of Object.values(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => (await start()).execute(id, args)));
  }
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      { language: 'python', scheme: 'file' },
      {
        provideCodeActions: (document, range, codeContext, token) =>
          editor?.codeActions.provideCodeActions(document, range, codeContext, token),
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
  const activationMs = Math.round((performance.now() - started) * 100) / 100;
  void start();
  return {
    whenIdle: async () => (await start()).api.whenIdle(),
    diagnosis: (folder) => editor?.api.diagnosis(folder),
    processesSpawned: () => editor?.api.processesSpawned() ?? 0,
    statusSummary: () => editor?.api.statusSummary(),
    interpreterProviderKind: () => editor?.api.interpreterProviderKind() ?? 'not-started',
    lastTerminalText: () => editor?.api.lastTerminalText(),
    longestTask: () => editor?.api.longestTask(),
    undoLatestChange: async () => (await start()).api.undoLatestChange(),
    lastExplanation: () => editor?.api.lastExplanation(),
    onDidPublish: published.event,
    activationMs,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
