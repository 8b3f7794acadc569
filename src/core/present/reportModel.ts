// The report: every known interpreter × every module the workspace imports, the ROS facts, the environment,
// every finding. The CLI prints it, the editor renders it, Copy as Markdown writes it.
import type { Diagnosis } from '../engine/doctorApi';
import { RELEVANT_VARIABLES } from '../engine/environment';
import type { Finding } from '../findings/finding';
import type { InterpreterProbe } from '../probe/probeResult';
import { chosenBy } from './interpreterSource';
import { isUsable, moduleCell, type ModuleCell } from './moduleCell';

export interface ReportInterpreter {
  readonly path: string;
  readonly displayName: string;
  readonly version: string | null;
  readonly kind: string;
  readonly selected: boolean;
  /** 'works' when every module imports; otherwise how many fail, or why it could not be probed. */
  readonly verdict: string;
  readonly usable: boolean;
}

export interface ReportRow {
  readonly module: string;
  /** One verdict per interpreter, in the order of ReportModel.interpreters. */
  readonly cells: readonly ModuleCell[];
}

export interface ReportModel {
  readonly workspaceRoot: string | null;
  readonly workspaceKind: string;
  readonly rosDistro: string;
  readonly rosPython: string;
  readonly environment: string;
  /** The selected interpreter and who chose it ("selected in the Python Environments extension"). */
  readonly selectedInterpreter: { readonly path: string; readonly chosenBy: string };
  readonly variables: readonly (readonly [string, string])[];
  readonly interpreters: readonly ReportInterpreter[];
  readonly rows: readonly ReportRow[];
  readonly findings: readonly Finding[];
}

export function buildReport(diagnosis: Diagnosis): ReportModel {
  const probes = [diagnosis.selected, ...diagnosis.others];
  const rows = diagnosis.modules.map((module) => ({ module, cells: probes.map((probe) => moduleCell(probe, module)) }));
  const interpreters = probes.map((probe, column) => describeInterpreter(probe, column === 0, rows.map((row) => row.cells[column]).filter((cell): cell is ModuleCell => cell !== undefined)));
  const distro = diagnosis.rosDistro;
  return {
    workspaceRoot: diagnosis.workspace?.root ?? null,
    workspaceKind: diagnosis.workspace?.kind ?? 'none',
    rosDistro: distro.name ?? 'unknown',
    rosPython: distro.pythonVersion === null ? 'unknown' : `Python ${distro.pythonVersion}${distro.pythonMinor === null ? '' : `.${distro.pythonMinor}`}`,
    environment: describeEnvironment(diagnosis),
    selectedInterpreter: { path: diagnosis.selected.interpreter.path, chosenBy: chosenBy(diagnosis.selected.interpreter.source) },
    variables: RELEVANT_VARIABLES.flatMap((name) => {
      const value = diagnosis.environment.vars[name];
      return value === undefined ? [] : [[name, value] as const];
    }),
    interpreters,
    rows,
    findings: diagnosis.findings,
  };
}

function describeInterpreter(probe: InterpreterProbe, selected: boolean, cells: readonly ModuleCell[]): ReportInterpreter {
  const ref = probe.interpreter;
  const base = { path: ref.path, displayName: ref.displayName, kind: ref.kind, selected };
  if (probe.kind === 'invalid') return { ...base, version: null, verdict: `not usable: ${probe.detail}`, usable: false };
  if (probe.kind === 'timeout') return { ...base, version: null, verdict: 'hangs at start-up', usable: false };
  const { major, minor, micro } = probe.facts.version;
  const failing = cells.filter((cell) => !isUsable(cell)).length;
  return {
    ...base,
    version: `${major}.${minor}.${micro}`,
    verdict: failing === 0 ? 'works' : `${failing} of ${cells.length} modules fail`,
    usable: failing === 0,
  };
}

function describeEnvironment(diagnosis: Diagnosis): string {
  const environment = diagnosis.environment;
  switch (environment.kind) {
    case 'sourced':
      return `sourced ${environment.scripts.join(', ')} with ${environment.shell}`;
    case 'plain':
      return { disabled: 'setup script not sourced (disabled)', 'no-setup-script': 'no setup script found: the current environment as is', untrusted: 'untrusted workspace: nothing sourced' }[environment.reason];
    case 'failed':
      return `sourcing ${environment.script} failed: ${environment.detail}`;
  }
}
