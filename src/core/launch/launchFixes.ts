// Fixes for a launch path whose interpreter cannot import what the node needs. Each is data (a fix spec); each was
// tested by applying it and probing again (test/integration/colconLaunch.test.ts).
import * as path from 'node:path';
import type { FixSpec } from '../findings/fixSpec';
import type { SourceRange } from '../findings/finding';
import type { InterpreterRef } from '../interpreters/interpreter';
import { interpreterCommand } from '../fixes/interpreterCommand';
import { shellLine } from '../fixes/shellQuote';
import type { RuleInput } from '../rules/ruleInput';
import { importsAll, isOk, type OkProbe } from '../rules/probeFacts';
import { modulesOf, type LaunchCheck } from './probeLaunchPaths';
import { venvSystemSiteFix } from '../rules/venvSystemSiteFix';
import { shebangFix } from '../fixes/shebangFix';

/** A Python that imports every module the given files need (all the workspace needs, when no files are given): the selected one first. */
export function workingInterpreter(input: RuleInput, files: readonly string[]): OkProbe | null {
  const modules = files.length === 0 ? [...input.modules.keys()] : modulesOf(files, input.modules);
  const launchProbes = (input.launch?.checks ?? []).map((check) => check.probe);
  const candidates = [input.selected, ...input.others, ...launchProbes].filter(isOk);
  return candidates.find((probe) => importsAll(probe, modules)) ?? null;
}

/** Rebuild the workspace with a Python that imports everything: colcon run by that Python bakes it into every entry point. */
export function rebuildFix(input: RuleInput, files: readonly string[]): FixSpec | null {
  const workspace = input.workspace;
  const working = workingInterpreter(input, files);
  if (workspace === null || working === null) return null;
  return rebuildWith(input, working.interpreter);
}

export function rebuildWith(input: RuleInput, interpreter: InterpreterRef): FixSpec | null {
  const workspace = input.workspace;
  if (workspace === null) return null;
  const python = interpreterCommand(interpreter);
  const cd = shellLine(['cd', workspace.root]);
  switch (workspace.kind) {
    case 'colcon':
      return {
        kind: 'runInTerminal',
        title: `Rebuild the workspace with ${python} (python -m colcon build)`,
        commands: [cd, shellLine([python, '-m', 'colcon', 'build', ...(input.launch?.colconBuildArgs ?? [])])],
      };
    case 'catkin_make':
      return {
        kind: 'runInTerminal',
        title: `Rebuild the workspace with ${python}`,
        commands: [cd, shellLine(['catkin_make', `-DPYTHON_EXECUTABLE=${python}`])],
      };
    case 'catkin_tools':
      return {
        kind: 'runInTerminal',
        title: `Rebuild the workspace with ${python}`,
        commands: [cd, shellLine(['catkin', 'config', `-DPYTHON_EXECUTABLE=${python}`]), shellLine(['catkin', 'build'])],
      };
    case 'none':
      return null;
  }
}

const BUILD_SCRIPTS = '[build_scripts]\nexecutable = /usr/bin/env python3\n';

/** Where appending to a file starts: after its last character. */
function endOf(file: string, text: string): SourceRange {
  const lines = text.split('\n');
  const line = lines.length;
  const column = lines[line - 1]?.length ?? 0;
  return { file, line, column, endLine: line, endColumn: column };
}

/**
 * colcon's entry points then start with `#!/usr/bin/env python3`: whichever python3 is first on PATH (an active
 * venv) runs the node. setuptools newer than 58.2 ignores it with --symlink-install (seen with Debian's 66).
 */
export function buildScriptsFix(input: RuleInput, check: LaunchCheck): FixSpec | null {
  if (check.path.kind !== 'ros2-run') return null;
  const entry = input.launch?.entryPoints.find(
    (candidate) => candidate.source === check.path.file && candidate.built?.path === check.path.script,
  );
  const cfg = entry?.setupCfg;
  if (cfg === undefined || cfg === null || /^\s*\[build_scripts\]/m.test(cfg.text)) return null;
  const symlink = (input.launch?.colconBuildArgs ?? []).includes('--symlink-install');
  const separator = cfg.text.endsWith('\n') || cfg.text === '' ? '\n' : '\n\n';
  return {
    kind: 'replaceText',
    title: `Add [build_scripts] executable = /usr/bin/env python3 to ${path.basename(path.dirname(cfg.path))}/setup.cfg, then rebuild${symlink ? ' without --symlink-install (setuptools newer than 58.2 ignores it with --symlink-install)' : ''}`,
    range: endOf(cfg.path, cfg.text),
    newText: `${separator}${BUILD_SCRIPTS}`,
  };
}

/** A launch path's venv that cannot see the ROS packages: the same fix as for a selected venv. */
export function systemSiteVenvFix(input: RuleInput, check: LaunchCheck): FixSpec | null {
  const probe = check.probe;
  if (!isOk(probe)) return null;
  return venvSystemSiteFix(
    input,
    probe,
    check.modules.filter((module) => !importsAll(probe, [module])),
  );
}

/** Build the workspace and source what it built, so its own packages (generated messages too) import. */
export function buildAndSourceFix(input: RuleInput): FixSpec | null {
  const workspace = input.workspace;
  if (workspace === null || workspace.kind === 'none') return null;
  const build =
    workspace.kind === 'colcon'
      ? [shellLine(['colcon', 'build', ...(input.launch?.colconBuildArgs ?? [])]), '. install/setup.bash']
      : workspace.kind === 'catkin_tools'
        ? [shellLine(['catkin', 'build']), '. devel/setup.bash']
        : [shellLine(['catkin_make']), '. devel/setup.bash'];
  return {
    kind: 'runInTerminal',
    title: 'Build the workspace and source its setup script',
    commands: [shellLine(['cd', workspace.root]), ...build],
  };
}

/** Running the source file directly: its own first line decides, so the fix is there (an undoable edit). */
function directShebangFix(input: RuleInput, check: LaunchCheck): FixSpec | null {
  const working = workingInterpreter(input, check.files);
  if (check.path.shebang === null || working === null) return null;
  return shebangFix(check.path.file, check.path.shebang, working.interpreter, false);
}

/** Run/Debug with a launch.json `python`: point that at a Python that imports everything (an undoable edit). */
function launchJsonPythonFix(input: RuleInput, check: LaunchCheck): FixSpec | null {
  const range = check.path.declaredAt;
  const working = workingInterpreter(input, check.files);
  if (range === null || working === null) return null;
  const python = interpreterCommand(working.interpreter);
  return { kind: 'replaceText', title: `Use ${python} in launch.json's "python"`, range, newText: JSON.stringify(python) };
}

export function launchFixes(input: RuleInput, check: LaunchCheck): (FixSpec | null)[] {
  if (check.path.kind === 'direct') return [directShebangFix(input, check)];
  if (check.path.kind === 'editor') return [launchJsonPythonFix(input, check)];
  return [rebuildFix(input, check.files), buildScriptsFix(input, check), systemSiteVenvFix(input, check)];
}
