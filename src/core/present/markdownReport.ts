// The report as Markdown, for "Copy Report as Markdown" and `--format markdown`: pastes into an issue as is.
import { escapeControlCharacters } from './controlCharacters';
import type { Diagnosis } from '../engine/doctorApi';
import { buildReport } from './reportModel';
import { CELL_SYMBOL, CELL_WORD, type ModuleCell } from './moduleCell';
import { describeLocation } from './findingText';

export function reportMarkdown(diagnosis: Diagnosis): string {
  const report = buildReport(diagnosis);
  const lines: string[] = ['# ROS Env Doctor report', ''];
  lines.push(`- Workspace: ${report.workspaceRoot === null ? 'none' : `\`${report.workspaceRoot}\` (${report.workspaceKind})`}`);
  lines.push(`- ROS distro: ${report.rosDistro} (${report.rosPython})`);
  lines.push(`- Environment: ${report.environment}`);
  lines.push('');
  lines.push('## Interpreters × modules', '');
  if (report.rows.length === 0) lines.push('The workspace imports no third-party module.', '');
  else {
    lines.push(`| module | ${report.interpreters.map((interpreter) => cell(`${interpreter.displayName}${interpreter.selected ? ' (selected)' : ''}`)).join(' | ')} |`);
    lines.push(`|---|${report.interpreters.map(() => '---').join('|')}|`);
    for (const row of report.rows) lines.push(`| \`${row.module}\` | ${row.cells.map(verdictCell).join(' | ')} |`);
    lines.push('');
  }
  lines.push('## Findings', '');
  if (report.findings.length === 0) lines.push('No problems found.');
  for (const finding of report.findings) {
    lines.push(`- **${finding.severity}** \`${finding.code}\` ${describeLocation(finding)}: ${finding.message}`);
    for (const fix of finding.fixes) if (fix.kind !== 'openDocs') lines.push(`  - fix: ${fix.title}`);
  }
  if (report.variables.length > 0) {
    lines.push('', '## Environment variables', '');
    for (const [name, value] of report.variables) lines.push(`- \`${name}\` = \`${value}\``);
  }
  return escapeControlCharacters(`${lines.join('\n')}\n`);
}

function verdictCell(verdict: ModuleCell): string {
  const text = verdict.version !== null ? `${CELL_SYMBOL[verdict.kind]} ${verdict.version}` : `${CELL_SYMBOL[verdict.kind]} ${CELL_WORD[verdict.kind]}`;
  return cell(verdict.reason === null ? text : `${text}: ${verdict.reason}`);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
