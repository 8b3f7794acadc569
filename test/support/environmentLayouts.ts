// Real environment layouts that pixi, uv and conda would leave, built from real interpreters on this machine.
// pixi, conda and uv themselves cannot be installed here: these are LABELLED STAND-INS for their folders (a real
// Python prefix with conda-meta/ next to a pixi.toml; a real venv whose pyvenv.cfg says `uv = …`), never their tools.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A conda-style prefix at `prefix`: a hard-link copy of a pyenv version's tree (bin/, lib/ and its standard library)
 * with an empty site-packages, so it imports nothing third-party; plus conda-meta/history and package records.
 */
export function condaPrefixFrom(pyenvVersionDir: string, prefix: string, history: readonly string[]): string {
  mkdirSync(join(prefix, 'lib'), { recursive: true });
  execFileSync('cp', ['-al', join(pyenvVersionDir, 'bin'), join(prefix, 'bin')]);
  for (const entry of readdirSync(join(pyenvVersionDir, 'lib'))) {
    if (/^python\d\.\d+$/.test(entry)) {
      mkdirSync(join(prefix, 'lib', entry, 'site-packages'), { recursive: true });
      for (const inner of readdirSync(join(pyenvVersionDir, 'lib', entry))) {
        if (inner !== 'site-packages')
          execFileSync('cp', ['-al', join(pyenvVersionDir, 'lib', entry, inner), join(prefix, 'lib', entry, inner)]);
      }
    } else {
      execFileSync('cp', ['-al', join(pyenvVersionDir, 'lib', entry), join(prefix, 'lib', entry)]);
    }
  }
  mkdirSync(join(prefix, 'conda-meta'));
  writeFileSync(join(prefix, 'conda-meta', 'history'), `${history.join('\n')}\n`);
  for (const line of history) {
    const match = /::([a-z0-9_-]+?)-(\d[^-]*)-([^-]+)$/.exec(line);
    if (match === null) continue;
    const [, name, version, build] = match;
    writeFileSync(join(prefix, 'conda-meta', `${name}-${version}-${build}.json`), `${JSON.stringify({ name, version, build })}\n`);
  }
  return join(prefix, 'bin', 'python');
}

/** A pixi project: `<project>/pixi.toml` and `.pixi/envs/<environment>` as a conda-style prefix (stand-in, see above). */
export function pixiProject(
  project: string,
  pyenvVersionDir: string,
  manifest: string,
  environment = 'default',
): { python: string; manifest: string; prefix: string } {
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'pixi.toml'), manifest);
  const prefix = join(project, '.pixi', 'envs', environment);
  const python = condaPrefixFrom(pyenvVersionDir, prefix, [
    '==> 2026-03-02 09:14:03 <==',
    `# cmd: pixi install --manifest-path ${join(project, 'pixi.toml')}`,
    '+conda-forge/linux-64::python-3.11.7-hab00c5b_1_cpython',
    '+robostack-staging/linux-64::ros-noetic-roscpp-1.16.0-py311h8f54104_8',
  ]);
  return { python, manifest: join(project, 'pixi.toml'), prefix };
}

/** A venv as uv makes it (stand-in: a real `python -m venv` whose pyvenv.cfg gets uv's `uv = …` line). */
export function uvStyleVenv(basePython: string, venv: string, systemSitePackages: boolean): string {
  execFileSync(basePython, ['-m', 'venv', '--without-pip', ...(systemSitePackages ? ['--system-site-packages'] : []), venv]);
  const cfg = join(venv, 'pyvenv.cfg');
  writeFileSync(cfg, `${readFileSync(cfg, 'utf8')}uv = 0.5.11\n`);
  return join(venv, 'bin', 'python');
}
