// Sourcing the workspace's setup script failed, so every probe ran without the ROS environment.
import type { Finding } from '../findings/finding';
import type { RuleInput } from './ruleInput';
import { shellLine } from '../fixes/shellQuote';
import { docsFix, relatedFile } from './findingParts';

export function setupScriptFailed(input: RuleInput): readonly Finding[] {
  const env = input.environment;
  if (env.kind !== 'failed') return [];
  return [
    {
      code: 'setup-script-failed',
      severity: 'warning',
      message: `Sourcing ${env.script} in ${env.shell} failed, so imports were checked without the ROS environment`,
      detail: env.detail,
      location: null,
      related: [relatedFile(env.script, 'the setup script that failed')],
      fixes: [
        { kind: 'runInTerminal', title: `Source ${env.script} to see the error`, commands: [shellLine(['source', env.script])] },
        docsFix('setup-script-failed'),
      ],
      interpreter: null,
      module: null,
    },
  ];
}
