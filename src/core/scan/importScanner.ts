// Finds the imports and the shebang of one Python file without running Python: one pass over the characters
// builds logical lines (strings, comments, brackets and backslash continuations resolved), then a second pass over
// their few tokens tracks indentation blocks for try/except and TYPE_CHECKING.
// Both passes are loops over the input with explicit state, never recursion on its structure: the scanner runs in
// the extension host, and a hostile file (`if x: ` × 180,000 on one line) must cost time linear in its size.
import type { ImportSite, ScannedFile, Shebang } from './importSite';

export interface ScanOptions {
  /** Top-level modules that are the workspace's own (see moduleClassifier.ts); their imports are left out. */
  readonly localModules?: ReadonlySet<string>;
  /**
   * Keep every token of every statement (slower): the reference the lean tokenization is tested against. By default
   * a statement that is neither an import nor a compound statement keeps only its first token (see logicalLines).
   */
  readonly everyToken?: boolean;
}

/** 'invalid': a character Python's tokenizer rejects (a no-break space, U+3000…); its statement imports nothing. */
type TokenKind = 'name' | 'op' | 'string' | 'number' | 'invalid';

interface Token {
  readonly kind: TokenKind;
  /** The name, or the operator character; '' for strings and numbers. */
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

interface LogicalLine {
  readonly indent: number;
  readonly tokens: Token[];
}

/** A `try:` whose handlers decide, once seen, whether imports in its body are optional. */
interface TryRecord {
  optional: boolean;
}

type BlockKind = 'try-body' | 'handler' | 'type-checking' | 'other';

/** The try bodies enclosing a block, innermost first, shared between blocks (a persistent list). */
interface TryChain {
  readonly record: TryRecord;
  readonly parent: TryChain | null;
}

interface Block {
  readonly indent: number;
  readonly kind: BlockKind;
  readonly tryRecord: TryRecord | null;
  /** This block's try bodies and its enclosing blocks': kept per block so an import costs O(1), whatever the depth. */
  readonly tries: TryChain | null;
  readonly typeOnly: boolean;
}

interface PendingSite {
  readonly module: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly form: 'import' | 'from';
  readonly tries: TryChain | null;
  readonly typeOnly: boolean;
}

const OPTIONAL_HANDLERS = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException']);
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf', 'tr', 'rt']);
const COMPOUND_KEYWORDS = new Set([
  'if',
  'elif',
  'else',
  'try',
  'except',
  'finally',
  'while',
  'for',
  'with',
  'def',
  'class',
  'async',
  'match',
  'case',
]);
const TAB_SIZE = 8;

export function scanImports(text: string, options: ScanOptions = {}): ScannedFile {
  const shebang = parseShebang(text);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = logicalLines(body, options.everyToken === true);
  const sites = collectSites(lines);
  const local = options.localModules;
  const imports: ImportSite[] = [];
  const optional = optionalChains();
  for (const site of sites) {
    const dot = site.module.indexOf('.');
    const topLevel = dot < 0 ? site.module : site.module.slice(0, dot);
    if (local !== undefined && local.has(topLevel)) continue;
    imports.push({
      module: site.module,
      topLevel,
      line: site.line,
      column: site.column,
      endColumn: site.endColumn,
      form: site.form,
      optional: optional(site.tries),
      typeOnly: site.typeOnly,
    });
  }
  return { imports, shebang };
}

export function parseShebang(text: string): Shebang | null {
  if (!text.startsWith('#!')) return null;
  let end = 0;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === 10 || code === 13) break;
    end++;
  }
  const line = text.slice(2, end).trim();
  const words = line.split(/[ \t]+/).filter((word) => word.length > 0);
  const first = words[0] ?? '';
  const isEnv = first === 'env' || first.endsWith('/env');
  const command = isEnv ? envCommand(words.slice(1)) : first;
  return { text: line, command, viaEnv: isEnv, length: end };
}

/** The command `env` runs: the first word that is neither an option, an option's argument, nor VAR=value. */
function envCommand(args: readonly string[]): string {
  const withArgument = new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string']);
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    // -S takes the rest of the line as its argument; the kernel passes it as one word, env splits it again.
    if (word === '-S' || word === '--split-string') return envCommand(args.slice(i + 1));
    if (word.startsWith('-S') && word.length > 2) return envCommand([word.slice(2), ...args.slice(i + 1)]);
    if (word.startsWith('--split-string=')) return envCommand([word.slice('--split-string='.length), ...args.slice(i + 1)]);
    if (withArgument.has(word)) {
      i++;
      continue;
    }
    if (word.startsWith('-')) continue;
    if (word.includes('=')) continue;
    return word;
  }
  return '';
}

