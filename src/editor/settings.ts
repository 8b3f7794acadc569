// The rosEnvDoctor.* settings, parsed: raw values in, typed values with defaults out, problems named.
// No vscode import, so the sanitizers run in plain Node; configuration.ts reads the raw values.

export const SETTINGS_SECTION = 'rosEnvDoctor';

export type SetupScriptSetting = { readonly kind: 'auto' } | { readonly kind: 'off' } | { readonly kind: 'path'; readonly path: string };
export type ShellSetting = 'auto' | 'bash' | 'zsh';

export interface Settings {
  readonly extraModules: readonly string[];
  readonly ignoreModules: readonly string[];
  readonly probeTimeoutSeconds: number;
  readonly setupScript: SetupScriptSetting;
  readonly shell: ShellSetting;
  readonly probeAllInterpreters: boolean;
}

export interface Parsed<T> {
  readonly value: T;
  /** One line per setting that was wrong and replaced by its default. */
  readonly problems: readonly string[];
}

const MODULE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const ModuleList = {
  from(key: string, raw: unknown): Parsed<readonly string[]> {
    if (raw === undefined || raw === null) return { value: [], problems: [] };
    if (!Array.isArray(raw)) return { value: [], problems: [`${key} must be a list of module names; ignored.`] };
    const problems: string[] = [];
    const value: string[] = [];
    for (const item of raw) {
      const name = typeof item === 'string' ? item.trim() : '';
      if (!MODULE_NAME.test(name)) problems.push(`${key}: ${JSON.stringify(item)} is not a Python module name; ignored.`);
      else if (!value.includes(name)) value.push(name);
    }
    return { value, problems };
  },
};

export const ProbeTimeoutSeconds = {
  default: 15,
  min: 1,
  max: 600,
  from(raw: unknown): Parsed<number> {
    if (raw === undefined || raw === null) return { value: this.default, problems: [] };
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < this.min || raw > this.max) {
      return {
        value: this.default,
        problems: [`rosEnvDoctor.probeTimeoutSeconds must be a number from ${this.min} to ${this.max}; using ${this.default}.`],
      };
    }
    return { value: raw, problems: [] };
  },
};

export const SetupScript = {
  from(raw: unknown): Parsed<SetupScriptSetting> {
    if (raw === undefined || raw === null || raw === 'auto' || raw === '') return { value: { kind: 'auto' }, problems: [] };
    if (raw === 'off') return { value: { kind: 'off' }, problems: [] };
    if (typeof raw === 'string') return { value: { kind: 'path', path: raw.trim() }, problems: [] };
    return { value: { kind: 'auto' }, problems: ["rosEnvDoctor.setupScript must be 'auto', 'off' or a path; using 'auto'."] };
  },
};

export const Shell = {
  from(raw: unknown): Parsed<ShellSetting> {
    if (raw === undefined || raw === null) return { value: 'auto', problems: [] };
    if (raw === 'auto' || raw === 'bash' || raw === 'zsh') return { value: raw, problems: [] };
    return { value: 'auto', problems: [`rosEnvDoctor.shell must be 'auto', 'bash' or 'zsh'; using 'auto'.`] };
  },
};

export const Flag = {
  from(key: string, raw: unknown, fallback: boolean): Parsed<boolean> {
    if (raw === undefined || raw === null) return { value: fallback, problems: [] };
    if (typeof raw === 'boolean') return { value: raw, problems: [] };
    return { value: fallback, problems: [`${key} must be true or false; using ${fallback}.`] };
  },
};

/** Reads one raw value by its key below rosEnvDoctor (e.g. 'extraModules'). */
export type RawSettings = (key: keyof Settings) => unknown;

export const Settings = {
  from(raw: RawSettings): Parsed<Settings> {
    const extraModules = ModuleList.from('rosEnvDoctor.extraModules', raw('extraModules'));
    const ignoreModules = ModuleList.from('rosEnvDoctor.ignoreModules', raw('ignoreModules'));
    const probeTimeoutSeconds = ProbeTimeoutSeconds.from(raw('probeTimeoutSeconds'));
    const setupScript = SetupScript.from(raw('setupScript'));
    const shell = Shell.from(raw('shell'));
    const probeAllInterpreters = Flag.from('rosEnvDoctor.probeAllInterpreters', raw('probeAllInterpreters'), true);
    return {
      value: {
        extraModules: extraModules.value,
        ignoreModules: ignoreModules.value,
        probeTimeoutSeconds: probeTimeoutSeconds.value,
        setupScript: setupScript.value,
        shell: shell.value,
        probeAllInterpreters: probeAllInterpreters.value,
      },
      problems: [extraModules, ignoreModules, probeTimeoutSeconds, setupScript, shell, probeAllInterpreters].flatMap(
        (parsed) => parsed.problems,
      ),
    };
  },
};

/** python.defaultInterpreterPath with ${workspaceFolder}, ${env:X} and ~ expanded; null when unset or the bare default. */
export function expandInterpreterSetting(raw: unknown, folder: string, env: Readonly<Record<string, string | undefined>>): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed === 'python') return null;
  const expanded = trimmed
    .replace(/\$\{workspaceFolder\}/g, folder)
    .replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => env[name] ?? '')
    .replace(/^~(?=\/|$)/, env.HOME ?? '~');
  return expanded;
}
