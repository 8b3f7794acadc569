// Reads what a package's setup.py / setup.cfg say about its Python modules and console scripts, from their text
// alone (setup.py is never run: it may import catkin_pkg or anything else).

export interface ConsoleScript {
  readonly name: string;
  /** Dotted module path (`my_pkg.talker`). */
  readonly module: string;
}

export interface PythonPackaging {
  /** Package names listed explicitly; 'find' when find_packages()/`find:` decides. */
  readonly packages: readonly string[] | 'find';
  /** Names find_packages(exclude=…) leaves out (glob patterns as written). */
  readonly excluded: readonly string[];
  /** package_dir mapping; '' is the root package folder (catkin's `{'': 'src'}`). */
  readonly packageDir: Readonly<Record<string, string>>;
  readonly consoleScripts: readonly ConsoleScript[];
  /** Files named in `scripts=[…]`, relative to the package. */
  readonly scripts: readonly string[];
}

export const EMPTY_PACKAGING: PythonPackaging = { packages: [], excluded: [], packageDir: {}, consoleScripts: [], scripts: [] };

const STRING_LITERAL = /(?:[rRuUbB]{0,2})(['"])((?:\\.|(?!\1)[^\\\n])*)\1/g;

/** The text between the bracket at `open` and its partner, or null when it never closes. */
function bracketed(text: string, open: number): string | null {
  const opener = text[open];
  const closer = opener === '[' ? ']' : opener === '(' ? ')' : opener === '{' ? '}' : null;
  if (closer === null) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote !== null) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(' || char === '{') depth++;
    else if (char === ']' || char === ')' || char === '}') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return null;
}

/** `name = 'value'` assignments at any indentation, for resolving `packages=[package_name]`. */
function stringAssignments(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const match of text.matchAll(/^[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(['"])([^'"\n]*)\2[ \t]*(?:#.*)?$/gm)) {
    if (match[1] !== undefined && match[3] !== undefined) values.set(match[1], match[3]);
  }
  return values;
}

/**
 * The text without `#` comments (a `#` inside a one-line string literal is kept). One pass building a list of
 * kept slices: a regex replace with a callback was superlinear on megabytes of small strings.
 */
function withoutComments(text: string): string {
  const kept: string[] = [];
  let from = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote !== '') {
      if (char === '\\') i++;
      else if (char === quote || char === '\n') quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '#') {
      kept.push(text.slice(from, i));
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
      from = i + 1;
    }
  }
  kept.push(text.slice(from));
  return kept.join('');
}

/** The value after `keyword=` in a call, as the text of its list/dict/call, with the opening character. */
function keywordValue(text: string, keyword: string): { opener: string; body: string } | null {
  const pattern = new RegExp(`[(,\\s]${keyword}\\s*=\\s*`, 'g');
  for (const match of text.matchAll(pattern)) {
    let at = match.index + match[0].length;
    const rest = text.slice(at);
    const call = /^[A-Za-z_][A-Za-z0-9_.]*\s*(?=\()/.exec(rest);
    if (call !== null) {
      const name = call[0].trim();
      at += call[0].length;
      const body = bracketed(text, at);
      if (body !== null) return { opener: name, body };
      continue;
    }
    const body = bracketed(text, at);
    if (body !== null) return { opener: text[at] ?? '', body };
    const identifier = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (identifier !== null) return { opener: 'name', body: identifier[0] };
  }
  return null;
}

function stringsIn(body: string): string[] {
  return [...body.matchAll(STRING_LITERAL)].map((match) => match[2] ?? '');
}

function parseEntryPoint(spec: string): ConsoleScript | null {
  const match = /^\s*([^=\s]+)\s*=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(?::.*)?$/.exec(spec);
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  return { name: match[1], module: match[2] };
}

export function parseSetupPy(source: string): PythonPackaging {
  const text = withoutComments(source);
  const assignments = stringAssignments(text);

  let packages: readonly string[] | 'find' = [];
  let excluded: string[] = [];
  const packagesValue = keywordValue(text, 'packages');
  if (packagesValue !== null) {
    if (packagesValue.opener.endsWith('find_packages') || packagesValue.opener.endsWith('find_namespace_packages')) {
      packages = 'find';
      const exclude = keywordValue(`(${packagesValue.body})`, 'exclude');
      excluded = exclude === null ? [] : stringsIn(exclude.body);
    } else if (packagesValue.opener === '[' || packagesValue.opener === '(') {
      const names: string[] = [];
      for (const item of packagesValue.body.split(',')) {
        const trimmed = item.trim();
        const literal = stringsIn(trimmed)[0];
        if (literal !== undefined) names.push(literal);
        else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed)) {
          const resolved = assignments.get(trimmed);
          if (resolved !== undefined) names.push(resolved);
        }
      }
      packages = names;
    }
  }

  const packageDir: Record<string, string> = {};
  const dirValue = keywordValue(text, 'package_dir');
  if (dirValue !== null && dirValue.opener === '{') {
    for (const pair of dirValue.body.matchAll(/(['"])([^'"]*)\1\s*:\s*(['"])([^'"]*)\3/g)) {
      if (pair[2] !== undefined && pair[4] !== undefined) packageDir[pair[2]] = pair[4];
    }
  }

  const consoleScripts: ConsoleScript[] = [];
  const entryPoints = keywordValue(text, 'entry_points');
  if (entryPoints !== null) {
    const key = /(['"])console_scripts\1\s*:\s*/.exec(entryPoints.body);
    if (key !== null) {
      const list = bracketed(entryPoints.body, key.index + key[0].length);
      for (const spec of list === null ? [] : stringsIn(list)) {
        const script = parseEntryPoint(spec);
        if (script !== null) consoleScripts.push(script);
      }
    }
  }

  const scriptsValue = keywordValue(text, 'scripts');
  const scripts = scriptsValue !== null && scriptsValue.opener === '[' ? stringsIn(scriptsValue.body) : [];

  return { packages, excluded, packageDir, consoleScripts, scripts };
}

/** setup.cfg: [options] packages / package_dir and [options.entry_points] console_scripts. */
export function parseSetupCfg(text: string): PythonPackaging {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | null = null;
  let key: string | null = null;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    if (/^\s*[#;]/.test(raw) || raw.trim() === '') continue;
    const header = /^\[([^\]]+)\]/.exec(raw);
    if (header?.[1] !== undefined) {
      section = new Map();
      sections.set(header[1].trim(), section);
      key = null;
      continue;
    }
    if (section === null) continue;
    if (/^\s/.test(raw) && key !== null) {
      section.set(key, `${section.get(key) ?? ''}\n${raw.trim()}`);
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (pair?.[1] !== undefined) {
      key = pair[1].trim();
      section.set(key, (pair[2] ?? '').trim());
    }
  }
  const options = sections.get('options');
  const lines = (value: string | undefined): string[] =>
    (value ?? '')
      .split(/[\n,]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');

  const packagesRaw = options?.get('packages');
  const packages: readonly string[] | 'find' =
    packagesRaw !== undefined && /^find(_namespace)?:/.test(packagesRaw.trim()) ? 'find' : lines(packagesRaw);
  const excluded = lines(sections.get('options.packages.find')?.get('exclude'));
  const packageDir: Record<string, string> = {};
  for (const line of lines(options?.get('package_dir'))) {
    const [from, to] = line.split('=').map((part) => part.trim());
    if (to !== undefined) packageDir[from ?? ''] = to;
  }
  const consoleScripts: ConsoleScript[] = [];
  for (const spec of lines(sections.get('options.entry_points')?.get('console_scripts'))) {
    const script = parseEntryPoint(spec);
    if (script !== null) consoleScripts.push(script);
  }
  return { packages, excluded, packageDir, consoleScripts, scripts: lines(options?.get('scripts')) };
}

/** setup.py and setup.cfg together: explicit values of either win over the empty defaults of the other. */
export function mergePackaging(a: PythonPackaging, b: PythonPackaging): PythonPackaging {
  const packages = a.packages === 'find' || a.packages.length > 0 ? a.packages : b.packages;
  return {
    packages,
    excluded: [...a.excluded, ...b.excluded],
    packageDir: { ...b.packageDir, ...a.packageDir },
    consoleScripts: [...a.consoleScripts, ...b.consoleScripts],
    scripts: [...a.scripts, ...b.scripts],
  };
}
