// How to install missing packages into one interpreter's environment, with the tool that environment is managed by.
import type { FixSpec } from '../findings/fixSpec';
import type { InterpreterRef } from '../interpreters/interpreter';
import type { InterpreterFacts } from '../probe/protocol';
import { installFixes, systemSiteVenvFix } from './managerInstall';
import { classifyManager, NO_EVIDENCE } from '../managers/classifyManager';
import type { EnvironmentManager } from '../managers/environmentManager';
import type { RosDistro } from '../workspace/workspace';
import { shellLine } from './shellQuote';

export interface InstallTarget {
  readonly interpreter: InterpreterRef;
  readonly facts: InterpreterFacts;
  readonly manager?: EnvironmentManager;
  readonly rosDistro?: RosDistro;
}

export function pipInstallLine(python: string, packages: readonly string[]): string {
  return shellLine([python, '-m', 'pip', 'install', ...packages]);
}

export function condaInstallLine(prefix: string, packages: readonly string[]): string {
  return shellLine(['conda', 'install', '-p', prefix, '-c', 'conda-forge', ...packages]);
}

/**
 * A virtual environment next to the workspace that still sees the base interpreter's packages (ROS comes from
 * apt into the system's dist-packages), with the missing packages pip-installed into it.
 */
export function venvFix(basePython: string, pipPackages: readonly string[], baseDir: string): FixSpec {
  return systemSiteVenvFix(basePython, pipPackages, baseDir, false);
}

/**
 * The first fix that installs the packages behind `modules` into the target's environment, through its manager
 * (judged from the facts when the caller has not read it; see managerInstall.ts for every option). Null when
 * nothing installable is left (ROS packages are not on PyPI or conda-forge).
 */
export function installFix(target: InstallTarget, modules: readonly string[], baseDir: string | null): FixSpec | null {
  const manager = target.manager ?? classifyManager(target.interpreter, target.facts, NO_EVIDENCE);
  const rosDistro = target.rosDistro ?? { name: null, pythonVersion: null, pythonMinor: null, rosVersion: null, evidence: 'none' };
  return installFixes({ interpreter: target.interpreter, facts: target.facts, manager, rosDistro, baseDir }, modules)[0] ?? null;
}
