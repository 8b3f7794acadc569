// One conda environment.yml holding every module the workspace imports, for when no single interpreter has them all.
import * as path from 'node:path';
import { Document, isScalar, isSeq } from 'yaml';
import type { FixSpec } from '../findings/fixSpec';
import type { RosDistro } from '../workspace/workspace';
import { packageNames } from './packageNames';
import { robostackPackage, rosEnvironmentName } from '../ros/packageNames';
import { shellLine } from './shellQuote';

export interface CondaEnvironment {
  readonly name: string;
  readonly content: string;
}

/** `ros-noetic`, else `ros-<workspace folder>`, else `ros-env`. */
export function environmentName(distro: RosDistro, workspaceRoot: string | null): string {
  const named = rosEnvironmentName(distro);
  if (named !== null) return named;
  if (workspaceRoot !== null) return `ros-${path.basename(workspaceRoot).replace(/[^A-Za-z0-9_.-]/g, '-')}`;
  return 'ros-env';
}

/** The `python=` pin: the ROS Python's major.minor when known, its major when only that is. */
function pythonPin(distro: RosDistro): string {
  if (distro.pythonVersion === null) return 'python';
  return distro.pythonMinor === null ? `python=${distro.pythonVersion}` : `python=${distro.pythonVersion}.${distro.pythonMinor}`;
}

export function environmentYml(modules: readonly string[], distro: RosDistro, workspaceRoot: string | null): CondaEnvironment {
  const name = environmentName(distro, workspaceRoot);
  const dependencies: string[] = [pythonPin(distro)];
  const itemComments = new Map<number, string>();
  const robostack: string[] = [];
  const uncovered: string[] = [];
  for (const module of [...modules].sort()) {
    const names = packageNames(module);
    const pkg = names.ros ? robostackPackage(module, distro) : names.conda;
    if (pkg === null) {
      uncovered.push(module);
      continue;
    }
    if (names.ros) robostack.push(pkg);
    if (dependencies.includes(pkg)) continue;
    dependencies.push(pkg);
    if (pkg !== module) itemComments.set(dependencies.length - 1, ` import ${module}`);
  }
  const channels = robostack.length > 0 ? ['robostack-staging', 'conda-forge'] : ['conda-forge'];
  const doc = new Document({ name, channels, dependencies });
  const notes = [' Written by ROS Env Doctor: one environment that imports every module the workspace needs.'];
  if (robostack.length > 0) notes.push(` ROS packages come from RoboStack (channel robostack-staging): ${robostack.join(', ')}.`);
  if (uncovered.length > 0) {
    notes.push(
      ` No conda package is known for ${uncovered.join(', ')} with ROS distro ${distro.name ?? '(unknown)'};`,
      ' install them for this environment’s Python or build them in the catkin workspace.',
    );
  }
  doc.commentBefore = notes.join('\n');
  const seq = doc.get('dependencies', true);
  if (isSeq(seq)) {
    for (const [index, comment] of itemComments) {
      const item = seq.items[index];
      if (isScalar(item)) item.comment = comment;
    }
  }
  return { name, content: doc.toString() };
}

/** The createEnvironment fix: write environment.yml at the workspace root, then `conda env create -f` it. */
export function condaEnvironmentFix(modules: readonly string[], distro: RosDistro, workspaceRoot: string | null, baseDir: string): FixSpec {
  const { name, content } = environmentYml(modules, distro, workspaceRoot);
  const file = path.join(workspaceRoot ?? baseDir, 'environment.yml');
  return {
    kind: 'createEnvironment',
    title: `Create conda environment ${name} with ${modules.join(', ')}`,
    tool: 'conda',
    file,
    content,
    commands: [shellLine(['conda', 'env', 'create', '-f', file])],
  };
}
