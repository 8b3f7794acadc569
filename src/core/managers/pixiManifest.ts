// The few things the doctor reads from a pixi manifest: which channels an environment installs from.
// A deliberately small reader (section headers and `channels = [...]` arrays, which may span lines), not a TOML
// parser: the doctor never writes manifests, `pixi add` does, and a manifest it cannot read only costs the
// RoboStack channel hint, never a wrong install line.

export interface PixiManifest {
  /** Workspace-level channels ([workspace] or the older [project]; [tool.pixi.*] in pyproject.toml). */
  readonly channels: readonly string[];
  /** Channels per feature ([feature.<name>] / [tool.pixi.feature.<name>]). */
  readonly featureChannels: ReadonlyMap<string, readonly string[]>;
  /** pyproject.toml without [tool.pixi] is not a pixi manifest. */
  readonly isPixi: boolean;
}

function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return line.slice(0, i);
  }
  return line;
}

/** Strings of a TOML array body; a channel may also be an inline table `{ channel = "x", priority = 1 }`. */
function arrayStrings(body: string): string[] {
  const out: string[] = [];
  for (const match of body.matchAll(/(?:channel\s*=\s*)?"([^"]*)"|'([^']*)'/g)) {
    const value = match[1] ?? match[2];
    if (value !== undefined && !/^\d/.test(value)) out.push(value);
  }
  return out;
}

export function parsePixiManifest(text: string, fileName: 'pixi.toml' | 'pyproject.toml'): PixiManifest {
  const prefix = fileName === 'pyproject.toml' ? 'tool.pixi.' : '';
  const lines = text.split(/\r?\n/).map(stripComment);
  let section = '';
  let isPixi = fileName === 'pixi.toml';
  let channels: string[] = [];
  const featureChannels = new Map<string, string[]>();
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header?.[1] !== undefined) {
      section = header[1].replace(/\s+/g, '').replace(/"/g, '');
      if (prefix !== '' && (section === 'tool.pixi' || section.startsWith(prefix))) isPixi = true;
      continue;
    }
    const assignment = /^channels\s*=\s*\[(.*)$/.exec(line);
    if (assignment?.[1] === undefined) continue;
    let body = assignment[1];
    while (!body.includes(']') && i + 1 < lines.length) body += ` ${lines[++i] ?? ''}`;
    const values = arrayStrings(body.slice(0, body.lastIndexOf(']') + 1 || undefined));
    const local = prefix === '' ? section : section.startsWith(prefix) ? section.slice(prefix.length) : null;
    if (local === 'workspace' || local === 'project') channels = values;
    const feature = local === null ? null : /^feature\.([^.]+)$/.exec(local);
    if (feature?.[1] !== undefined) featureChannels.set(feature[1], values);
  }
  return { channels, featureChannels, isPixi };
}
