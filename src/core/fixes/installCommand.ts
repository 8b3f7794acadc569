// How to install missing packages into one interpreter's environment, with the tool that environment is managed by.
import * as path from 'node:path';
import type { FixSpec } from '../findings/fixSpec';
import type { InterpreterRef } from '../interpreters/interpreter';
import type { InterpreterFacts } from '../probe/protocol';
import { packageNames } from './packageNames';
import { shellLine } from './shellQuote';
import { interpreterCommand } from './interpreterCommand';

export interface InstallTarget {
  readonly interpreter: InterpreterRef;
  readonly facts: InterpreterFacts;
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
  const venv = path.join(baseDir, '.venv');
  const requirements = path.join(baseDir, 'requirements.txt');
  const commands = [shellLine([basePython, '-m', 'venv', '--system-site-packages', venv])];
  if (pipPackages.length > 0) commands.push(shellLine([path.join(venv, 'bin', 'python'), '-m', 'pip', 'install', '-r', requirements]));
  const what = pipPackages.length > 0 ? ` and install ${pipPackages.join(', ')}` : '';
  return {
    kind: 'createEnvironment',
    title: `Create a venv from ${basePython} with --system-site-packages${what}`,
    tool: 'venv',
    file: requirements,
    content: pipPackages.map((p) => `${p}\n`).join(''),
    commands,
  };
}

/**
 * The fix that installs the packages behind `modules` into the target's environment: conda for a conda env, pip
 * otherwise — except where PEP 668 forbids pip (a Debian system Python), where a venv is offered instead of
 * `--break-system-packages`. Null when nothing installable is left (ROS packages are not on PyPI or conda-forge).
 */
export function installFix(target: InstallTarget, modules: readonly string[], baseDir: string | null): FixSpec | null {
  const { interpreter, facts } = target;
  const names = modules.map(packageNames).filter((n) => !n.ros);
  if (facts.isConda) {
    const packages = unique(names.flatMap((n) => (n.conda === null ? [] : [n.conda])));
    if (packages.length === 0) return null;
    return {
      kind: 'installPackages',
      title: `Install ${packages.join(', ')} into ${interpreter.displayName}`,
      interpreter: interpreter.path,
      packages,
      tool: 'conda',
      command: condaInstallLine(interpreter.envPrefix ?? facts.prefix, packages),
    };
  }
  const packages = unique(names.flatMap((n) => (n.pip === null ? [] : [n.pip])));
  if (packages.length === 0) return null;
  if (facts.externallyManaged && !facts.isVenv) {
    return baseDir === null ? null : venvFix(interpreterCommand(interpreter), packages, baseDir);
  }
  return {
    kind: 'installPackages',
    title: `Install ${packages.join(', ')} into ${interpreter.displayName}`,
    interpreter: interpreter.path,
    packages,
    tool: 'pip',
    command: pipInstallLine(interpreterCommand(interpreter), packages),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
