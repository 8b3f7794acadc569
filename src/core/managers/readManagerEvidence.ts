// Reads the files that say who manages an interpreter, through the FileSystem port (nothing is run).
import * as path from 'node:path';
import type { FileSystem } from '../ports';
import type { InterpreterFacts } from '../probe/protocol';
import type { ManagerEvidence } from './classifyManager';

/** `<project>/.pixi/envs/<name>` → the project folder and the environment's name. */
export function pixiEnvOf(prefix: string): { readonly project: string; readonly environment: string } | null {
  const match = /^(.*)\/\.pixi\/envs\/([^/]+)\/?$/.exec(prefix);
  return match?.[1] === undefined || match[2] === undefined ? null : { project: match[1] === '' ? '/' : match[1], environment: match[2] };
}

async function pixiEvidence(
  fs: FileSystem,
  facts: InterpreterFacts,
  env: Readonly<Record<string, string>>,
): Promise<ManagerEvidence['pixi']> {
  if (!facts.isConda) return null;
  const local = pixiEnvOf(facts.prefix);
  if (local !== null) {
    for (const name of ['pixi.toml', 'pyproject.toml']) {
      const manifest = path.join(local.project, name);
      const text = await fs.readFile(manifest);
      if (text !== undefined && (name === 'pixi.toml' || /^\s*\[\s*tool\.pixi[\].]/m.test(text)))
        return { manifest, text, environment: local.environment };
    }
  }
  // pixi's detached environments live outside the project; an activated one names its manifest.
  const manifest = env.PIXI_PROJECT_MANIFEST;
  if (manifest !== undefined && manifest !== '' && env.CONDA_PREFIX === facts.prefix) {
    const text = await fs.readFile(manifest);
    if (text !== undefined) return { manifest, text, environment: env.PIXI_ENVIRONMENT_NAME ?? 'default' };
  }
  return null;
}

/** The standard library folder (not lib-dynload, not a zip), where PEP 668's marker and ensurepip live. */
export function stdlibDir(facts: InterpreterFacts): string | null {
  const entry = facts.sysPath.find((e) => e.origin === 'stdlib' && e.exists && !e.path.endsWith('lib-dynload'));
  return entry?.path ?? null;
}

export async function readManagerEvidence(
  fs: FileSystem,
  facts: InterpreterFacts,
  env: Readonly<Record<string, string>>,
): Promise<ManagerEvidence> {
  const stdlib = stdlibDir(facts);
  const [pyvenvCfg, condaHistory, pixi, ensurepip] = await Promise.all([
    facts.isVenv ? fs.readFile(path.join(facts.prefix, 'pyvenv.cfg')) : undefined,
    facts.isConda ? fs.readFile(path.join(facts.prefix, 'conda-meta', 'history')) : undefined,
    pixiEvidence(fs, facts, env),
    stdlib === null ? undefined : fs.stat(path.join(stdlib, 'ensurepip', '__init__.py')),
  ]);
  return {
    pyvenvCfg: pyvenvCfg ?? (facts.isVenv ? '' : null),
    condaHistory: condaHistory ?? (facts.isConda ? '' : null),
    pixi,
    ensurepip: stdlib === null || ensurepip?.kind === 'file',
  };
}
