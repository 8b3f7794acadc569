// Recorded probe output (test/fixtures/probes), loaded through the same validator the prober uses on a live probe:
// a fixture that no longer matches the protocol fails loudly where it is loaded, never deep inside a rule test.
import { readFileSync } from 'node:fs';
import type { InterpreterProbe, ImportResult } from '../../src/core/probe/probeResult';
import { PROTOCOL_VERSION, type InterpreterFacts, type ReportedImport, type SpecResult } from '../../src/core/probe/protocol';
import { validateProbeDocument } from '../../src/core/probe/validateProbeDocument';

export interface RecordedInterpreter {
  readonly facts: InterpreterFacts;
  readonly specs: Readonly<Record<string, SpecResult>>;
  readonly imports: Readonly<Record<string, ReportedImport>>;
}

type Json = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what} (re-record it: node --import tsx scripts/recordProbeFixtures.ts)`);
}

/** What the runner, not the probe, adds to an import: a crash, a timeout, not run. */
function runnerImport(file: string, module: string, value: Json): ImportResult {
  const where = `import of ${module}`;
  switch (value.status) {
    case 'crash':
      if (typeof value.stderrExcerpt !== 'string') fail(file, `${where}: crash without stderrExcerpt`);
      return {
        status: 'crash',
        exitCode: typeof value.exitCode === 'number' ? value.exitCode : null,
        signal: typeof value.signal === 'string' ? value.signal : null,
        stderrExcerpt: value.stderrExcerpt,
      };
    case 'timeout':
      if (typeof value.timeoutMs !== 'number') fail(file, `${where}: timeout without timeoutMs`);
      return { status: 'timeout', timeoutMs: value.timeoutMs };
    case 'not-run':
      if (value.reason !== 'spec-missing' && value.reason !== 'aborted')
        fail(file, `${where}: not-run with reason ${String(value.reason)}`);
      return { status: 'not-run', reason: value.reason };
    default: {
      const checked = validateProbeDocument({ protocolVersion: PROTOCOL_VERSION, mode: 'import', module, outcome: value });
      if (checked.kind === 'invalid') fail(file, `${where}: ${checked.reason}`);
      if (checked.document.mode !== 'import') fail(file, `${where}: not an import`);
      return checked.document.outcome;
    }
  }
}

/** An InterpreterProbe as recorded: `value` is the fixture's probe, already parsed. */
export function validatedProbe(file: string, value: unknown): InterpreterProbe {
  if (!isObject(value) || !isObject(value.interpreter)) fail(file, 'no probe with an interpreter');
  const interpreter = value.interpreter as unknown as InterpreterProbe['interpreter'];
  for (const field of ['path', 'realPath', 'kind', 'source', 'displayName'] as const) {
    if (typeof interpreter[field] !== 'string') fail(file, `interpreter.${field} is not a string`);
  }
  switch (value.kind) {
    case 'invalid':
      if (typeof value.reason !== 'string' || typeof value.detail !== 'string') fail(file, 'invalid probe without reason and detail');
      return value as unknown as InterpreterProbe;
    case 'timeout':
      if (typeof value.timeoutMs !== 'number') fail(file, 'timeout probe without timeoutMs');
      return value as unknown as InterpreterProbe;
    case 'ok': {
      const facts = validateProbeDocument({
        protocolVersion: PROTOCOL_VERSION,
        mode: 'facts',
        interpreter: value.facts,
        specs: value.specs,
      });
      if (facts.kind === 'invalid') fail(file, facts.reason);
      if (facts.document.mode !== 'facts') fail(file, 'not a facts document');
      if (!isObject(value.imports)) fail(file, 'imports is not an object');
      const imports: Record<string, ImportResult> = {};
      for (const [module, result] of Object.entries(value.imports)) {
        if (!isObject(result)) fail(file, `import of ${module} is not an object`);
        imports[module] = runnerImport(file, module, result);
      }
      if (value.environment !== 'sourced' && value.environment !== 'plain') fail(file, `environment is ${String(value.environment)}`);
      return {
        kind: 'ok',
        interpreter,
        facts: facts.document.interpreter,
        specs: facts.document.specs,
        imports,
        environment: value.environment,
        durationMs: typeof value.durationMs === 'number' ? value.durationMs : 0,
        cached: value.cached === true,
      };
    }
    default:
      return fail(file, `unknown probe kind ${String(value.kind)}`);
  }
}

/** A fixture file: either `{ probe, … }` (recordProbeFixtures.ts) or a bare probe (hand-made rule fixtures). */
export function loadRecordedProbe(file: string): InterpreterProbe {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return validatedProbe(file, isObject(parsed) && 'probe' in parsed ? parsed.probe : parsed);
}

/** A recorded interpreter that worked: its facts, specs and what the probe itself reported per import. */
export function recordedInterpreter(file: string): RecordedInterpreter {
  const probe = loadRecordedProbe(file);
  if (probe.kind !== 'ok') fail(file, 'not a recorded ok probe');
  const imports: Record<string, ReportedImport> = {};
  for (const [module, result] of Object.entries(probe.imports)) {
    if (result.status !== 'crash' && result.status !== 'timeout' && result.status !== 'not-run') imports[module] = result;
  }
  return { facts: probe.facts, specs: probe.specs, imports };
}
