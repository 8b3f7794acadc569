// Hand-written checks of every field the probe sends (and the cache stores), so protocol breakage is loud, not `as T`.
import {
  PROTOCOL_VERSION,
  type DeepCheckResult,
  type DistributionResult,
  type ExtensionFile,
  type FactsDocument,
  type ImportDocument,
  type InterpreterFacts,
  type LoadedPackage,
  type ProbeDocument,
  type ProveDocument,
  type RaisedAt,
  type ReportedImport,
  type SpecResult,
  type SysPathEntry,
  type SysPathOrigin,
} from './protocol';
import type { ImportResult } from './probeResult';

export type Validated<T> = { readonly kind: 'ok'; readonly document: T } | { readonly kind: 'invalid'; readonly reason: string };

type Json = Readonly<Record<string, unknown>>;

const SYS_PATH_ORIGINS: readonly SysPathOrigin[] = ['script', 'pythonpath', 'stdlib', 'site', 'user-site', 'pth', 'zip', 'other'];

/**
 * Reads typed fields and remembers the first problem with its JSON path. Readers return a harmless default after a
 * problem so one pass can finish; the caller then looks at `problem` and throws nothing away silently.
 */
class FieldReader {
  problem: string | null = null;

  fail(path: string, message: string): void {
    if (this.problem === null) this.problem = `${path}: ${message}`;
  }

  object(value: unknown, path: string): Json {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.fail(path, `expected an object, got ${describe(value)}`);
    return {};
  }

  string(o: Json, key: string, path: string): string {
    const value = o[key];
    if (typeof value === 'string') return value;
    this.fail(`${path}.${key}`, `expected a string, got ${describe(value)}`);
    return '';
  }

  nullableString(o: Json, key: string, path: string): string | null {
    const value = o[key];
    if (value === null || typeof value === 'string') return value;
    this.fail(`${path}.${key}`, `expected a string or null, got ${describe(value)}`);
    return null;
  }

  boolean(o: Json, key: string, path: string): boolean {
    const value = o[key];
    if (typeof value === 'boolean') return value;
    this.fail(`${path}.${key}`, `expected a boolean, got ${describe(value)}`);
    return false;
  }

  integer(o: Json, key: string, path: string): number {
    const value = o[key];
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    this.fail(`${path}.${key}`, `expected an integer, got ${describe(value)}`);
    return 0;
  }

  nullableInteger(o: Json, key: string, path: string): number | null {
    return o[key] === null ? null : this.integer(o, key, path);
  }

  oneOf<T extends string>(o: Json, key: string, allowed: readonly T[], path: string): T {
    const value = o[key];
    const match = allowed.find((candidate) => candidate === value);
    if (match !== undefined) return match;
    this.fail(`${path}.${key}`, `expected one of ${allowed.join('|')}, got ${describe(value)}`);
    return allowed[0] as T;
  }

  array<T>(o: Json, key: string, path: string, item: (value: unknown, path: string) => T): T[] {
    const value = o[key];
    if (!Array.isArray(value)) {
      this.fail(`${path}.${key}`, `expected an array, got ${describe(value)}`);
      return [];
    }
    return value.map((element, index) => item(element, `${path}.${key}[${index}]`));
  }

  strings(o: Json, key: string, path: string): string[] {
    return this.array(o, key, path, (value, itemPath) => {
      if (typeof value === 'string') return value;
      this.fail(itemPath, `expected a string, got ${describe(value)}`);
      return '';
    });
  }

  record<T>(o: Json, key: string, path: string, item: (value: unknown, path: string) => T): Record<string, T> {
    const source = this.object(o[key], `${path}.${key}`);
    const result: Record<string, T> = {};
    for (const [name, value] of Object.entries(source)) result[name] = item(value, `${path}.${key}[${JSON.stringify(name)}]`);
    return result;
  }

