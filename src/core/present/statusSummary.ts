// The status item's words: interpreter by its environment's name, then a verdict per module that matters
// ("venv: .venv (py3.12) · torch ✗ rospy ✓"). Its counts and level come from the Presentation's ProblemSummary,
// the same object the Problems panel is filled from, so the two cannot disagree.
import * as path from 'node:path';
import type { Diagnosis } from '../engine/doctorApi';
import type { InterpreterProbe } from '../probe/probeResult';
import { moduleCell } from './moduleCell';
import { presentDiagnosis } from './presentation';
import { countsText, problemCount, type ProblemSummary, type SeverityCounts } from './problemSummary';
import { optionalModules } from './reportModel';

export type StatusLevel = 'ok' | 'warning' | 'error' | 'busy' | 'inactive';

export interface StatusSummary {
  readonly text: string;
  readonly tooltip: string;
  readonly level: StatusLevel;
  /** The diagnostics drawn, by severity: what the Problems panel lists for this folder. Null before a diagnosis. */
  readonly problems: SeverityCounts | null;
}

/** ROS modules a user looks for first when several are fine. */
const KEY_MODULES = ['rospy', 'rclpy', 'cv_bridge', 'torch', 'roslib', 'rospkg'];
const SHOWN_MODULES = 3;

/**
 * The status item's mark for a module: the report's cell (moduleCell.ts, itself the rules' verdict), so the two
 * always agree. Found by the spec pass says nothing about whether the import works: '?'.
 */
function markOf(probe: InterpreterProbe, module: string): '✓' | '✗' | '?' {
  const cell = moduleCell(probe, module);
  if (cell.kind === 'ok') return '✓';
  if (cell.kind === 'found' || cell.kind === 'unknown') return probe.kind === 'ok' ? '?' : '✗';
  return '✗';
}

const isBroken = (probe: InterpreterProbe, module: string): boolean => markOf(probe, module) === '✗';

/**
 * The interpreter by the name of its environment, with its Python version when the name does not say it:
 * "venv: .venv (py3.11)", "/usr/bin/python3 (py3.11)", "pyenv 3.11.7" — never a bare "py3.11", which three
 * interpreters can share.
 */
export function interpreterLabel(probe: InterpreterProbe): string {
  const name = probe.interpreter.displayName;
  if (probe.kind !== 'ok') return name;
  const { major, minor } = probe.facts.version;
  if (name.includes(`${major}.${minor}`)) return name;
  const prefix = probe.facts.implementation === 'cpython' ? 'py' : `${probe.facts.implementation} `;
  return `${name} (${prefix}${major}.${minor})`;
}

