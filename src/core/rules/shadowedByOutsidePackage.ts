// A package from outside the environment (the user site, a PYTHONPATH entry, a .pth file's entries) or an outside
// library (a conda/pixi lib/ first on LD_LIBRARY_PATH) shadows the one the import needs — proven: the same import
// works in an isolated re-run with exactly that culprit bypassed (src/core/proof/). One cause, one code: the
// module's module-import-error / extension-abi-mismatch give way to this finding.
import * as path from 'node:path';
import type { Finding } from '../findings/finding';
import type { FixSpec } from '../findings/fixSpec';
import { packageNames } from '../fixes/packageNames';
import { shellLine } from '../fixes/shellQuote';
import { interpreterCommand } from '../fixes/interpreterCommand';
import type { LoadedPackage } from '../probe/protocol';
import type { Cause } from '../proof/proveCauses';
import { splitPathList, type Suspect } from '../proof/suspects';
import type { RuleInput } from './ruleInput';
import { docsFix, fixList, placementsFor } from './findingParts';
import { isOk, type OkProbe } from './probeFacts';
import { managerFor } from '../managers/managersOf';

type Shadowed = Extract<Cause, { kind: 'shadowed' }>;

/** The proven shadowing cause of a module's failed import in the selected interpreter, if any. */
export function provenShadow(input: RuleInput, module: string): Shadowed | null {
  const cause = input.causes?.get(module);
  return cause?.kind === 'shadowed' ? cause : null;
}

function named(pkg: LoadedPackage): string {
  return pkg.version === null ? pkg.module : `${pkg.module} ${pkg.version}`;
}

/** "Debian's numpy 1.24.2" for a package in Debian's dist-packages, else "numpy 1.24.2 from <dir>". */
function insteadText(pkg: LoadedPackage): string {
  if (pkg.file === null) return `no other ${pkg.module}`;
  if (pkg.file.startsWith('/usr/lib/python3/dist-packages/')) return `Debian's ${named(pkg)}`;
  return `${named(pkg)} from ${path.dirname(pkg.file.endsWith('__init__.py') ? path.dirname(pkg.file) : pkg.file)}`;
}

function shadowText(packages: readonly LoadedPackage[], instead: readonly LoadedPackage[]): string {
  const culprits = packages.slice(0, 3);
  const what = culprits.map(named).join(', ');
  const shadowed = culprits.flatMap((pkg) => instead.filter((i) => i.module === pkg.module && i.file !== null)).map(insteadText);
  return shadowed.length === 0 ? `${what} there breaks it` : `${what} there shadows ${shadowed.join(', ')}`;
}

function envLine(key: string, kept: readonly string[]): string {
  return kept.length === 0 ? shellLine(['unset', key]) : shellLine(['export', `${key}=${kept.join(':')}`]);
}

function messageFor(suspect: Suspect, cause: Shadowed, name: string): string {
  const module = cause.module;
  switch (suspect.kind) {
    case 'user-site':
      return `${shadowText(suspect.packages, cause.instead).replace(' there ', ` in the user site ${suspect.entry} `)} for ${name}: import ${module} works without the user site (python -s)`;
    case 'pythonpath':
      return `${shadowText(suspect.packages, cause.instead).replace(' there ', ` in ${suspect.entry} (on PYTHONPATH) `)} for ${name}: import ${module} works without that PYTHONPATH entry`;
    case 'pth':
      return `${suspect.pthFile} puts ${suspect.entries.join(', ')} on the path of ${name}; ${shadowText(suspect.packages, cause.instead)}: import ${module} works without that file's entries`;
    case 'ld-library-path': {
      const by = suspect.requiredBy === null ? '' : ` (required by ${suspect.requiredBy})`;
      return `${suspect.library}, first on LD_LIBRARY_PATH, has no ${suspect.needed}${by} and shadows the system's ${path.basename(suspect.library)} for ${name}: import ${module} works without ${suspect.dir} on LD_LIBRARY_PATH`;
    }
  }
}

function fixesFor(input: RuleInput, probe: OkProbe, suspect: Suspect, cause: Shadowed): FixSpec[] {
  const env = cause.env;
  switch (suspect.kind) {
    case 'user-site': {
      const dists = [...new Set(suspect.packages.slice(0, 3).map((p) => packageNames(p.module).pip ?? p.module))];
      const manager = managerFor(input.managers, probe);
      const pep668 = (manager.kind === 'system' || manager.kind === 'other') && manager.externallyManaged;
      // pip refuses a PEP 668 Python even for the user site; the override here only removes the user site's copy.
      const vars = [
        ...(env.PYTHONUSERBASE === undefined ? [] : [`PYTHONUSERBASE=${env.PYTHONUSERBASE}`]),
        ...(pep668 ? ['PIP_BREAK_SYSTEM_PACKAGES=1'] : []),
      ];
      const uninstall = [
        ...(vars.length > 0 ? ['env', ...vars] : []),
        interpreterCommand(probe.interpreter),
        '-m',
        'pip',
        'uninstall',
        ...dists,
      ];
      return [
        {
          kind: 'runInTerminal',
          title: `Uninstall ${dists.join(', ')} from the user site ${suspect.entry}`,
          commands: [shellLine(uninstall)],
        },
        {
          kind: 'runInTerminal',
          title: 'Leave the user site out in this terminal (PYTHONNOUSERSITE=1)',
          commands: [shellLine(['export', 'PYTHONNOUSERSITE=1'])],
        },
      ];
    }
    case 'pythonpath': {
      const kept = splitPathList(env.PYTHONPATH).filter((d) => d.replace(/\/+$/, '') !== suspect.entry.replace(/\/+$/, ''));
      return [
        { kind: 'runInTerminal', title: `Drop ${suspect.entry} from PYTHONPATH in this terminal`, commands: [envLine('PYTHONPATH', kept)] },
      ];
    }
    case 'pth':
      return [
        {
          kind: 'runInTerminal',
          title: `Disable ${suspect.pthFile} (rename it to .pth.disabled; rename it back to undo)`,
          commands: [shellLine(['mv', suspect.pthFile, `${suspect.pthFile}.disabled`])],
        },
      ];
    case 'ld-library-path': {
      const kept = splitPathList(env.LD_LIBRARY_PATH).filter((d) => d.replace(/\/+$/, '') !== suspect.dir);
      return [
        {
          kind: 'runInTerminal',
          title: `Drop ${suspect.dir} from LD_LIBRARY_PATH in this terminal (don't mix a conda/pixi environment's lib/ with /opt/ros)`,
          commands: [envLine('LD_LIBRARY_PATH', kept)],
        },
      ];
    }
  }
}

export function shadowedByOutsidePackage(input: RuleInput): readonly Finding[] {
  const probe = input.selected;
  if (!isOk(probe) || input.causes === undefined) return [];
  return [...input.modules.entries()].flatMap(([module, uses]) => {
    const cause = provenShadow(input, module);
    if (cause === null) return [];
    const message = messageFor(cause.suspect, cause, probe.interpreter.displayName);
    const result = probe.imports[module];
    const detail = result?.status === 'error' ? `${result.exceptionType}: ${result.message}` : null;
    const fixes = fixList(...fixesFor(input, probe, cause.suspect, cause), docsFix('shadowed-by-outside-package'));
    return placementsFor(uses, 'error').map(({ location, severity }): Finding => ({
      code: 'shadowed-by-outside-package',
      severity,
      message,
      detail,
      location,
      related: [],
      fixes,
      interpreter: probe.interpreter.path,
      module,
    }));
  });
}
