// The human report printed in a terminal; colours only when asked or on a TTY.
import { launchPathRows, type LaunchPathRow } from '../core/present/launchPathRows';
import * as path from 'node:path';
import type { Diagnosis } from '../core/engine/doctorApi';
import type { Severity } from '../core/findings/finding';
import type { FixSpec } from '../core/findings/fixSpec';
import type { InterpreterProbe } from '../core/probe/probeResult';
import { buildReport } from '../core/present/reportModel';
import { CELL_SYMBOL, isUsable, type ModuleCell } from '../core/present/moduleCell';
import { escapeControlCharacters, escapeControlCharactersKeepingColour } from '../core/present/controlCharacters';
import type { Cause } from '../core/present/causes';
import { countsText } from '../core/present/problemSummary';

interface Paint {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly severity: (severity: Severity, text: string) => string;
  readonly verdict: (verdict: ModuleCell, text: string) => string;
}

const ANSI = (code: string) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const colourful: Paint = {
  bold: ANSI('1'),
  dim: ANSI('2'),
  severity: (severity, text) => ANSI(severity === 'error' ? '31' : severity === 'warning' ? '33' : '36')(text),
  verdict: (verdict, text) => ANSI(isUsable(verdict) ? '32' : verdict.kind === 'unknown' ? '2' : '31')(text),
};
const plain: Paint = { bold: (t) => t, dim: (t) => t, severity: (_s, t) => t, verdict: (_v, t) => t };

/**
 * With `matrix` every probed interpreter gets a column; otherwise only the selected one and those fully
 * probed while looking for one that works (spec-only columns would be mostly noise).
 */
function launchVerdictText(row: LaunchPathRow): string {
  switch (row.verdict) {
    case 'ok':
      return '✓';
    case 'fails':
      return `✗ ${row.failing.join(', ')}`;
    case 'no-metadata':
      return "✗ its package's metadata is not found (setup script not sourced)";
    case 'missing-interpreter':
      return '✗ interpreter does not exist';
    case 'invalid-interpreter':
      return '✗ not a working interpreter';
    case 'not-probed':
      return '–';
  }
}

export function textReport(
  diagnosis: Diagnosis,
  options: { readonly color: boolean; readonly cwd: string; readonly matrix: boolean },
): string {
  const paint = options.color ? colourful : plain;
  const shown = options.matrix ? diagnosis : { ...diagnosis, others: diagnosis.others.filter(wasImported) };
  const hidden = diagnosis.others.length - shown.others.length;
  const report = buildReport(shown);
  const relative = (file: string): string => {
    const rel = path.relative(options.cwd, file);
    return rel.startsWith('..') ? file : rel;
  };
  const out: string[] = [];
  out.push(paint.bold('ROS Env Doctor'));
  out.push(
    `  workspace    ${report.workspaceRoot === null ? 'none (a loose folder)' : `${relative(report.workspaceRoot) || '.'} (${report.workspaceKind}, ${diagnosis.workspace?.packages.length ?? 0} packages, ${diagnosis.files.length} Python files)`}`,
  );
  out.push(`  ROS          ${report.rosDistro} (${report.rosPython})`);
  out.push(`  environment  ${report.environment}`);
  const selected = report.interpreters[0];
  if (selected !== undefined)
    out.push(
      `  interpreter  ${selected.displayName}${selected.version === null ? '' : ` (Python ${selected.version})`}${selected.path === selected.displayName ? '' : ` ${paint.dim(selected.path)}`}`,
    );
  out.push('');

  if (report.rows.length > 0) {
    const headers = [
      'module',
      ...report.interpreters.map((interpreter, index) => `${index === 0 ? '* ' : ''}${shorten(interpreter.displayName, 28)}`),
    ];
    const cells = report.rows.map((row) => [row.module, ...row.cells.map((verdict) => cellText(verdict))]);
    const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((row) => (row[column] ?? '').length)));
    const line = (values: readonly string[], colour?: (column: number, text: string) => string) =>
      `  ${values
        .map((value, column) => {
          const padded = value.padEnd(widths[column] ?? 0);
          return colour ? colour(column, padded) : padded;
        })
        .join('  ')}`.trimEnd();
    out.push(paint.bold(line(headers)));
    report.rows.forEach((row, rowIndex) => {
      out.push(
        line(cells[rowIndex] ?? [], (column, text) =>
          column === 0 ? text : paint.verdict(row.cells[column - 1] ?? { kind: 'unknown', version: null, reason: null }, text),
        ),
      );
    });
    out.push(paint.dim(`  * selected   ✓ imports   ✓? found, not imported   ✗ missing or fails   ⏱ hangs   ? unknown`));
    if (hidden > 0)
      out.push(
        paint.dim(`  ${hidden} other interpreter${hidden === 1 ? '' : 's'} checked without importing; --all probes every one fully`),
      );
    out.push('');
  }

  const launchRows = launchPathRows(diagnosis.launch);
  if (launchRows.length > 0) {
    out.push(paint.bold('Launch paths'));
    for (const row of launchRows) out.push(`  ${row.command}  →  ${row.interpreter}  →  ${launchVerdictText(row)}`);
    out.push('');
  }

  const problems = report.causes.filter((cause) => cause.severity !== 'hint');
  const hints = report.causes.filter((cause) => cause.severity === 'hint');
  if (problems.length === 0) {
    out.push(`No problems found: ${selected?.displayName ?? 'the interpreter'} can import everything the workspace needs.`);
  } else {
    out.push(paint.bold(`Problems: ${countsText(report.summary.causes)}, one per cause`));
    for (const cause of problems) out.push(...causeLines(cause, paint, relative));
  }
  if (hints.length > 0) {
    out.push('', paint.dim(`Optional imports (inside try/except ImportError), not counted as problems:`));
    for (const cause of hints) out.push(...causeLines(cause, paint, relative));
  }
  const text = `${out.join('\n')}\n`;
  return options.color ? escapeControlCharactersKeepingColour(text) : escapeControlCharacters(text);
}

