// pyvenv.cfg, as `python -m venv`, virtualenv and uv write it: `key = value` lines, nothing else.

export interface PyvenvCfg {
  /** The folder of the interpreter the venv was made from. */
  readonly home: string | null;
  /** "3.11.7": `version` (venv), `version_info` (uv, virtualenv: "3.11.7.final.0"). */
  readonly version: string | null;
  readonly systemSitePackages: boolean;
  /** `uv = 0.5.11`: uv made it (and gave it no pip). */
  readonly uv: string | null;
}

export function parsePyvenvCfg(text: string): PyvenvCfg {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined && match[2] !== '') values.set(match[1].toLowerCase(), match[2]);
  }
  const versionInfo = values.get('version_info');
  return {
    home: values.get('home') ?? null,
    version: values.get('version') ?? (versionInfo === undefined ? null : versionInfo.split('.').slice(0, 3).join('.')),
    systemSitePackages: (values.get('include-system-site-packages') ?? 'false').toLowerCase() === 'true',
    uv: values.get('uv') ?? null,
  };
}
