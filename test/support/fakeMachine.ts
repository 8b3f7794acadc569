// A fake ProcessRunner that answers as a machine whose interpreters were recorded by the real probe
// (test/fixtures/probes), plus the shell that sources a setup script. It records every call, so a test can say
// which processes a decision cost. Only for tests of orchestration: a probe itself is tested on real interpreters.
import { join } from 'node:path';
import type { ProcessOutcome, ProcessRunner, RunOptions } from '../../src/core/ports';
import { NONCE_VARIABLE, PROTOCOL_VERSION, sentinelBegin, sentinelEnd, type SpecResult } from '../../src/core/probe/protocol';
import { recordedInterpreter as loadRecorded, type RecordedInterpreter } from './recordedProbes';

/** A recorded probe (test/fixtures/probes/<name>.json), validated through the protocol validator as it is loaded. */
export function recordedInterpreter(name: string): RecordedInterpreter {
  return loadRecorded(join(__dirname, '..', 'fixtures', 'probes', `${name}.json`));
}

export interface Call {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  /** 'facts' or 'import' for a probe, 'shell' for sourcing a setup script, 'other' for anything else. */
  readonly kind: 'facts' | 'import' | 'shell' | 'other';
  /** The modules a probe was asked about. */
  readonly modules: readonly string[];
}

export interface FakeMachine extends ProcessRunner {
  readonly calls: Call[];
  callsFor(file: string, kind?: Call['kind']): Call[];
}

export interface MachineOptions {
  /** Interpreters by the path the prober runs (the resolved binary). */
  readonly interpreters: Readonly<Record<string, RecordedInterpreter>>;
  /** What sourcing any setup script adds to the environment. */
  readonly sourced?: Readonly<Record<string, string>>;
  /** Whether a module is found in this environment; default: as recorded. */
  readonly visible?: (module: string, env: Readonly<Record<string, string>>) => boolean;
}

/** The probe's block, framed by the nonce the prober gave this process (the real probe reads it from its environment). */
const block = (document: unknown, nonce: string | undefined): string =>
  `${sentinelBegin(nonce)}\n${JSON.stringify(document)}\n${sentinelEnd(nonce)}\n`;
const exited = (stdout: string, exitCode = 0, stderr = ''): ProcessOutcome => ({
  kind: 'exited',
  exitCode,
  stdout,
  stderr,
  truncated: false,
  durationMs: 1,
});
const missing: SpecResult = { found: false, foreignExtensions: [], caseVariants: [] };

export function fakeMachine(options: MachineOptions): FakeMachine {
  const calls: Call[] = [];
  const visible = options.visible ?? (() => true);
  return {
    calls,
    callsFor: (file, kind) => calls.filter((call) => call.file === file && (kind === undefined || call.kind === kind)),
    async run(file: string, args: readonly string[], runOptions: RunOptions): Promise<ProcessOutcome> {
      const env = runOptions.env ?? {};
      const interpreter = options.interpreters[file];
      if (interpreter !== undefined && args[0] === '-B') {
        const [, , mode, list = ''] = args;
        if (mode === 'facts') {
          const modules = list.split(',').filter((module) => module !== '');
          calls.push({ file, args, env, kind: 'facts', modules });
          const specs: Record<string, SpecResult> = {};
          for (const module of modules) specs[module] = visible(module, env) ? (interpreter.specs[module] ?? missing) : missing;
          return exited(
            block({ protocolVersion: PROTOCOL_VERSION, mode: 'facts', interpreter: interpreter.facts, specs }, env[NONCE_VARIABLE]),
          );
        }
        // `import <module> [deep]`, or `imports <module>=<deep> …`: one process, one block per module.
        const modules = mode === 'imports' ? args.slice(3).map((arg) => arg.split('=')[0] ?? arg) : [list];
        calls.push({ file, args, env, kind: 'import', modules });
        const blocks = modules.map((module) => {
          const recorded = visible(module, env) ? interpreter.imports[module] : undefined;
          const outcome = recorded ?? { status: 'missing', exceptionType: 'ModuleNotFoundError', message: `No module named '${module}'` };
          return block({ protocolVersion: PROTOCOL_VERSION, mode: 'import', module, outcome }, env[NONCE_VARIABLE]);
        });
        return exited(blocks.join(''));
      }
      const script = args.indexOf('-c');
      if (script >= 0 && (file.endsWith('/bash') || file.endsWith('/zsh'))) {
        // envCapture's wrapper: … -c WRAPPER name SCRIPT MARKER ENV
        const marker = args[script + 4] ?? '';
        calls.push({ file, args, env, kind: 'shell', modules: [] });
        const vars = { ...env, ...(options.sourced ?? {}) };
        return exited(
          `${marker}${Object.entries(vars)
            .map(([name, value]) => `${name}=${value}`)
            .join('\0')}\0`,
        );
      }
      calls.push({ file, args, env, kind: 'other', modules: [] });
      return { kind: 'spawn-error', code: 'ENOENT', message: `${file} is not on this fake machine` };
    },
  };
}
