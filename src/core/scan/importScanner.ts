// Finds the imports and the shebang of one Python file without running Python: one pass over the characters
// builds logical lines (strings, comments, brackets and backslash continuations resolved), then a second pass over
// their few tokens tracks indentation blocks for try/except and TYPE_CHECKING.
import type { ImportSite, ScannedFile, Shebang } from './importSite';

export interface ScanOptions {
  /** Top-level modules that are the workspace's own (see moduleClassifier.ts); their imports are left out. */
  readonly localModules?: ReadonlySet<string>;
}

type TokenKind = 'name' | 'op' | 'string' | 'number';

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

interface Block {
  readonly indent: number;
  readonly kind: BlockKind;
  readonly tryRecord: TryRecord | null;
}

interface PendingSite {
  readonly module: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  readonly form: 'import' | 'from';
  readonly tries: readonly TryRecord[];
  readonly typeOnly: boolean;
}

const OPTIONAL_HANDLERS = new Set(['ImportError', 'ModuleNotFoundError', 'Exception', 'BaseException']);
const STRING_PREFIXES = new Set(['r', 'u', 'b', 'f', 't', 'br', 'rb', 'fr', 'rf', 'tr', 'rt']);
const COMPOUND_KEYWORDS = new Set(['if', 'elif', 'else', 'try', 'except', 'finally', 'while', 'for', 'with', 'def', 'class', 'async', 'match', 'case']);
const TAB_SIZE = 8;

export function scanImports(text: string, options: ScanOptions = {}): ScannedFile {
  const shebang = parseShebang(text);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = logicalLines(body);
  const sites = collectSites(lines);
  const local = options.localModules;
  const imports: ImportSite[] = [];
  for (const site of sites) {
    const topLevel = site.module.split('.', 1)[0] ?? site.module;
    if (local !== undefined && local.has(topLevel)) continue;
    imports.push({
      module: site.module,
      topLevel,
      line: site.line,
      column: site.column,
      endColumn: site.endColumn,
      form: site.form,
      optional: site.tries.some((record) => record.optional),
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

function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 128;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Splits the text into logical lines of tokens, skipping comments, blank lines and the contents of strings. */
function logicalLines(text: string): LogicalLine[] {
  const result: LogicalLine[] = [];
  const length = text.length;
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  let tokens: Token[] = [];
  let indent = 0;
  let atLineStart = true;

  const finishLine = (): void => {
    if (tokens.length > 0) result.push({ indent, tokens });
    tokens = [];
    depth = 0;
    atLineStart = true;
  };

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
    const code = text.charCodeAt(pos);
    if (code === 10 || code === 13) {
      pos += code === 13 && text.charCodeAt(pos + 1) === 10 ? 2 : 1;
      line++;
      lineStart = pos;
      if (depth === 0) finishLine();
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
      tokens.push({ kind: 'string', text: '', line, column: start - lineStart });
      for (let i = start; i < end.pos; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
          line++;
          lineStart = i + 1;
        }
      }
      pos = end.pos;
      continue;
    }
    if (isNameStart(code)) {
      const start = pos;
      pos++;
      while (pos < length && isNamePart(text.charCodeAt(pos))) pos++;
      const quote = text.charCodeAt(pos);
      if ((quote === 34 || quote === 39) && pos - start <= 2 && STRING_PREFIXES.has(text.slice(start, pos).toLowerCase())) {
        // A prefixed string literal: the quote is handled on the next turn, reported at the prefix.
        continue;
      }
      tokens.push({ kind: 'name', text: text.slice(start, pos), line, column: start - lineStart });
      continue;
    }
    if (isDigit(code) || (code === 46 && isDigit(text.charCodeAt(pos + 1)))) {
      const start = pos;
      pos++;
      while (pos < length) {
        const c = text.charCodeAt(pos);
        if (isNamePart(c) || c === 46) pos++;
        else if ((c === 43 || c === 45) && (text.charCodeAt(pos - 1) | 32) === 101) pos++;
        else break;
      }
      tokens.push({ kind: 'number', text: '', line, column: start - lineStart });
      continue;
    }
    if (code === 40 || code === 91 || code === 123) depth++;
    else if ((code === 41 || code === 93 || code === 125) && depth > 0) depth--;
    // ':=' is the walrus, not a block colon.
    const opText = code === 58 && text.charCodeAt(pos + 1) === 61 ? ':=' : text[pos] ?? '';
    tokens.push({ kind: 'op', text: opText, line, column: pos - lineStart });
    pos += opText.length;
  }
  finishLine();
  return result;
}

/** Skips a string literal starting at its opening quote; an unterminated one ends at the line (or text) end. */
function skipString(text: string, start: number): { pos: number } {
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
      if (!triple) return { pos: pos + 1 };
      if (text.charCodeAt(pos + 1) === quote && text.charCodeAt(pos + 2) === quote) return { pos: pos + 3 };
    } else if (!triple && (code === 10 || code === 13)) {
      return { pos };
    }
    pos++;
  }
  return { pos: length };
}

