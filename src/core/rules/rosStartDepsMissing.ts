// rospy imports, but what rospy.init_node imports on a machine with a loopback host name (netifaces) is missing: the
// node dies at start. Only while the import itself works: when it fails, ros-deps-missing speaks, and its install
// includes these. Drawn on the import line, which both passes know (a call site would need a scan of calls).
import type { Finding, Severity } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { installFixesFor } from './installFixesFor';
import { docsFix, fixList, placementsFor } from './findingParts';
import { selectedModules } from './probeFacts';
import { dependenciesOf, isLoopbackHostName } from '../ros/pythonModules';

/** Known loopback: it will fail, a warning. Unknown: it may fail, a note that says when. Known real name: it works. */
function verdictFor(hostName: string | undefined): { readonly severity: Severity; readonly when: string } | null {
  if (hostName === undefined) return { severity: 'info', when: "when this machine's host name is localhost" };
  if (!isLoopbackHostName(hostName)) return null;
  return {
    severity: 'warning',
    when: hostName === '' ? 'on this machine, which has no host name' : `on this machine (host name ${hostName})`,
  };
}

export function rosStartDepsMissing(input: RuleInput): readonly Finding[] {
  const verdict = verdictFor(input.hostName);
  if (verdict === null) return [];
  const vars = input.environment.vars;
  return selectedModules(input).flatMap(({ module, uses, verdict: imported, probe }) => {
    if (imported.kind !== 'ok') return [];
    return dependenciesOf(module).flatMap((dependency) => {
      const need = dependency.need;
      if (need.kind !== 'node-start' || probe.specs[dependency.module]?.found !== false) return [];
      // The captured environment is the node's as far as the doctor knows it (a launch file's <env> is not read).
      if (need.escapeVariables.some((name) => (vars[name] ?? '') !== '')) return [];
      const installs = installFixesFor(input, probe, [dependency.module]);
      // The install's own title, word for word: the cause's text then does not add it a second time.
      const todo = installs[0]?.title ?? `Install ${dependency.module}`;
      const fixes = fixList(...installs, docsFix('ros-start-deps-missing'));
      return placementsFor(uses, verdict.severity).map(({ location, severity }): Finding => ({
        code: 'ros-start-deps-missing',
        severity,
        message: `${need.call} fails in ${probe.interpreter.displayName} ${verdict.when}, because ${dependency.module} is missing. ${todo}, or set ${need.escapeVariables.join(' or ')}`,
        detail: null,
        location,
        related: [],
        fixes,
        interpreter: probe.interpreter.path,
        module,
      }));
    });
  });
}
