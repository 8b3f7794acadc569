// Finds the probe's JSON document in a child's stdout, whatever sitecustomize, .pth files or modules printed around it.
import { NO_NONCE, sentinelBegin, sentinelEnd, type ProbeDocument } from './protocol';
import { validateProbeDocument } from './validateProbeDocument';

export type ExtractedJson =
  | { readonly kind: 'found'; readonly json: string }
  /** No begin sentinel on a line of its own: the process never got to print (or is not a Python running our probe). */
  | { readonly kind: 'absent' }
  /** A begin sentinel without its JSON line and end sentinel: the output was cut (output cap, killed mid-write). */
  | { readonly kind: 'unterminated' }
  /** More than one complete document with this run's nonce: code in the interpreter printed one too. */
  | { readonly kind: 'duplicate'; readonly count: number };

export type ParsedProbeOutput =
  | { readonly kind: 'ok'; readonly document: ProbeDocument }
  | { readonly kind: 'absent' }
  | { readonly kind: 'invalid'; readonly reason: string };

// NUL bytes, ANSI escape sequences and stray carriage returns are what noisy start-up code leaves on our lines.
// eslint-disable-next-line no-control-regex
const NOISE = /\u0000|\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]|\r/g;

function cleanLine(line: string): string {
  return line.replace(NOISE, '');
}

/**
 * The JSON line of the one complete `BEGIN / json / END` block carrying this process's nonce, whose sentinels are
 * whole lines. The probe prints exactly one; a block with another nonce (or none) was printed by code in the
 * interpreter and is ignored; a second block with our nonce means that code copied it, and then neither is trusted.
 */
export function extractProbeJson(stdout: string, nonce: string = NO_NONCE): ExtractedJson {
  const begin = sentinelBegin(nonce);
  const end = sentinelEnd(nonce);
  const lines = stdout.split('\n').map(cleanLine);
  let sawBegin = false;
  let found: string | null = null;
  let count = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i] !== begin) continue;
    sawBegin = true;
    const json = lines[i + 1];
    if (json !== undefined && lines[i + 2] === end) {
      count += 1;
      found ??= json;
      i += 2;
    }
  }
  if (count > 1) return { kind: 'duplicate', count };
  if (found !== null) return { kind: 'found', json: found };
  return sawBegin ? { kind: 'unterminated' } : { kind: 'absent' };
}

/** Extracts, parses and validates the probe's document. */
export function parseProbeOutput(stdout: string, nonce: string = NO_NONCE): ParsedProbeOutput {
  const extracted = extractProbeJson(stdout, nonce);
  if (extracted.kind === 'absent') return { kind: 'absent' };
  if (extracted.kind === 'unterminated') return { kind: 'invalid', reason: 'the probe output was cut off before its end marker' };
  if (extracted.kind === 'duplicate') {
    return {
      kind: 'invalid',
      reason: `the process printed ${extracted.count === 2 ? 'two probe documents' : `${extracted.count} probe documents`} with this run's nonce: code in the interpreter (a sitecustomize.py, a .pth file, the module) forged one, so neither is trusted`,
    };
  }
  return parseProbeBlock(extracted.json);
}

/** Longest line kept while waiting for its end: a document fits well inside (the probe cuts its strings and lists). */
const MAX_PENDING_LINE = 1024 * 1024;

/**
 * Follows a run that prints one block per module (`probe.py imports`) as its output arrives: `onBlock` gets the
 * JSON line of each complete `BEGIN / json / END` block with this nonce, in order. Other lines are dropped at once,
 * and a line longer than any document is dropped as it grows, so noise cannot pile up in memory.
 */
export function probeBlockStream(nonce: string, onBlock: (json: string) => void): (chunk: string) => void {
  const begin = sentinelBegin(nonce);
  const end = sentinelEnd(nonce);
  let pending = '';
  let skipping = false;
  // 0: outside a block; 1: after BEGIN; 2: after BEGIN and the JSON line.
  let state: 0 | 1 | 2 = 0;
  let json = '';
  const onLine = (raw: string): void => {
    const line = cleanLine(raw);
    if (line === begin) {
      state = 1;
      return;
    }
    if (state === 1) {
      json = line;
      state = 2;
      return;
    }
    if (state === 2 && line === end) onBlock(json);
    state = 0;
  };
  return (chunk) => {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
      if (!skipping) onLine(pending + chunk.slice(start, newline));
      else state = 0;
      pending = '';
      skipping = false;
      start = newline + 1;
    }
    if (skipping) return;
    pending += chunk.slice(start);
    if (pending.length > MAX_PENDING_LINE) {
      pending = '';
      skipping = true;
    }
  };
}

/** Every complete block with this nonce in a finished run's output, in order. */
export function extractProbeBlocks(stdout: string, nonce: string = NO_NONCE): string[] {
  const blocks: string[] = [];
  const push = probeBlockStream(nonce, (json) => blocks.push(json));
  push(stdout);
  push('\n');
  return blocks;
}

/** Parses and validates one block's JSON line. */
export function parseProbeBlock(json: string): ParsedProbeOutput {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { kind: 'invalid', reason: `the probe printed malformed JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return validateProbeDocument(value);
}