/**
 * Whether any try in the chain is optional, memoised per chain node: the records are final once every line is
 * read, and each node is decided once, so all sites together cost time linear in the number of nodes.
 */
function optionalChains(): (chain: TryChain | null) => boolean {
  const known = new Map<TryChain, boolean>();
  return (chain) => {
    const pending: TryChain[] = [];
    let node = chain;
    let answer = false;
    while (node !== null) {
      const memo = known.get(node);
      if (memo !== undefined) {
        answer = memo;
        break;
      }
      pending.push(node);
      node = node.parent;
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const current = pending[i];
      if (current === undefined) continue;
      answer = answer || current.record.optional;
      known.set(current, answer);
    }
    return answer;
  };
}

// Python's identifiers (PEP 3131): XID_Start or '_', then XID_Continue. A no-break space, a BOM, U+2028 or
// U+3000 is none of these: Python rejects the line, so they never become part of a module name here.
const XID_START = /[\p{XID_Start}_]/u;
const XID_CONTINUE = /\p{XID_Continue}/u;

function isAsciiNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isAsciiNamePart(code: number): boolean {
  return isAsciiNameStart(code) || (code >= 48 && code <= 57);
}

/** Length in UTF-16 units of the identifier character at pos, or 0 when there is none. */
function nameCharLength(text: string, pos: number, start: boolean): number {
  const code = text.charCodeAt(pos);
  if (code < 128) return (start ? isAsciiNameStart(code) : isAsciiNamePart(code)) ? 1 : 0;
  const point = text.codePointAt(pos) ?? 0;
  const character = String.fromCodePoint(point);
  return (start ? XID_START : XID_CONTINUE).test(character) ? character.length : 0;
}

/** The identifier as Python sees it: non-ASCII names are NFKC-normalised (`ｙａｍｌ` is `yaml`). */
function identifier(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return text.normalize('NFKC');
  return text;
}

/**
 * The characters that can end a statement or hide its end: line breaks, `#`, `\\`, quotes, brackets and `;`.
 * Inside a statement whose tokens are not kept, everything else is skipped without being tokenized.
 */
const STATEMENT_STOPS = (() => {
  const stops = new Uint8Array(128);
  for (const character of '\n\r#\\"\'()[]{};') stops[character.charCodeAt(0)] = 1;
  return stops;
})();

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Statements whose tokens after the first are read: imports, and compound statements (block headers, one-line bodies). */
function readsWholeStatement(first: Token): boolean {
  return first.kind === 'name' && (first.text === 'import' || first.text === 'from' || COMPOUND_KEYWORDS.has(first.text));
}

/**
 * Splits the text into logical lines of tokens, skipping comments, blank lines and the contents of strings.
 * Lean unless `everyToken`: every character is still read (strings, brackets and continuations decide where a
 * logical line ends), but a statement whose first token is not `import`, `from` or a compound keyword keeps only
 * that token and the `;` after it, which is all collectSites reads of it. Most lines of a module are such statements
 * (`x = f(a, "b")`, `return …`), and not building their tokens saves most of the scanner's allocations.
 */
