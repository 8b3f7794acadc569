// Install fixes through the manager of the interpreter, and only where they can work: apt only reaches the system
// Python (and only for packages Debian/Ubuntu has), pip is refused by a PEP 668 Python, a uv venv has no pip, a
// pixi environment changes through its manifest (`pixi add`), a conda env through `conda install -p`.
import * as path from 'node:path';
import type { FixSpec } from '../findings/fixSpec';
import type { InterpreterRef } from '../interpreters/interpreter';
import type { EnvironmentManager } from '../managers/environmentManager';
import type { InterpreterFacts } from '../probe/protocol';
import type { RosDistro } from '../workspace/workspace';
import { interpreterCommand } from './interpreterCommand';
import { aptPackage, packageNames } from './packageNames';
import { isRealRosDistro } from '../ros/distros';
import { robostackPackage } from '../ros/packageNames';
import { shellLine } from './shellQuote';

/** RoboStack's channel; its docs list it before conda-forge. */
export const ROBOSTACK_CHANNEL = 'robostack-staging';

export interface InstallContext {
  readonly interpreter: InterpreterRef;
  readonly facts: InterpreterFacts;
  readonly manager: EnvironmentManager;
  readonly rosDistro: RosDistro;
  /** Where a new venv (and its requirements.txt) would go; null when there is no folder to write to. */
  readonly baseDir: string | null;
}

type Spec<K extends FixSpec['kind']> = Extract<FixSpec, { kind: K }>;

function install(
  ctx: InstallContext,
  tool: Spec<'installPackages'>['tool'],
  packages: readonly string[],
  argv: readonly string[],
  title?: string,
): Spec<'installPackages'> {
  return {
    kind: 'installPackages',
    title:
      title ??
      (tool === 'apt' ? `Install ${packages.join(', ')} with apt` : `Install ${packages.join(', ')} into ${ctx.interpreter.displayName}`),
    interpreter: ctx.interpreter.path,
    packages,
    tool,
    command: shellLine(argv),
  };
}

export function aptInstallLine(packages: readonly string[]): string {
  return shellLine(['sudo', 'apt-get', 'install', ...packages]);
}

/**
 * A venv next to the workspace that still sees the system's packages (ROS comes from apt into dist-packages), with
 * the packages pip installs into it; `python3-venv` first where the system Python has no ensurepip.
 */
