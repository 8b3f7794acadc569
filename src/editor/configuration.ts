// Reads rosEnvDoctor.* for a folder and reports each bad value once to the log.
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';
import { Settings, SETTINGS_SECTION } from './settings';

export function readSettings(folder: vscode.WorkspaceFolder, logger: Logger): Settings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri);
  const parsed = Settings.from((key) => config.get<unknown>(key));
  for (const problem of parsed.problems) logger.warn(problem);
  return parsed.value;
}