function logicalLines(text: string, everyToken: boolean): LogicalLine[] {
  const result: LogicalLine[] = [];
  const length = text.length;
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  let tokens: Token[] = [];
  let indent = 0;
  let atLineStart = true;
  // The next token starts a statement (at a line's start or after `;`); `keep`: the current statement is kept whole.
  // (Plain locals, no closures over them: this loop reads every character of the workspace.)
  let statementStart = true;
  let keep = true;

  while (pos < length) {
    if (atLineStart) {
      // Measure indentation of a new logical line; blank and comment-only lines do not start one.
      let width = 0;
      while (pos < length) {
        const code = text.charCodeAt(pos);
        if (code === 32) width++;
        else if (code === 9) width = (Math.floor(width / TAB_SIZE) + 1) * TAB_SIZE;
        else if (code === 12) width = 0;
        else break;
        pos++;
      }
      indent = width;
      atLineStart = false;
      continue;
    }
    if (!keep && !statementStart) {
      while (pos < length) {
        const c = text.charCodeAt(pos);
        if (c < 128 && STATEMENT_STOPS[c] === 1) break;
        pos++;
      }
      if (pos >= length) break;
    }
    const code = text.charCodeAt(pos);
    if (code === 10 || code === 13) {
      pos += code === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
      line++;
      lineStart = pos;
      if (depth === 0) {
        if (tokens.length > 0) result.push({ indent, tokens });
        tokens = [];
        atLineStart = true;
        statementStart = true;
      }
      continue;
    }
    if (code === 32 || code === 9 || code === 12) {
      pos++;
      continue;
    }
    if (code === 35) {
      while (pos < length) {
        const c = text.charCodeAt(pos);
        if (c === 10 || c === 13) break;
        pos++;
      }
      continue;
    }
    if (code === 92) {
      const next = text.charCodeAt(pos + 1);
      if (next === 10 || next === 13) {
        pos += next === 13 && text.charCodeAt(pos + 2) === 10 ? 3 : 2;
        line++;
        lineStart = pos;
        continue;
      }
      pos++;
      continue;
    }
    if (code === 34 || code === 39) {
      const start = pos;
      const end = skipString(text, pos);
      if (statementStart || keep) {
        keep = added(tokens, { kind: 'string', text: '', line, column: start - lineStart }, statementStart, keep, everyToken);
        statementStart = false;
      }
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
          line++;
          lineStart = i + 1;
        }
      }
      pos = end;
      continue;
    }
    const startLength = nameCharLength(text, pos, true);
    if (startLength > 0) {
      const start = pos;
      let ascii = code < 128;
      pos += startLength;
      while (pos < length) {
        const part = nameCharLength(text, pos, false);
        if (part === 0) break;
        if (part > 1 || text.charCodeAt(pos) >= 128) ascii = false;
        pos += part;
      }
      const quote = text.charCodeAt(pos);
      if ((quote === 34 || quote === 39) && pos - start <= 2 && STRING_PREFIXES.has(text.slice(start, pos).toLowerCase())) {
        // A prefixed string literal: the quote is handled on the next turn, reported at the prefix.
        continue;
      }
      if (statementStart || keep) {
        const name = ascii ? text.slice(start, pos) : identifier(text.slice(start, pos));
        keep = added(tokens, { kind: 'name', text: name, line, column: start - lineStart }, statementStart, keep, everyToken);
        statementStart = false;
      }
      continue;
    }
    if (code >= 128) {
      const width = (text.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
      if (statementStart || keep) {
        keep = added(tokens, { kind: 'invalid', text: '', line, column: pos - lineStart }, statementStart, keep, everyToken);
        statementStart = false;
      }
      pos += width;
      continue;
    }
    if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(pos + 1)))) {
      const start = pos;
      pos++;
      while (pos < length) {
        const c = text.charCodeAt(pos);
        if (isAsciiNamePart(c) || c === 46) pos++;
        else if ((c === 43 || c === 45) && (text.charCodeAt(pos - 1) | 32) === 101) pos++;
        else break;
      }
      if (statementStart || keep) {
        keep = added(tokens, { kind: 'number', text: '', line, column: start - lineStart }, statementStart, keep, everyToken);
        statementStart = false;
      }
      continue;
    }
    if (code === 40 || code === 91 || code === 123) depth++;
    else if ((code === 41 || code === 93 || code === 125) && depth > 0) depth--;
    // ':=' is the walrus, not a block colon.
    const opText = code === 58 && text.charCodeAt(pos + 1) === 61 ? ':=' : (text[pos] ?? '');
    // collectSites splits statements at every `;`, so each one is kept, and the next token starts a statement.
    if (statementStart || keep || code === 59) {
      keep = added(tokens, { kind: 'op', text: opText, line, column: pos - lineStart }, statementStart, keep, everyToken);
      statementStart = code === 59;
    }
    pos += opText.length;
  }
  if (tokens.length > 0) result.push({ indent, tokens });
  return result;
}

/** Adds a token to its logical line; returns whether the statement's next tokens are kept (decided at its first). */
function added(tokens: Token[], token: Token, statementStart: boolean, keep: boolean, everyToken: boolean): boolean {
  tokens.push(token);
  return statementStart ? everyToken || readsWholeStatement(token) : keep;
}