function wasImported(probe: InterpreterProbe): boolean {
  return probe.kind === 'ok' && Object.values(probe.imports).some((result) => result.status !== 'not-run');
}

function cellText(verdict: ModuleCell): string {
  if (verdict.kind === 'ok') return `${CELL_SYMBOL.ok} ${verdict.version ?? ''}`.trimEnd();
  if (verdict.reason !== null) return `${CELL_SYMBOL[verdict.kind]} ${shortenEnd(verdict.reason, 36)}`;
  if (verdict.kind === 'missing') return `${CELL_SYMBOL.missing} missing`;
  return CELL_SYMBOL[verdict.kind];
}

function shortenEnd(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function causeLines(cause: Cause, paint: Paint, relative: (file: string) => string): string[] {
  const severity = cause.severity === 'info' ? 'note' : cause.severity;
  const lines = [
    `  ${paint.severity(cause.severity === 'hint' ? 'info' : cause.severity, severity.padEnd(7))} ${cause.message} ${paint.dim(`[${cause.code}]`)}`,
  ];
  const places = cause.locations.map(
    (place) => `${relative(place.file)}:${place.line}:${place.column + 1}${place.module === null ? '' : ` ${place.module}`}`,
  );
  if (places.length === 0 && cause.interpreter !== null) places.push(cause.interpreter);
  for (const place of places.slice(0, 8)) lines.push(paint.dim(`            at ${place}`));
  if (places.length > 8) lines.push(paint.dim(`            and ${places.length - 8} more places`));
  if (cause.detail !== null)
    for (const detailLine of cause.detail.split('\n').slice(-6)) lines.push(paint.dim(`            ${detailLine}`));
  for (const fix of cause.fixes) {
    const how = fixHow(fix.fix);
    if (how === null) continue;
    // The command on a line of its own: titles may have their own colon, and a command is easier to copy alone.
    lines.push(`            → ${fix.title}`);
    if (how !== '') lines.push(`              ${paint.bold(how)}`);
  }
  return lines;
}

function fixHow(fix: FixSpec): string | null {
  switch (fix.kind) {
    case 'installPackages':
      return fix.command;
    case 'buildFromSource':
    case 'runInTerminal':
      return fix.commands.join(' && ');
    case 'createEnvironment':
      return `write ${fix.file}, then ${fix.commands.join(' && ')}`;
    case 'editShebang':
      return fix.newText;
    case 'selectInterpreter':
    case 'replaceText':
      return '';
    case 'ignoreModule':
    case 'openDocs':
      return null;
  }
}

function shorten(text: string, max: number): string {
  return text.length > max ? `…${text.slice(text.length - max + 1)}` : text;
}
