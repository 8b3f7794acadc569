// Every rule, and the one way to run them: sorted for stable output, exact duplicates dropped.
import type { Finding, Severity } from '../findings/finding';
import type { Rule, RuleInput } from './ruleInput';
import { betterInterpreterAvailable } from './betterInterpreterAvailable';
import { buildInterpreterMissing } from './buildInterpreterMissing';
import { entryPointNotInstalled } from './entryPointNotInstalled';
import { installOutdated } from './installOutdated';
import { condaShadowsSystemPython } from './condaShadowsSystemPython';
import { extensionAbiMismatch } from './extensionAbiMismatch';
import { foreignPythonPath } from './foreignPythonPath';
import { interpreterInvalid } from './interpreterInvalid';
import { launchPathImportFails } from './launchPathImportFails';
import { moduleImportError } from './moduleImportError';
import { moduleMissing } from './moduleMissing';
import { moduleNameCase } from './moduleNameCase';
import { probeTimeout } from './probeTimeout';
import { rosDepsMissing } from './rosDepsMissing';
import { rosEnvNotSourced } from './rosEnvNotSourced';
import { rosStartDepsMissing } from './rosStartDepsMissing';
import { rosPythonMismatch } from './rosPythonMismatch';
import { setupScriptFailed } from './setupScriptFailed';
import { shadowedByOutsidePackage } from './shadowedByOutsidePackage';
import { shebangMismatch } from './shebangMismatch';
import { splitEnvironment } from './splitEnvironment';
import { workspaceFileSkipped } from './workspaceFileSkipped';

export const allRules: readonly Rule[] = [
  interpreterInvalid,
  probeTimeout,
  moduleMissing,
  moduleImportError,
  moduleNameCase,
  extensionAbiMismatch,
  shadowedByOutsidePackage,
  foreignPythonPath,
  rosPythonMismatch,
  rosDepsMissing,
  rosStartDepsMissing,
  rosEnvNotSourced,
  shebangMismatch,
  launchPathImportFails,
  buildInterpreterMissing,
  entryPointNotInstalled,
  installOutdated,
  condaShadowsSystemPython,
  splitEnvironment,
  betterInterpreterAvailable,
  setupScriptFailed,
  workspaceFileSkipped,
];

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Located findings by file, line, column; unlocated ones (about the interpreter or machine) after them. */
export function compareFindings(a: Finding, b: Finding): number {
  const la = a.location;
  const lb = b.location;
  if (la === null && lb !== null) return 1;
  if (la !== null && lb === null) return -1;
  if (la !== null && lb !== null) {
    if (la.file !== lb.file) return la.file < lb.file ? -1 : 1;
    if (la.line !== lb.line) return la.line - lb.line;
    if (la.column !== lb.column) return la.column - lb.column;
  }
  if (a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function runRules(input: RuleInput, rules: readonly Rule[] = allRules): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const rule of rules) {
    for (const finding of rule(input)) {
      const key = JSON.stringify(finding);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(finding);
    }
  }
  return out.sort(compareFindings);
}