/** Skips a string literal starting at its opening quote (returns the position after it); an unterminated one ends at the line (or text) end. */
function skipString(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  const length = text.length;
  const triple = text.charCodeAt(start + 1) === quote && text.charCodeAt(start + 2) === quote;
  let pos = start + (triple ? 3 : 1);
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code === 92) {
      pos += 2;
      continue;
    }
    if (code === quote) {
      if (!triple) return pos + 1;
      if (text.charCodeAt(pos + 1) === quote && text.charCodeAt(pos + 2) === quote) return pos + 3;
    } else if (!triple && (code === 10 || code === 13)) {
      return pos;
    }
    pos++;
  }
  return length;
}

/** Walks the logical lines keeping a stack of open blocks, and records every absolute import. */
function collectSites(lines: readonly LogicalLine[]): PendingSite[] {
  const sites: PendingSite[] = [];
  const stack: Block[] = [];
  let lastClosedTry: { indent: number; record: TryRecord } | null = null;

  const open = (indent: number, kind: BlockKind, tryRecord: TryRecord | null): void => {
    const parent = stack[stack.length - 1];
    const inherited = parent?.tries ?? null;
    const tries = kind === 'try-body' && tryRecord !== null ? { record: tryRecord, parent: inherited } : inherited;
    stack.push({ indent, kind, tryRecord, tries, typeOnly: (parent?.typeOnly ?? false) || kind === 'type-checking' });
  };

  /**
   * The statement tokens[start, end). Returns true when it opened a block whose body continues on the same line.
   * `if a: if b: import x` (which Python rejects, but a hostile file may hold 180,000 of) is walked header by
   * header in this loop, each one level deeper.
   */
  const processStatement = (tokens: readonly Token[], start: number, end: number, indent: number): boolean => {
    let opened = false;
    let at = start;
    let level = indent;
    while (true) {
      while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? -1) >= level) {
        const closed = stack.pop();
        if (closed !== undefined && closed.tryRecord !== null && closed.indent === level) {
          lastClosedTry = { indent: level, record: closed.tryRecord };
        }
      }
      const first = tokens[at];
      if (first === undefined || at >= end) return opened;
      const keyword = first.kind === 'name' ? first.text : '';
      const continuesTry = keyword === 'except' || keyword === 'else' || keyword === 'finally';
      const tryBefore: { indent: number; record: TryRecord } | null = lastClosedTry;
      if (!continuesTry) lastClosedTry = null;

      if (keyword === 'import' || keyword === 'from') {
        collectImport(tokens.slice(at, end), keyword, sites, stack[stack.length - 1] ?? null);
        return opened;
      }
      if (!COMPOUND_KEYWORDS.has(keyword)) return opened;
      const colon = blockColon(tokens, at, end);
      if (colon < 0) return opened;

      if (keyword === 'try') {
        open(level, 'try-body', { optional: false });
      } else if (keyword === 'except' && tryBefore !== null && tryBefore.indent === level) {
        if (handlerCatchesImportError(tokens.slice(at + 1, colon))) tryBefore.record.optional = true;
        open(level, 'handler', tryBefore.record);
      } else if ((keyword === 'else' || keyword === 'finally') && tryBefore !== null && tryBefore.indent === level) {
        open(level, 'other', tryBefore.record);
      } else if (keyword === 'if' && isTypeCheckingTest(tokens.slice(at + 1, colon))) {
        open(level, 'type-checking', null);
      } else {
        open(level, 'other', null);
      }
      // `try: import x` — a one-line body sits deeper than its header.
      if (colon + 1 >= end) return opened;
      opened = true;
      at = colon + 1;
      level += 0.5;
    }
  };

  for (const logical of lines) {
    let start = 0;
    let inlineIndent = logical.indent;
    const tokens = logical.tokens;
    for (let i = 0; i <= tokens.length; i++) {
      const token = tokens[i];
      if (token !== undefined && !(token.kind === 'op' && token.text === ';')) continue;
      if (i > start) {
        // Statements after `if x: a; b` belong to the same one-line body as `a`.
        if (processStatement(tokens, start, i, inlineIndent) && inlineIndent === logical.indent) inlineIndent = logical.indent + 0.5;
      }
      start = i + 1;
    }
  }
  return sites;
}

