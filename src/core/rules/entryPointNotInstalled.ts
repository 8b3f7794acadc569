// `ros2 run <pkg> <exe>` looks for the executable in lib/<pkg>/ only. Without `[develop] script_dir` and
// `[install] install_scripts` pointing there in setup.cfg, colcon installs it into bin/ and ros2 run says
// "No executable found". An entry point added after the last build is missing the same way.
import type { Finding } from '../findings/finding';
import type { FixSpec } from '../findings/fixSpec';
import type { EntryPoint } from '../launch/colconEntryPoints';
import type { RuleInput } from './ruleInput';
import { docsFix, fixList } from './findingParts';
import { rebuildFix } from '../launch/launchFixes';

function scriptDirsFix(entry: EntryPoint): FixSpec | null {
  const cfg = entry.setupCfg;
  if (cfg === null || /^\s*\[(develop|install)\]/m.test(cfg.text)) return null;
  const lines = cfg.text.split('\n');
  const line = lines.length;
  const column = lines[line - 1]?.length ?? 0;
  const separator = cfg.text === '' || cfg.text.endsWith('\n') ? '' : '\n';
  return {
    kind: 'replaceText',
    title: `Send ${entry.packageName}'s scripts to lib/${entry.packageName} in setup.cfg, then rebuild`,
    range: { file: cfg.path, line, column, endLine: line, endColumn: column },
    newText: `${separator}[develop]\nscript_dir=$base/lib/${entry.packageName}\n[install]\ninstall_scripts=$base/lib/${entry.packageName}\n`,
  };
}

export function entryPointNotInstalled(input: RuleInput): readonly Finding[] {
  return (input.launch?.entryPoints ?? []).flatMap((entry): Finding[] => {
    if (!entry.packageInstalled || entry.built !== null) return [];
    const why = entry.scriptDirsSet
      ? 'it was not built yet: rebuild the workspace'
      : `${entry.setupCfg === null ? 'the package has no setup.cfg' : 'its setup.cfg'} does not send scripts to lib/${entry.packageName} ([develop] script_dir and [install] install_scripts = $base/lib/${entry.packageName}), where ros2 run looks`;
    return [
      {
        code: 'entry-point-not-installed',
        severity: 'error',
        message: `\`ros2 run ${entry.packageName} ${entry.name}\` finds no executable: ${why}`,
        detail: `ros2 run: "No executable found"`,
        location: entry.declaredAt,
        related: [],
        fixes: fixList(
          entry.scriptDirsSet ? rebuildFix(input, entry.source === null ? [] : [entry.source]) : scriptDirsFix(entry),
          docsFix('entry-point-not-installed'),
        ),
        interpreter: null,
        module: null,
      },
    ];
  });
}
