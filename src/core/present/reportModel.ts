// The report: every known interpreter × every module the workspace imports, the ROS facts, the environment,
// every problem grouped by cause. The CLI prints it, the editor renders it, Copy as Markdown writes it.
import type { Diagnosis } from '../engine/doctorApi';
import { RELEVANT_VARIABLES } from '../engine/environment';
import type { Finding } from '../findings/finding';
import type { InterpreterProbe } from '../probe/probeResult';
import { chosenBy } from './interpreterSource';
import type { Cause } from './causes';
import { isUsable, moduleCell, type ModuleCell } from './moduleCell';
import { presentDiagnosis } from './presentation';
import type { ProblemSummary } from './problemSummary';

export interface ReportInterpreter {
  readonly path: string;
  readonly displayName: string;
  readonly version: string | null;
  readonly kind: string;
  readonly selected: boolean;
  /** 'works' when every required module imports; otherwise how many fail, or why it could not be probed. Optional imports never count against it. */
  readonly verdict: string;
  readonly usable: boolean;
}

export interface ReportRow {
  readonly module: string;
  /** Imported only inside try/except ImportError: the node runs without it. */
  readonly optional: boolean;
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
  /** The granular findings, as the rules gave them (JSON keeps them). */
  readonly findings: readonly Finding[];
  /** What the report lists: one entry per cause, with its places and one set of fixes. */
  readonly causes: readonly Cause[];
  readonly summary: ProblemSummary;
}

/** Modules imported only inside try/except ImportError (or only for type checking): the node runs without them. */
export function optionalModules(diagnosis: Diagnosis): ReadonlySet<string> {
  const required = new Set<string>();
  const seen = new Set<string>();
  for (const file of diagnosis.files) {
    for (const site of file.scan.imports) {
      seen.add(site.topLevel);
      if (!site.optional && !site.typeOnly) required.add(site.topLevel);
    }
  }
  return new Set([...seen].filter((module) => !required.has(module)));
}

export function buildReport(diagnosis: Diagnosis): ReportModel {
  const probes = [diagnosis.selected, ...diagnosis.others];
  const optional = optionalModules(diagnosis);
  const rows = diagnosis.modules.map((module) => ({
    module,
    optional: optional.has(module),
    cells: probes.map((probe) => moduleCell(probe, module)),
  }));
  const interpreters = probes.map((probe, column) =>
    describeInterpreter(
      probe,
      column === 0,
      rows.flatMap((row) => {
        const cell = row.cells[column];
        return cell === undefined ? [] : [{ cell, optional: row.optional }];
      }),
    ),
  );
  const presentation = presentDiagnosis(diagnosis);
  const distro = diagnosis.rosDistro;
  return {
    workspaceRoot: diagnosis.workspace?.root ?? null,
    workspaceKind: diagnosis.workspace?.kind ?? 'none',
    rosDistro: distro.name ?? 'unknown',
    rosPython:
      distro.pythonVersion === null
        ? 'unknown'
        : `Python ${distro.pythonVersion}${distro.pythonMinor === null ? '' : `.${distro.pythonMinor}`}`,
    environment: describeEnvironment(diagnosis),
    selectedInterpreter: { path: diagnosis.selected.interpreter.path, chosenBy: chosenBy(diagnosis.selected.interpreter.source) },
    variables: RELEVANT_VARIABLES.flatMap((name) => {
      const value = diagnosis.environment.vars[name];
      return value === undefined ? [] : [[name, value] as const];
    }),
    interpreters,
    rows,
    findings: diagnosis.findings,
    causes: presentation.causes,
    summary: presentation.summary,
  };
}

function describeInterpreter(
  probe: InterpreterProbe,
  selected: boolean,
  cells: readonly { readonly cell: ModuleCell; readonly optional: boolean }[],
): ReportInterpreter {
  const ref = probe.interpreter;
  const base = { path: ref.path, displayName: ref.displayName, kind: ref.kind, selected };
  if (probe.kind === 'invalid') return { ...base, version: null, verdict: `not usable: ${probe.detail}`, usable: false };
  if (probe.kind === 'timeout') return { ...base, version: null, verdict: 'hangs at start-up', usable: false };
  const { major, minor, micro } = probe.facts.version;
  const required = cells.filter((entry) => !entry.optional);
  const failing = required.filter((entry) => !isUsable(entry.cell)).length;
  const optionalFailing = cells.length - required.length - cells.filter((entry) => entry.optional && isUsable(entry.cell)).length;
  const optionalNote = optionalFailing === 0 ? '' : ` (without ${optionalFailing} optional module${optionalFailing === 1 ? '' : 's'})`;
  return {
    ...base,
    version: `${major}.${minor}.${micro}`,
    verdict: failing === 0 ? `works${optionalNote}` : `${failing} of ${required.length} required modules fail`,
    usable: failing === 0,
  };
}

function describeEnvironment(diagnosis: Diagnosis): string {
  const environment = diagnosis.environment;
  switch (environment.kind) {
    case 'sourced':
      return `sourced ${environment.scripts.join(', ')} with ${environment.shell}`;
    case 'plain':
      return {
        disabled: 'setup script not sourced (disabled)',
        'no-setup-script': 'no setup script found: the current environment as is',
        untrusted: 'untrusted workspace: nothing sourced',
      }[environment.reason];
    case 'failed':
      return `sourcing ${environment.script} failed: ${environment.detail}`;
  }
}