  done<T>(document: T): Validated<T> {
    return this.problem === null ? { kind: 'ok', document } : { kind: 'invalid', reason: `bad probe document: ${this.problem}` };
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

function readSysPathEntry(r: FieldReader, value: unknown, path: string): SysPathEntry {
  const o = r.object(value, path);
  const entry = {
    path: r.string(o, 'path', path),
    origin: r.oneOf(o, 'origin', SYS_PATH_ORIGINS, path),
    exists: r.boolean(o, 'exists', path),
  };
  return o.pthFile === undefined ? entry : { ...entry, pthFile: r.string(o, 'pthFile', path) };
}

function readFacts(r: FieldReader, value: unknown, path: string): InterpreterFacts {
  const o = r.object(value, path);
  const v = r.object(o.version, `${path}.version`);
  const versionPath = `${path}.version`;
  return {
    implementation: r.string(o, 'implementation', path),
    version: {
      major: r.integer(v, 'major', versionPath),
      minor: r.integer(v, 'minor', versionPath),
      micro: r.integer(v, 'micro', versionPath),
      releaseLevel: r.string(v, 'releaseLevel', versionPath),
    },
    versionString: r.string(o, 'versionString', path),
    executable: r.string(o, 'executable', path),
    prefix: r.string(o, 'prefix', path),
    basePrefix: r.string(o, 'basePrefix', path),
    platform: r.string(o, 'platform', path),
    machine: r.string(o, 'machine', path),
    extSuffix: r.nullableString(o, 'extSuffix', path),
    soabi: r.nullableString(o, 'soabi', path),
    isVenv: r.boolean(o, 'isVenv', path),
    isConda: r.boolean(o, 'isConda', path),
    externallyManaged: r.boolean(o, 'externallyManaged', path),
    sysPath: r.array(o, 'sysPath', path, (entry, entryPath) => readSysPathEntry(r, entry, entryPath)),
    pythonPathEnv: r.nullableString(o, 'pythonPathEnv', path),
    stdlibModules: r.strings(o, 'stdlibModules', path),
    builtinModules: r.strings(o, 'builtinModules', path),
    siteDirs: r.strings(o, 'siteDirs', path),
  };
}

function readSpec(r: FieldReader, value: unknown, path: string): SpecResult {
  const o = r.object(value, path);
  if (o.found === true) return { found: true, origin: r.nullableString(o, 'origin', path), isPackage: r.boolean(o, 'isPackage', path) };
  if (o.found === false) {
    return { found: false, foreignExtensions: r.strings(o, 'foreignExtensions', path), caseVariants: r.strings(o, 'caseVariants', path) };
  }
  if (o.found === 'error')
    return { found: 'error', exceptionType: r.string(o, 'exceptionType', path), message: r.string(o, 'message', path) };
  r.fail(`${path}.found`, `expected true, false or "error", got ${describe(o.found)}`);
  return { found: false, foreignExtensions: [], caseVariants: [] };
}

function readDistribution(r: FieldReader, value: unknown, path: string): DistributionResult {
  const o = r.object(value, path);
  if (o.found === true) return { found: true, version: r.nullableString(o, 'version', path) };
  if (o.found === false) return { found: false, message: r.string(o, 'message', path) };
  if (o.found === 'not-applicable') return { found: 'not-applicable' };
  if (o.found === 'error')
    return { found: 'error', exceptionType: r.string(o, 'exceptionType', path), message: r.string(o, 'message', path) };
  r.fail(`${path}.found`, `expected true, false, "not-applicable" or "error", got ${describe(o.found)}`);
  return { found: 'not-applicable' };
}

function readExtension(r: FieldReader, value: unknown, path: string): ExtensionFile {
  const o = r.object(value, path);
  return { file: r.string(o, 'file', path), abiTag: r.nullableString(o, 'abiTag', path) };
}

function readDeepCheck(r: FieldReader, value: unknown, path: string): DeepCheckResult {
  const o = r.object(value, path);
  const target = r.string(o, 'target', path);
  const status = r.oneOf(o, 'status', ['ok', 'error'] as const, path);
  if (status === 'ok') return { target, status };
  return { target, status, exceptionType: r.string(o, 'exceptionType', path), message: r.string(o, 'message', path) };
}

function readRaisedAt(r: FieldReader, value: unknown, path: string): RaisedAt | null {
  if (value === null) return null;
  const o = r.object(value, path);
  return { file: r.string(o, 'file', path), line: r.integer(o, 'line', path) };
}

function readReportedImport(r: FieldReader, value: unknown, path: string): ReportedImport {
  const o = r.object(value, path);
  const status = r.oneOf(o, 'status', ['ok', 'missing', 'error'] as const, path);
  switch (status) {
    case 'ok':
      return {
        status,
        file: r.nullableString(o, 'file', path),
        version: r.nullableString(o, 'version', path),
        extensions: r.array(o, 'extensions', path, (e, p) => readExtension(r, e, p)),
        deepChecks: r.array(o, 'deepChecks', path, (e, p) => readDeepCheck(r, e, p)),
      };
    case 'missing':
      return { status, exceptionType: r.string(o, 'exceptionType', path), message: r.string(o, 'message', path) };
    case 'error':
      return {
        status,
        stage: r.oneOf(o, 'stage', ['import', 'deep-check'] as const, path),
        target: r.string(o, 'target', path),
        exceptionType: r.string(o, 'exceptionType', path),
        message: r.string(o, 'message', path),
        missingName: r.nullableString(o, 'missingName', path),
        raisedAt: readRaisedAt(r, o.raisedAt, `${path}.raisedAt`),
        traceback: r.string(o, 'traceback', path),
        file: r.nullableString(o, 'file', path),
        version: r.nullableString(o, 'version', path),
        extensions: r.array(o, 'extensions', path, (e, p) => readExtension(r, e, p)),
        ...(o.loaded === undefined ? {} : { loaded: r.array(o, 'loaded', path, (e, p) => readLoaded(r, e, p)) }),
        ...(o.errorPath === undefined ? {} : { errorPath: r.nullableString(o, 'errorPath', path) }),
      };
  }
}

function readLoaded(r: FieldReader, value: unknown, path: string): LoadedPackage {
  const o = r.object(value, path);
  return { module: r.string(o, 'module', path), file: r.nullableString(o, 'file', path), version: r.nullableString(o, 'version', path) };
}

function readImportResult(r: FieldReader, value: unknown, path: string): ImportResult {
  const o = r.object(value, path);
  switch (o.status) {
    case 'crash':
      return {
        status: 'crash',
        exitCode: r.nullableInteger(o, 'exitCode', path),
        signal: r.nullableString(o, 'signal', path),
        stderrExcerpt: r.string(o, 'stderrExcerpt', path),
      };
    case 'timeout':
      return { status: 'timeout', timeoutMs: r.integer(o, 'timeoutMs', path) };
    case 'not-run':
      return { status: 'not-run', reason: r.oneOf(o, 'reason', ['spec-missing', 'aborted'] as const, path) };
    default:
      return readReportedImport(r, o, path);
  }
}

/** Checks a parsed probe document field by field; a protocol version mismatch gets its own clear reason. */
export function validateProbeDocument(value: unknown): Validated<ProbeDocument> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', reason: `bad probe document: expected a JSON object, got ${describe(value)}` };
  }
  const r = new FieldReader();
  const o = value as Json;
  if (o.protocolVersion !== PROTOCOL_VERSION) {
    return {
      kind: 'invalid',
      reason: `the probe speaks protocol version ${typeof o.protocolVersion === 'number' ? o.protocolVersion : describe(o.protocolVersion)}, this extension expects ${PROTOCOL_VERSION} (python/probe.py and the extension are from different versions)`,
    };
  }
  if (o.mode === 'broken' || o.mode === 'usage') {
    return { kind: 'invalid', reason: `the probe failed: ${typeof o.error === 'string' ? o.error : describe(o.error)}` };
  }
  if (o.mode === 'facts') {
    const document: FactsDocument = {
      protocolVersion: PROTOCOL_VERSION,
      mode: 'facts',
      interpreter: readFacts(r, o.interpreter, 'document.interpreter'),
      specs: r.record(o, 'specs', 'document', (spec, path) => readSpec(r, spec, path)),
      ...(o.distributions === undefined
        ? {}
        : { distributions: r.record(o, 'distributions', 'document', (result, path) => readDistribution(r, result, path)) }),
    };
    return r.done<ProbeDocument>(document);
  }
  if (o.mode === 'import') {
    const document: ImportDocument = {
      protocolVersion: PROTOCOL_VERSION,
      mode: 'import',
      module: r.string(o, 'module', 'document'),
      outcome: readReportedImport(r, o.outcome, 'document.outcome'),
    };
    return r.done<ProbeDocument>(document);
  }
  if (o.mode === 'prove') {
    const document: ProveDocument = {
      protocolVersion: PROTOCOL_VERSION,
      mode: 'prove',
      module: r.string(o, 'module', 'document'),
      outcome: readReportedImport(r, o.outcome, 'document.outcome'),
      dropped: r.strings(o, 'dropped', 'document'),
      watched: r.array(o, 'watched', 'document', (e, p) => readLoaded(r, e, p)),
    };
    return r.done<ProbeDocument>(document);
  }
  return { kind: 'invalid', reason: `bad probe document: document.mode: expected "facts", "import" or "prove", got ${describe(o.mode)}` };
}

/** For the probe cache's file: the same checks on what a previous run stored. */
export function validateCachedFacts(value: unknown): Validated<InterpreterFacts> {
  const r = new FieldReader();
  return r.done(readFacts(r, value, 'facts'));
}

export function validateCachedSpecs(value: unknown): Validated<Record<string, SpecResult>> {
  const r = new FieldReader();
  return r.done(r.record({ specs: value }, 'specs', 'cache', (spec, path) => readSpec(r, spec, path)));
}

export function validateCachedImports(value: unknown): Validated<Record<string, ImportResult>> {
  const r = new FieldReader();
  return r.done(r.record({ imports: value }, 'imports', 'cache', (result, path) => readImportResult(r, result, path)));
}