/** Walks the logical lines keeping a stack of open blocks, and records every absolute import. */
function collectSites(lines: readonly LogicalLine[]): PendingSite[] {
  const sites: PendingSite[] = [];
  const stack: Block[] = [];
  let lastClosedTry: { indent: number; record: TryRecord } | null = null;

  /** Returns true when the statement opened a block whose body continues on the same line. */
  const processStatement = (tokens: readonly Token[], indent: number): boolean => {
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? -1) >= indent) {
      const closed = stack.pop();
      if (closed !== undefined && closed.tryRecord !== null && closed.indent === indent) {
        lastClosedTry = { indent, record: closed.tryRecord };
      }
    }
    const first = tokens[0];
    if (first === undefined) return false;
    const keyword = first.kind === 'name' ? first.text : '';
    const continuesTry = keyword === 'except' || keyword === 'else' || keyword === 'finally';
    const tryBefore: { indent: number; record: TryRecord } | null = lastClosedTry;
    if (!continuesTry) lastClosedTry = null;

    if (keyword === 'import' || keyword === 'from') {
      collectImport(tokens, keyword, sites, stack);
      return false;
    }
    if (!COMPOUND_KEYWORDS.has(keyword)) return false;
    const colon = blockColon(tokens);
    if (colon < 0) return false;

    let block: Block;
    if (keyword === 'try') {
      block = { indent, kind: 'try-body', tryRecord: { optional: false } };
    } else if (keyword === 'except' && tryBefore !== null && tryBefore.indent === indent) {
      if (handlerCatchesImportError(tokens.slice(1, colon))) tryBefore.record.optional = true;
      block = { indent, kind: 'handler', tryRecord: tryBefore.record };
    } else if ((keyword === 'else' || keyword === 'finally') && tryBefore !== null && tryBefore.indent === indent) {
      block = { indent, kind: 'other', tryRecord: tryBefore.record };
    } else if (keyword === 'if' && isTypeCheckingTest(tokens.slice(1, colon))) {
      block = { indent, kind: 'type-checking', tryRecord: null };
    } else {
      block = { indent, kind: 'other', tryRecord: null };
    }
    stack.push(block);
    const rest = tokens.slice(colon + 1);
    // `try: import x` — a one-line body sits deeper than its header.
    if (rest.length === 0) return false;
    processStatement(rest, indent + 0.5);
    return true;
  };

  for (const logical of lines) {
    let start = 0;
    let inlineIndent = logical.indent;
    const tokens = logical.tokens;
    for (let i = 0; i <= tokens.length; i++) {
      const token = tokens[i];
      if (token !== undefined && !(token.kind === 'op' && token.text === ';')) continue;
      if (i > start) {
        const statement = tokens.slice(start, i);
        // Statements after `if x: a; b` belong to the same one-line body as `a`.
        if (processStatement(statement, inlineIndent) && inlineIndent === logical.indent) inlineIndent = logical.indent + 0.5;
      }
      start = i + 1;
    }
  }
  return sites;
}

/** Index of the colon ending a compound statement's header (outside brackets and lambdas), or -1. */
function blockColon(tokens: readonly Token[]): number {
  let depth = 0;
  let lambdas = 0;
  for (let i = 0; i < tokens.length; i++) {
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

function blockFlags(stack: readonly Block[]): { tries: TryRecord[]; typeOnly: boolean } {
  const tries: TryRecord[] = [];
  let typeOnly = false;
  for (const block of stack) {
    if (block.kind === 'try-body' && block.tryRecord !== null) tries.push(block.tryRecord);
    if (block.kind === 'type-checking') typeOnly = true;
  }
  return { tries, typeOnly };
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

function collectImport(tokens: readonly Token[], keyword: 'import' | 'from', sites: PendingSite[], stack: readonly Block[]): void {
  const { tries, typeOnly } = blockFlags(stack);
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