/** Index of the colon ending the header of the compound statement tokens[start, end) (outside brackets and lambdas), or -1. */
function blockColon(tokens: readonly Token[], start: number, end: number): number {
  let depth = 0;
  let lambdas = 0;
  for (let i = start; i < end; i++) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.kind === 'name' && token.text === 'lambda') lambdas++;
    if (token.kind !== 'op') continue;
    const op = token.text;
    if (op === '(' || op === '[' || op === '{') depth++;
    else if (op === ')' || op === ']' || op === '}') depth = Math.max(0, depth - 1);
    else if (op === ':' && depth === 0) {
      if (lambdas > 0) lambdas--;
      else return i;
    }
  }
  return -1;
}

function handlerCatchesImportError(expression: readonly Token[]): boolean {
  const names: string[] = [];
  let afterAs = false;
  for (let i = 0; i < expression.length; i++) {
    const token = expression[i];
    if (token === undefined) break;
    if (token.kind === 'name' && token.text === 'as') afterAs = true;
    if (afterAs) break;
    if (token.kind !== 'name') continue;
    const next = expression[i + 1];
    // Only the last part of a dotted name is the class (`builtins.ImportError`).
    if (next !== undefined && next.kind === 'op' && next.text === '.') continue;
    names.push(token.text);
  }
  if (names.length === 0) return true;
  return names.some((name) => OPTIONAL_HANDLERS.has(name));
}

function isTypeCheckingTest(test: readonly Token[]): boolean {
  const last = test[test.length - 1];
  if (last === undefined || last.kind !== 'name' || last.text !== 'TYPE_CHECKING') return false;
  // TYPE_CHECKING or <name>.TYPE_CHECKING, nothing else (`if not TYPE_CHECKING` is the opposite).
  if (test.length === 1) return true;
  return test.length === 3 && test[0]?.kind === 'name' && test[1]?.kind === 'op' && test[1].text === '.';
}

interface DottedName {
  readonly module: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  /** Index of the token after the name. */
  readonly next: number;
}

/** Reads `a.b.c` from tokens[index]; null when there is no name there. */
function readDottedName(tokens: readonly Token[], index: number): DottedName | null {
  const first = tokens[index];
  if (first === undefined || first.kind !== 'name') return null;
  const parts = [first.text];
  let last = first;
  let i = index + 1;
  while (true) {
    const dot = tokens[i];
    const part = tokens[i + 1];
    if (dot === undefined || dot.kind !== 'op' || dot.text !== '.' || part === undefined || part.kind !== 'name') break;
    parts.push(part.text);
    last = part;
    i += 2;
  }
  const endColumn = last.line === first.line ? last.column + last.text.length : first.column + first.text.length;
  return { module: parts.join('.'), line: first.line, column: first.column, endColumn, next: i };
}

function collectImport(tokens: readonly Token[], keyword: 'import' | 'from', sites: PendingSite[], block: Block | null): void {
  // A character Python rejects makes the whole statement a syntax error: it imports nothing.
  if (tokens.some((token) => token.kind === 'invalid')) return;
  const tries = block?.tries ?? null;
  const typeOnly = block?.typeOnly ?? false;
  if (keyword === 'from') {
    const next = tokens[1];
    // Relative imports name the package's own modules.
    if (next === undefined || next.kind !== 'name') return;
    const name = readDottedName(tokens, 1);
    if (name === null || name.module === '__future__') return;
    const importWord = tokens[name.next];
    if (importWord === undefined || importWord.kind !== 'name' || importWord.text !== 'import') return;
    sites.push({ module: name.module, line: name.line, column: name.column, endColumn: name.endColumn, form: 'from', tries, typeOnly });
    return;
  }
  let i = 1;
  while (i < tokens.length) {
    const name = readDottedName(tokens, i);
    if (name === null) return;
    sites.push({ module: name.module, line: name.line, column: name.column, endColumn: name.endColumn, form: 'import', tries, typeOnly });
    i = name.next;
    const maybeAs = tokens[i];
    if (maybeAs !== undefined && maybeAs.kind === 'name' && maybeAs.text === 'as') i += 2;
    const comma = tokens[i];
    if (comma === undefined || comma.kind !== 'op' || comma.text !== ',') return;
    i++;
  }
}
