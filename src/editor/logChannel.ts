// The core's Logger on a LogOutputChannel (created in activate, never at import).
import * as vscode from 'vscode';
import type { Logger } from '../core/ports';

export function createLogChannel(): { readonly channel: vscode.LogOutputChannel; readonly logger: Logger } {
  const channel = vscode.window.createOutputChannel('ROS Env Doctor', { log: true });
  const logger: Logger = {
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message) => channel.error(message),
    debug: (message) => channel.debug(message),
  };
  return { channel, logger };
}
