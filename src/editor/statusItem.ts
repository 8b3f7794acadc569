// The status bar item: interpreter + verdict; a click opens the report.
import * as vscode from 'vscode';
import type { StatusLevel, StatusSummary } from '../core/present/statusSummary';
import { COMMANDS } from './commandIds';
import { Disposable } from './lifecycle';

const ICON: Readonly<Record<StatusLevel, string>> = {
  ok: '$(check)',
  warning: '$(warning)',
  error: '$(error)',
  busy: '$(sync~spin)',
  inactive: '$(circle-slash)',
};

export class StatusItem extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('rosEnvDoctor.status', vscode.StatusBarAlignment.Left, 50));
  private current: StatusSummary | undefined;

  constructor() {
    super();
    this.item.name = 'ROS Env Doctor';
    this.item.command = COMMANDS.showReport;
  }

  show(summary: StatusSummary): void {
    this.current = summary;
    this.item.text = `${ICON[summary.level]} ${summary.text}`;
    this.item.tooltip = summary.tooltip;
    this.item.accessibilityInformation = {
      label: `ROS Env Doctor: ${summary.text.replace(/✓/g, 'works').replace(/✗/g, 'fails')}`,
      role: 'button',
    };
    this.item.backgroundColor =
      summary.level === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : summary.level === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  get summary(): StatusSummary | undefined {
    return this.current;
  }
}
