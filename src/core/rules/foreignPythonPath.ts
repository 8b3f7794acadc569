// sys.path holds a directory made for another Python version (PYTHONPATH from another ROS, a Python 3 dist-packages under 2.7).
import type { Finding } from '../findings/finding';
import type { InterpreterFacts, SysPathEntry } from '../probe/protocol';
import type { RuleInput } from './ruleInput';
import { docsFix, firstPlacements, fixList } from './findingParts';
import { isOk, okOthers, neededModules, importsAll, pythonVersion, switchFix, type OkProbe } from './probeFacts';

interface PathVersion {
  readonly major: number;
  /** null for a bare `python3` directory (Debian's /usr/lib/python3/dist-packages). */
  readonly minor: number | null;
}

/** The Python version a directory is for, from its `pythonX.Y` / `pythonX` components (the last one wins). */
export function pathPythonVersion(dir: string): PathVersion | null {
  let found: PathVersion | null = null;
  for (const part of dir.split('/')) {
    const match = /^python(\d)(?:\.(\d+))?$/.exec(part);
    if (match?.[1] !== undefined) found = { major: Number(match[1]), minor: match[2] === undefined ? null : Number(match[2]) };
  }
  return found;
}

function isForeign(version: PathVersion, facts: InterpreterFacts): boolean {
  if (version.major !== facts.version.major) return true;
  return version.minor !== null && version.minor !== facts.version.minor;
}

function versionText(version: PathVersion): string {
  return version.minor === null ? `Python ${version.major}` : `Python ${version.major}.${version.minor}`;
}

function fits(probe: OkProbe, version: PathVersion): boolean {
  return !isForeign(version, probe.facts);
}

const ORIGIN_TEXT: Readonly<Record<SysPathEntry['origin'], string>> = {
  pythonpath: 'PYTHONPATH puts',
  pth: 'A .pth file puts',
  site: 'The site module puts',
  'user-site': 'The user site puts',
  stdlib: 'The standard library puts',
  zip: 'A zip entry puts',
  script: 'The script folder puts',
  other: 'Something puts',
};

/** Where a module the file imports was found (spec origin, else the file the import reported). */
function moduleOrigin(probe: OkProbe, module: string): string | null {
  const spec = probe.specs[module];
  if (spec?.found === true && spec.origin !== null) return spec.origin;
  const result = probe.imports[module];
  if (result !== undefined && (result.status === 'ok' || result.status === 'error')) return result.file;
  return null;
}

export function foreignPythonPath(input: RuleInput): readonly Finding[] {
  const probe = input.selected;
  if (!isOk(probe)) return [];
  const name = probe.interpreter.displayName;
  const needed = neededModules(input);
  return probe.facts.sysPath.flatMap((entry) => {
    if (!entry.exists || entry.origin === 'script' || provenCulprit(input, entry.path)) return [];
    const version = pathPythonVersion(entry.path);
    if (version === null || !isForeign(version, probe.facts)) return [];
    const matching = okOthers(input).filter((p) => fits(p, version));
    const better = matching.find((p) => importsAll(p, needed)) ?? matching[0];
    const fixes = fixList(better === undefined ? null : switchFix(better), docsFix('foreign-python-path'));
    const message = `${ORIGIN_TEXT[entry.origin]} ${entry.path} (for ${versionText(version)}) on the path of ${name}, which is ${pythonVersion(probe.facts)}`;
    const detail = probe.facts.pythonPathEnv === null ? null : `PYTHONPATH=${probe.facts.pythonPathEnv}`;
    const under = `${entry.path.replace(/\/+$/, '')}/`;
    const usesThere = [...input.modules.entries()].flatMap(([module, uses]) => {
      const origin = moduleOrigin(probe, module);
      return origin !== null && origin.startsWith(under) ? uses : [];
    });
    return firstPlacements(usesThere, 'warning').map(({ location, severity }): Finding => ({
      code: 'foreign-python-path',
      severity,
      message,
      detail,
      location,
      related: [],
      fixes,
      interpreter: probe.interpreter.path,
      module: null,
    }));
  });
}

/** A PYTHONPATH entry already proven to break an import is reported once, as shadowed-by-outside-package. */
function provenCulprit(input: RuleInput, entry: string): boolean {
  return [...(input.causes?.values() ?? [])].some(
    (cause) => cause.kind === 'shadowed' && cause.suspect.kind === 'pythonpath' && cause.suspect.entry === entry,
  );
}
