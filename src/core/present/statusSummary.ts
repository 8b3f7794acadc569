// The status item's words: interpreter, then a verdict per module that matters ("py3.12 · torch ✗ rospy ✓").
import type { Diagnosis } from '../engine/doctorApi';
import type { InterpreterProbe } from '../probe/probeResult';
import { moduleCell } from './moduleCell';

export type StatusLevel = 'ok' | 'warning' | 'error' | 'busy' | 'inactive';

export interface StatusSummary {
  readonly text: string;
  readonly tooltip: string;
  readonly level: StatusLevel;
}

export type ModuleVerdict = 'ok' | 'broken' | 'unknown';

/** ROS modules a user looks for first when several are fine. */
const KEY_MODULES = ['rospy', 'rclpy', 'cv_bridge', 'torch', 'roslib', 'rospkg'];
const SHOWN_MODULES = 3;

/** The status item's three-way view of the report's cell (moduleCell.ts), so both always agree. */
export function moduleVerdict(probe: InterpreterProbe, module: string): ModuleVerdict {
  const cell = moduleCell(probe, module);
  if (cell.kind === 'ok') return 'ok';
  // Found by the spec pass says nothing about whether the import works.
  if (cell.kind === 'found' || cell.kind === 'unknown') return probe.kind === 'ok' ? 'unknown' : 'broken';
  return 'broken';
}

const MARK: Readonly<Record<ModuleVerdict, string>> = { ok: '✓', broken: '✗', unknown: '?' };

/** "py3.12", or the interpreter's own name when it never answered. */
export function interpreterLabel(probe: InterpreterProbe): string {
  if (probe.kind === 'ok') {
    const version = probe.facts.version;
    const prefix = probe.facts.implementation === 'cpython' ? 'py' : `${probe.facts.implementation} `;
    return `${prefix}${version.major}.${version.minor}`;
  }
  return probe.interpreter.displayName;
}

/** Broken modules first, then the ROS ones people look for, then the rest alphabetically; optional imports last. */
function shownModules(probe: InterpreterProbe, modules: readonly string[], optional: ReadonlySet<string>): readonly string[] {
  const rank = (module: string): number => {
    const verdict = moduleVerdict(probe, module);
    const key = KEY_MODULES.indexOf(module);
    return (optional.has(module) ? 1000 : 0) + (verdict === 'broken' ? 0 : 100) + (key === -1 ? 50 : key);
  };
  return [...modules].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, SHOWN_MODULES);
}

export function statusSummary(diagnosis: Diagnosis): StatusSummary {
  const probe = diagnosis.selected;
  const name = probe.interpreter.displayName;
  const errors = diagnosis.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = diagnosis.findings.filter((finding) => finding.severity === 'warning').length;
  const problemLine = `${errors} error(s), ${warnings} warning(s) in the workspace. Click for the report.`;
  if (probe.kind === 'invalid') {
    return { text: `${name} ✗ not usable`, tooltip: `${probe.interpreter.path}: ${probe.detail}\n${problemLine}`, level: 'error' };
  }
  if (probe.kind === 'timeout') {
    return { text: `${name} ✗ timed out`, tooltip: `${probe.interpreter.path} did not start within ${probe.timeoutMs} ms.\n${problemLine}`, level: 'error' };
  }
  const verdicts = diagnosis.modules.map((module) => [module, moduleVerdict(probe, module)] as const);
  const optional = optionalModules(diagnosis);
  const shown = shownModules(probe, diagnosis.modules, optional);
  const verdictText = shown.map((module) => `${module} ${MARK[moduleVerdict(probe, module)]}`).join(' ');
  const hidden = diagnosis.modules.length - shown.length;
  const text = [interpreterLabel(probe), verdictText + (hidden > 0 ? ` +${hidden}` : '')].filter((part) => part.length > 0).join(' · ');
  const broken = verdicts.filter(([module, verdict]) => verdict === 'broken' && !optional.has(module)).map(([module]) => module);
  const level = errors > 0 || broken.length > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok';
  const lines = [
    `${name} — ${probe.facts.versionString}`,
    probe.interpreter.path,
    diagnosis.modules.length === 0 ? 'The workspace imports no third-party modules.' : verdicts.map(([module, verdict]) => `${MARK[verdict]} ${module}`).join('  '),
    problemLine,
  ];
  return { text, tooltip: lines.join('\n'), level };
}

/** Modules imported only inside try/except ImportError: the node runs without them. */
function optionalModules(diagnosis: Diagnosis): Set<string> {
  const required = new Set<string>();
  const seen = new Set<string>();
  for (const file of diagnosis.files) {
    for (const site of file.scan.imports) {
      seen.add(site.topLevel);
      if (!site.optional) required.add(site.topLevel);
    }
  }
  return new Set([...seen].filter((module) => !required.has(module)));
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
      return { text: 'ROS Env Doctor', tooltip: 'Open a Python file of a ROS workspace to check its interpreter.', level: 'inactive' };
    case 'probing':
      return { text: `Probing ${state.interpreter}…`, tooltip: `Checking what ${state.interpreter} can import.`, level: 'busy' };
    case 'untrusted':
      return {
        text: 'ROS Env Doctor: restricted',
        tooltip: 'This workspace is not trusted, so no interpreter is run and no setup script is sourced. Trust the workspace to check it.',
        level: 'inactive',
      };
    case 'no-interpreter':
      return { text: 'No Python interpreter', tooltip: state.detail, level: 'error' };
    case 'failed':
      return { text: 'ROS Env Doctor ✗', tooltip: state.detail, level: 'error' };
  }
}
