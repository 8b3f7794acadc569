// The report as Markdown, for "Copy Report as Markdown" and `--format markdown`: pastes into an issue as is.
import { escapeControlCharacters } from './controlCharacters';
import type { Diagnosis } from '../engine/doctorApi';
import { buildReport } from './reportModel';
import { CELL_SYMBOL, CELL_WORD, type ModuleCell } from './moduleCell';
import type { Cause } from './causes';
import { countsText } from './problemSummary';

export function reportMarkdown(diagnosis: Diagnosis): string {
  const report = buildReport(diagnosis);
  const lines: string[] = ['# ROS Env Doctor report', ''];
  lines.push(`- Workspace: ${report.workspaceRoot === null ? 'none' : `\`${report.workspaceRoot}\` (${report.workspaceKind})`}`);
  lines.push(`- ROS distro: ${report.rosDistro} (${report.rosPython})`);
  lines.push(`- Environment: ${report.environment}`);
  lines.push(`- Interpreter: \`${report.selectedInterpreter.path}\` (${report.selectedInterpreter.chosenBy})`);
  lines.push('');
  lines.push('## Interpreters × modules', '');
  if (report.rows.length === 0) lines.push('The workspace imports no third-party module.', '');
  else {
    lines.push(
      `| module | ${report.interpreters.map((interpreter) => cell(`${interpreter.displayName}${interpreter.selected ? ' (selected)' : ''} — ${interpreter.verdict}`)).join(' | ')} |`,
    );
    lines.push(`|---|${report.interpreters.map(() => '---').join('|')}|`);
    for (const row of report.rows)
      lines.push(`| \`${row.module}\`${row.optional ? ' (optional)' : ''} | ${row.cells.map(verdictCell).join(' | ')} |`);
    lines.push('');
  }
  lines.push(`## Problems (${countsText(report.summary.causes)}, one per cause)`, '');
  const problems = report.causes.filter((cause) => cause.severity !== 'hint');
  const hints = report.causes.filter((cause) => cause.severity === 'hint');
  if (problems.length === 0) lines.push('No problems found.');
  for (const cause of problems) lines.push(...causeItem(cause));
  if (hints.length > 0) {
    lines.push('', '### Optional imports (not counted as problems)', '');
    for (const cause of hints) lines.push(...causeItem(cause));
  }
  if (report.variables.length > 0) {
    lines.push('', '## Environment variables', '');
    for (const [name, value] of report.variables) lines.push(`- \`${name}\` = \`${value}\``);
  }
  return escapeControlCharacters(`${lines.join('\n')}\n`);
}

function causeItem(cause: Cause): string[] {
  const lines = [`- **${cause.severity}** ${cause.message} (${cause.code})`];
  for (const place of cause.locations)
    lines.push(`  - at \`${place.file}:${place.line}:${place.column + 1}\`${place.module === null ? '' : ` ${place.module}`}`);
  for (const fix of cause.fixes) if (fix.kind !== 'openDocs') lines.push(`  - fix: ${fix.title}`);
  return lines;
}

function verdictCell(verdict: ModuleCell): string {
  const text =
    verdict.version !== null
      ? `${CELL_SYMBOL[verdict.kind]} ${verdict.version}`
      : `${CELL_SYMBOL[verdict.kind]} ${CELL_WORD[verdict.kind]}`;
  return cell(verdict.reason === null ? text : `${text}: ${verdict.reason}`);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
