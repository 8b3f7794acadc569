// The stable JSON output (schemaVersion 1), documented in the README's "JSON output" section.
import type { Diagnosis } from '../core/engine/doctorApi';
import type { FixSpec } from '../core/findings/fixSpec';
import type { InterpreterProbe } from '../core/probe/probeResult';
import { moduleCell, type CellKind } from '../core/present/moduleCell';
import { presentDiagnosis } from '../core/present/presentation';
import { launchPathRows, type LaunchPathRow } from '../core/present/launchPathRows';

export type JsonModuleStatus = 'ok' | 'found' | 'missing' | 'error' | 'crash' | 'timeout' | 'unknown';

const STATUS: Readonly<Record<CellKind, JsonModuleStatus>> = {
  ok: 'ok',
  found: 'found',
  missing: 'missing',
  fails: 'error',
  crash: 'crash',
  timeout: 'timeout',
  unknown: 'unknown',
};

export interface JsonModule {
  readonly status: JsonModuleStatus;
  readonly detail: string | null;
  readonly origin: string | null;
  readonly version: string | null;
}

export interface JsonInterpreter {
  readonly path: string;
  readonly realPath: string;
  readonly version: string | null;
  readonly kind: string;
  readonly probe: InterpreterProbe['kind'];
  readonly detail: string | null;
  readonly modules: Readonly<Record<string, JsonModule>>;
}

export interface JsonFinding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly detail: string | null;
  readonly interpreter: string | null;
  readonly module: string | null;
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  readonly endColumn: number | null;
  readonly fixes: readonly FixSpec[];
}

/** One cause: what one action repairs, with every place it shows (additive to schemaVersion 1). */
export interface JsonCause {
  readonly id: string;
  readonly code: string;
  /** error, warning, info, or hint (an optional import, not counted as a problem). */
  readonly severity: string;
  readonly message: string;
  readonly interpreter: string | null;
  readonly modules: readonly string[];
  readonly locations: readonly { readonly file: string; readonly line: number; readonly column: number; readonly module: string | null }[];
  /** The preferred fix first. */
  readonly fixes: readonly FixSpec[];
}

export interface JsonReport {
  readonly schemaVersion: 1;
  readonly workspace: {
    readonly root: string | null;
    readonly kind: string;
    readonly rosDistro: string | null;
    readonly rosPythonVersion: number | null;
  };
  readonly selectedInterpreter: string;
  readonly interpreters: readonly JsonInterpreter[];
  readonly findings: readonly JsonFinding[];
  readonly causes: readonly JsonCause[];
  /** Every way each node starts, the interpreter that runs it and whether that imports what the node needs. */
  readonly launchPaths: readonly LaunchPathRow[];
}

export function jsonReport(diagnosis: Diagnosis, modules: readonly string[] = diagnosis.modules): JsonReport {
  return {
    schemaVersion: 1,
    workspace: {
      root: diagnosis.workspace?.root ?? null,
      kind: diagnosis.workspace?.kind ?? 'none',
      rosDistro: diagnosis.rosDistro.name,
      rosPythonVersion: diagnosis.rosDistro.pythonVersion,
    },
    selectedInterpreter: diagnosis.selected.interpreter.path,
    interpreters: [diagnosis.selected, ...diagnosis.others].map((probe) => jsonInterpreter(probe, modules)),
    findings: diagnosis.findings.map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      detail: finding.detail,
      interpreter: finding.interpreter,
      module: finding.module,
      file: finding.location?.file ?? null,
      line: finding.location?.line ?? null,
      column: finding.location?.column ?? null,
      endColumn: finding.location?.endColumn ?? null,
      fixes: finding.fixes,
    })),
    causes: presentDiagnosis(diagnosis).causes.map((cause) => ({
      id: cause.id,
      code: cause.code,
      severity: cause.severity,
      message: cause.message,
      interpreter: cause.interpreter,
      modules: cause.modules,
      locations: cause.locations.map((place) => ({ file: place.file, line: place.line, column: place.column, module: place.module })),
      fixes: cause.fixes.filter((fix) => fix.kind !== 'openDocs').map((fix) => fix.fix),
    })),
    launchPaths: launchPathRows(diagnosis.launch),
  };
}

function jsonInterpreter(probe: InterpreterProbe, modules: readonly string[]): JsonInterpreter {
  const version = probe.kind === 'ok' ? `${probe.facts.version.major}.${probe.facts.version.minor}.${probe.facts.version.micro}` : null;
  const detail =
    probe.kind === 'invalid' ? probe.detail : probe.kind === 'timeout' ? `start-up did not finish within ${probe.timeoutMs} ms` : null;
  const entries = modules.map((module): [string, JsonModule] => {
    const verdict = moduleCell(probe, module);
    const spec = probe.kind === 'ok' ? probe.specs[module] : undefined;
    const result = probe.kind === 'ok' ? probe.imports[module] : undefined;
    const origin = result?.status === 'ok' ? result.file : spec?.found === true ? spec.origin : null;
    return [
      module,
      {
        status: STATUS[verdict.kind],
        detail: verdict.reason,
        origin,
        version: verdict.version,
      },
    ];
  });
  return {
    path: probe.interpreter.path,
    realPath: probe.interpreter.realPath,
    version,
    kind: probe.interpreter.kind,
    probe: probe.kind,
    detail,
    modules: Object.fromEntries(entries),
  };
}