/** Broken required modules first, then the ROS ones people look for, then the rest alphabetically; optional imports last. */
function rankModules(probe: InterpreterProbe, modules: readonly string[], optional: ReadonlySet<string>): readonly string[] {
  const rank = (module: string): number => {
    const key = KEY_MODULES.indexOf(module);
    return (optional.has(module) ? 1000 : 0) + (isBroken(probe, module) ? 0 : 100) + (key === -1 ? 50 : key);
  };
  return [...modules].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function levelOf(summary: ProblemSummary): StatusLevel {
  const unlocated = (severity: 'error' | 'warning') => summary.unlocated.some((cause) => cause.severity === severity);
  if (summary.diagnostics.error > 0 || unlocated('error')) return 'error';
  if (summary.diagnostics.warning > 0 || unlocated('warning')) return 'warning';
  return 'ok';
}

/** "2 errors in scripts/node.py, scripts/talker.py", naming the files the Problems panel lists. */
function problemLines(diagnosis: Diagnosis, summary: ProblemSummary): string[] {
  const root = diagnosis.workspace?.root ?? null;
  const shown = (file: string): string => {
    if (root === null) return file;
    const relative = path.relative(root, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  const lines: string[] = [];
  const total = problemCount(summary.diagnostics);
  if (total === 0) lines.push('No problems on any line.');
  else {
    const files = summary.files.map((file) => `${shown(file.file)} (${countsText(file)})`);
    lines.push(
      `${countsText(summary.diagnostics)} in ${summary.files.length === 1 ? '1 file' : `${summary.files.length} files`}: ${files.join(', ')}`,
    );
  }
  for (const cause of summary.unlocated.filter((item) => item.severity !== 'hint')) lines.push(`Not on a line: ${cause.message}`);
  if (summary.diagnostics.hint > 0)
    lines.push(`${summary.diagnostics.hint} optional import${summary.diagnostics.hint === 1 ? '' : 's'} shown as hints.`);
  lines.push('Click for the report.');
  return lines;
}

export function statusSummary(diagnosis: Diagnosis): StatusSummary {
  const probe = diagnosis.selected;
  const summary = presentDiagnosis(diagnosis).summary;
  const problems = summary.diagnostics;
  const lines = problemLines(diagnosis, summary);
  const level = levelOf(summary);
  if (probe.kind === 'invalid') {
    return {
      text: `${probe.interpreter.displayName} ✗ not usable`,
      tooltip: [`${probe.interpreter.path}: ${probe.detail}`, ...lines].join('\n'),
      level: 'error',
      problems,
    };
  }
  if (probe.kind === 'timeout') {
    return {
      text: `${probe.interpreter.displayName} ✗ timed out`,
      tooltip: [`${probe.interpreter.path} did not start within ${probe.timeoutMs} ms.`, ...lines].join('\n'),
      level: 'error',
      problems,
    };
  }
  const optional = optionalModules(diagnosis);
  const ranked = rankModules(probe, diagnosis.modules, optional);
  const shown = ranked.slice(0, SHOWN_MODULES);
  const verdictText = shown.map((module) => `${module} ${markOf(probe, module)}`).join(' ');
  // "+N" counts only what fails and is not shown: modules that import fine are not news.
  const hiddenBroken = ranked.slice(SHOWN_MODULES).filter((module) => !optional.has(module) && isBroken(probe, module)).length;
  const text = [interpreterLabel(probe), verdictText + (hiddenBroken > 0 ? ` +${hiddenBroken} ✗` : '')]
    .filter((part) => part.length > 0)
    .join(' · ');
  const verdictLine = (modules: readonly string[]) => modules.map((module) => `${markOf(probe, module)} ${module}`).join('  ');
  const required = ranked.filter((module) => !optional.has(module));
  const optionalShown = ranked.filter((module) => optional.has(module));
  const tooltip = [
    `${probe.interpreter.displayName}, Python ${probe.facts.versionString}`,
    probe.interpreter.path,
    diagnosis.modules.length === 0 ? 'The workspace imports no third-party modules.' : verdictLine(required),
    ...(optionalShown.length === 0 ? [] : [`optional: ${verdictLine(optionalShown)}`]),
    ...lines,
  ];
  return { text, tooltip: tooltip.join('\n'), level, problems };
}

/** What the item says before or instead of a diagnosis. */
export type DoctorState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'probing'; readonly interpreter: string }
  | { readonly kind: 'untrusted' }
  | { readonly kind: 'no-interpreter'; readonly detail: string }
  | { readonly kind: 'failed'; readonly detail: string };

export function stateSummary(state: DoctorState): StatusSummary {
  switch (state.kind) {
    case 'idle':
      return {
        text: 'ROS Env Doctor',
        tooltip: 'Open a Python file of a ROS workspace to check its interpreter.',
        level: 'inactive',
        problems: null,
      };
    case 'probing':
      return {
        text: `Probing ${state.interpreter}…`,
        tooltip: `Checking what ${state.interpreter} can import.`,
        level: 'busy',
        problems: null,
      };
    case 'untrusted':
      return {
        text: 'ROS Env Doctor: restricted',
        tooltip: 'This workspace is not trusted, so no interpreter is run and no setup script is sourced. Trust the workspace to check it.',
        level: 'inactive',
        problems: null,
      };
    case 'no-interpreter':
      return { text: 'No Python interpreter', tooltip: state.detail, level: 'error', problems: null };
    case 'failed':
      return { text: 'ROS Env Doctor ✗', tooltip: state.detail, level: 'error', problems: null };
  }
}
