// What the editor layer needs from the engine and the Node adapters. extension.ts builds it from src/core and
// src/node; the editor never imports those implementations itself, so this is the one place they meet.
import type { Diagnosis, DiagnoseRequest } from '../core/engine/doctorApi';
import type { CapturedEnvironment } from '../core/engine/environment';
import type { InterpreterRef, InterpreterSource } from '../core/interpreters/interpreter';
import type { FileSystem } from '../core/ports';
import type { Workspace } from '../core/workspace/workspace';
import type { SetupScriptSetting, ShellSetting } from './settings';

export interface EnvironmentRequest {
  readonly workspace: Workspace | null;
  readonly folder: string;
  /** The extension host's environment with the Python extension's variables (.env) over it. */
  readonly baseEnv: Readonly<Record<string, string>>;
  readonly setupScript: SetupScriptSetting;
  readonly shell: ShellSetting;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

export interface DiscoveryRequest {
  readonly env: Readonly<Record<string, string>>;
  readonly workspaceRoot: string | null;
  readonly selected: string;
}

export interface DoctorServices {
  readonly fs: FileSystem;
  readonly home: string;
  detectWorkspace(folder: string): Promise<Workspace | null>;
  captureEnvironment(request: EnvironmentRequest): Promise<CapturedEnvironment>;
  resolveInterpreter(path: string, source: InterpreterSource, env: Readonly<Record<string, string>>, cwd: string | null): Promise<InterpreterRef>;
  discoverInterpreters(request: DiscoveryRequest): Promise<readonly InterpreterRef[]>;
  /** The distros installed under /opt/ros (folder names). */
  rosInstalls(): Promise<readonly string[]>;
  diagnose(request: DiagnoseRequest): Promise<Diagnosis>;
  /** Drops cached probe results, so the next diagnosis runs every interpreter again (Probe Environment, after a fix). */
  forgetProbes(): void;
  /** Processes spawned since activation, for the status tooltip and the tests. */
  processesSpawned(): number;
  reportMarkdown(diagnosis: Diagnosis): string;
}
