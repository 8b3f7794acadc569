// What probing one interpreter produced, after the runner's view (timeouts, crashes) is merged with the probe's own report.
import type { InterpreterRef } from '../interpreters/interpreter';
import type { DistributionResult, InterpreterFacts, ReportedImport, SpecResult } from './protocol';

/** A real import's result: what the probe reported, or what happened to its process. */
export type ImportResult =
  | ReportedImport
  | {
      /** The process died while importing: a segfault in a C extension, an abort, os._exit. */
      readonly status: 'crash';
      readonly exitCode: number | null;
      readonly signal: string | null;
      readonly stderrExcerpt: string;
    }
  | { readonly status: 'timeout'; readonly timeoutMs: number }
  /** Not imported: the spec pass already showed it missing, or the run was cut short. */
  | { readonly status: 'not-run'; readonly reason: 'spec-missing' | 'aborted' };

export type ImportStatus = ImportResult['status'];

export type InvalidReason = 'not-found' | 'not-executable' | 'not-a-file' | 'spawn-failed' | 'exited-without-result' | 'bad-protocol';

export type InterpreterProbe =
  | {
      readonly kind: 'ok';
      readonly interpreter: InterpreterRef;
      readonly facts: InterpreterFacts;
      readonly specs: Readonly<Record<string, SpecResult>>;
      readonly imports: Readonly<Record<string, ImportResult>>;
      /** The distributions the request asked about (ProbeRequest.distributions); absent when none were asked. */
      readonly distributions?: Readonly<Record<string, DistributionResult>>;
      /** Which environment the probe ran in: 'sourced' (setup script) or 'plain' (without it). */
      readonly environment: 'sourced' | 'plain';
      readonly durationMs: number;
      /** True when served from the cache without spawning a process. */
      readonly cached: boolean;
    }
  | {
      readonly kind: 'invalid';
      readonly interpreter: InterpreterRef;
      readonly reason: InvalidReason;
      /** A one-line explanation naming the path: exit code and the shell's message, spawn error code, … */
      readonly detail: string;
    }
  | {
      readonly kind: 'timeout';
      readonly interpreter: InterpreterRef;
      readonly timeoutMs: number;
      /** What hung: the interpreter's start-up (facts) — a hung import is an ImportResult instead. */
      readonly stage: 'startup';
    };
