// Questions every rule asks of the probes: what the workspace needs, and which interpreter imports it.
import type { FixSpec } from '../findings/fixSpec';
import type { InterpreterProbe } from '../probe/probeResult';
import type { InterpreterFacts } from '../probe/protocol';
import type { ImportUse, RuleInput } from './ruleInput';
import { moduleVerdict, type ModuleVerdict } from './moduleVerdict';

export type OkProbe = Extract<InterpreterProbe, { kind: 'ok' }>;

export function isOk(probe: InterpreterProbe | null): probe is OkProbe {
  return probe !== null && probe.kind === 'ok';
}

/**
 * Modules the node cannot run without: some use is neither type-only nor guarded by try/except ImportError (extra
 * modules have no uses and count). An optional import never counts against an interpreter.
 */
export function neededModules(input: RuleInput): string[] {
  const needed: string[] = [];
  for (const [module, uses] of input.modules) {
    if (uses.length === 0 || uses.some((u) => !u.site.typeOnly && !u.site.optional)) needed.push(module);
  }
  return needed.sort();
}

export function importsModule(probe: InterpreterProbe | null, module: string): boolean {
  return isOk(probe) && moduleVerdict(probe, module).kind === 'ok';
}

export function importsAll(probe: InterpreterProbe | null, modules: readonly string[]): boolean {
  return isOk(probe) && modules.every((m) => importsModule(probe, m));
}

/** The other probed interpreters that work, in the order the engine listed them. */
export function okOthers(input: RuleInput): OkProbe[] {
  return input.others.filter(isOk).filter((p) => p.interpreter.path !== input.selected.interpreter.path);
}

/**
 * Interpreters the selected one could be switched to: the other probed ones, then those the launch paths run in the
 * captured environment (the Python a build baked into an entry point or relay, a shebang's), each once. A launch
 * interpreter qualifies only through importsAll: its probe must show every needed import working.
 */
export function switchCandidates(input: RuleInput): OkProbe[] {
  const others = okOthers(input);
  const seen = new Set([input.selected.interpreter.path, ...others.map((p) => p.interpreter.path)]);
  const fromLaunch: OkProbe[] = [];
  for (const check of input.launch?.checks ?? []) {
    const probe = check.probe;
    if (check.sameAsSelected || !isOk(probe) || Object.keys(check.path.environment.overrides).length > 0) continue;
    if (seen.has(probe.interpreter.path)) continue;
    seen.add(probe.interpreter.path);
    fromLaunch.push(probe);
  }
  return [...others, ...fromLaunch];
}

/** The first other interpreter that imports every needed module, else (when given) one that imports `module`. */
export function betterInterpreter(input: RuleInput, module?: string): OkProbe | undefined {
  const others = okOthers(input);
  // An optional module is not needed, but the interpreter named as having it must have it.
  const needed = neededModules(input);
  const wanted = module === undefined || needed.includes(module) ? needed : [...needed, module];
  return (
    switchCandidates(input).find((p) => importsAll(p, wanted)) ??
    (module === undefined ? undefined : others.find((p) => importsModule(p, module)))
  );
}

export function switchFix(probe: InterpreterProbe): FixSpec {
  return { kind: 'selectInterpreter', title: `Switch interpreter to ${probe.interpreter.path}`, path: probe.interpreter.path };
}

/** "Python 3.12". */
export function pythonVersion(facts: InterpreterFacts): string {
  return `Python ${facts.version.major}.${facts.version.minor}`;
}

/** The folder fixes write files into when there is no workspace: the first scanned file's. */
export function baseDir(input: RuleInput): string | null {
  if (input.workspace !== null) return input.workspace.root;
  const first = input.files[0];
  return first === undefined ? null : first.path.slice(0, Math.max(first.path.lastIndexOf('/'), 1));
}

/** "12 s" for 12000 ms, "0.5 s" for 500. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

export interface SelectedModule {
  readonly module: string;
  readonly uses: readonly ImportUse[];
  readonly verdict: ModuleVerdict;
  readonly probe: OkProbe;
}

/** Each imported module with what the selected interpreter made of it; nothing when the selected did not run. */
export function selectedModules(input: RuleInput): SelectedModule[] {
  const probe = input.selected;
  if (!isOk(probe)) return [];
  return [...input.modules.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([module, uses]) => ({ module, uses, verdict: moduleVerdict(probe, module), probe }));
}