export function systemSiteVenvFix(
  basePython: string,
  pipPackages: readonly string[],
  baseDir: string,
  needsVenvPackage: boolean,
): Spec<'createEnvironment'> {
  const venv = path.join(baseDir, '.venv');
  const requirements = path.join(baseDir, 'requirements.txt');
  const commands: string[] = [];
  if (needsVenvPackage) commands.push(aptInstallLine(['python3-venv']));
  commands.push(shellLine([basePython, '-m', 'venv', '--system-site-packages', venv]));
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

/** rosdep's documented override of PEP 668; offered last, and only labelled as what it is. */
function breakSystemPackagesFix(ctx: InstallContext, packages: readonly string[]): Spec<'installPackages'> {
  const spec = install(
    ctx,
    'pip',
    packages,
    ['env', 'PIP_BREAK_SYSTEM_PACKAGES=1', interpreterCommand(ctx.interpreter), '-m', 'pip', 'install', '--user', ...packages],
    `Opt-in, overrides PEP 668: pip install --user ${packages.join(', ')} into ${ctx.interpreter.displayName} with PIP_BREAK_SYSTEM_PACKAGES=1 (can break apt's Python packages)`,
  );
  return { ...spec, optIn: 'break-system-packages' };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The distro to name RoboStack packages after: the workspace's, else the one the environment already uses. */
function roboStackDistro(ctx: InstallContext, own: string | null): RosDistro {
  if (isRealRosDistro(ctx.rosDistro.name) || own === null) return ctx.rosDistro;
  return { ...ctx.rosDistro, name: own };
}

/** conda-forge names for third-party modules, RoboStack names for ROS ones (null when RoboStack has none). */
function condaNames(
  ctx: InstallContext,
  modules: readonly string[],
  own: string | null,
): { readonly forge: string[]; readonly ros: string[] } {
  const distro = roboStackDistro(ctx, own);
  const forge: string[] = [];
  const ros: string[] = [];
  for (const module of modules) {
    const names = packageNames(module);
    if (names.ros) {
      const pkg = robostackPackage(module, distro);
      if (pkg !== null) ros.push(pkg);
    } else if (names.conda !== null) forge.push(names.conda);
  }
  return { forge: unique(forge), ros: unique(ros) };
}

function pipNames(modules: readonly string[]): string[] {
  return unique(
    modules.flatMap((m) => {
      const names = packageNames(m);
      return names.ros || names.pip === null ? [] : [names.pip];
    }),
  );
}

function pixiFixes(ctx: InstallContext, manager: Extract<EnvironmentManager, { kind: 'pixi' }>, modules: readonly string[]): FixSpec[] {
  const { forge, ros } = condaNames(ctx, modules, manager.rosDistro);
  const packages = [...ros, ...forge];
  if (packages.length === 0) return [];
  const feature = manager.environment === 'default' ? [] : ['--feature', manager.environment];
  const add = ['pixi', 'add', '--manifest-path', manager.manifest, ...feature, ...packages];
  const title = `Add ${packages.join(', ')} to pixi environment ${manager.environment} (${manager.manifest})`;
  if (ros.length === 0 || manager.robostack) return [install(ctx, 'pixi', packages, add, title)];
  // RoboStack's ros-* packages are on its channel only: the manifest must list it before pixi can solve them.
  const channel = shellLine([
    'pixi',
    'workspace',
    'channel',
    'add',
    '--manifest-path',
    manager.manifest,
    ...feature,
    '--prepend',
    ROBOSTACK_CHANNEL,
  ]);
  return [
    {
      kind: 'runInTerminal',
      title: `Add RoboStack's channel to ${manager.manifest}, then ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
      commands: [channel, shellLine(add)],
    },
  ];
}

function condaFixes(ctx: InstallContext, manager: Extract<EnvironmentManager, { kind: 'conda' }>, modules: readonly string[]): FixSpec[] {
  const { forge, ros } = condaNames(ctx, modules, manager.rosDistro);
  const out: FixSpec[] = [];
  if (forge.length > 0) out.push(install(ctx, 'conda', forge, ['conda', 'install', '-p', manager.prefix, '-c', 'conda-forge', ...forge]));
  if (ros.length > 0)
    out.push(install(ctx, 'conda', ros, ['conda', 'install', '-p', manager.prefix, '-c', ROBOSTACK_CHANNEL, '-c', 'conda-forge', ...ros]));
  return out;
}

function systemFixes(ctx: InstallContext, manager: Extract<EnvironmentManager, { kind: 'system' }>, modules: readonly string[]): FixSpec[] {
  const apt: string[] = [];
  const viaPip: string[] = [];
  for (const module of modules) {
    const pkg = aptPackage(module, ctx.rosDistro, ctx.facts.version.major);
    if (pkg !== null) apt.push(pkg);
    else if (!packageNames(module).ros) viaPip.push(module);
  }
  const out: FixSpec[] = [];
  if (apt.length > 0) out.push(install(ctx, 'apt', unique(apt), ['sudo', 'apt-get', 'install', ...unique(apt)]));
  const pip = pipNames(viaPip);
  if (pip.length === 0) return out;
  if (!manager.externallyManaged) {
    out.push(install(ctx, 'pip', pip, [interpreterCommand(ctx.interpreter), '-m', 'pip', 'install', '--user', ...pip]));
    return out;
  }
  if (ctx.baseDir !== null) out.push(systemSiteVenvFix(interpreterCommand(ctx.interpreter), pip, ctx.baseDir, !manager.ensurepip));
  out.push(breakSystemPackagesFix(ctx, pip));
  return out;
}

/** Whether `python -m pip install` may change this environment: not PEP 668's, not uv's (no pip), not conda's or pixi's. */
export function pipManages(manager: EnvironmentManager): boolean {
  switch (manager.kind) {
    case 'venv':
    case 'pyenv':
      return true;
    case 'system':
    case 'other':
      return !manager.externallyManaged;
    case 'uv-venv':
    case 'conda':
    case 'pixi':
      return false;
  }
}

/**
 * Every fix that installs the packages behind `modules` into this interpreter, through its manager, best first.
 * Empty when the manager cannot provide them (ROS packages into a pip-only venv: switch interpreters instead).
 */
export function installFixes(ctx: InstallContext, modules: readonly string[]): FixSpec[] {
  const { manager } = ctx;
  const python = interpreterCommand(ctx.interpreter);
  switch (manager.kind) {
    case 'system':
      return systemFixes(ctx, manager, modules);
    case 'pixi':
      return pixiFixes(ctx, manager, modules);
    case 'conda':
      return condaFixes(ctx, manager, modules);
    case 'uv-venv': {
      const pip = pipNames(modules);
      return pip.length === 0 ? [] : [install(ctx, 'uv', pip, ['uv', 'pip', 'install', '--python', manager.prefix, ...pip])];
    }
    case 'venv':
    case 'pyenv': {
      const pip = pipNames(modules);
      return pip.length === 0 ? [] : [install(ctx, 'pip', pip, [python, '-m', 'pip', 'install', ...pip])];
    }
    case 'other': {
      const pip = pipNames(modules);
      if (pip.length === 0) return [];
      if (!manager.externallyManaged) return [install(ctx, 'pip', pip, [python, '-m', 'pip', 'install', ...pip])];
      return [...(ctx.baseDir === null ? [] : [systemSiteVenvFix(python, pip, ctx.baseDir, false)]), breakSystemPackagesFix(ctx, pip)];
    }
  }
}
