// Finds the probe's JSON document in a child's stdout, whatever sitecustomize, .pth files or modules printed around it.
import { SENTINEL_BEGIN, SENTINEL_END, type ProbeDocument } from './protocol';
import { validateProbeDocument } from './validateProbeDocument';

export type ExtractedJson =
  | { readonly kind: 'found'; readonly json: string }
  /** No begin sentinel on a line of its own: the process never got to print (or is not a Python running our probe). */
  | { readonly kind: 'absent' }
  /** A begin sentinel without its JSON line and end sentinel: the output was cut (output cap, killed mid-write). */
  | { readonly kind: 'unterminated' };

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
 * The JSON line of the last complete `BEGIN / json / END` block whose sentinels are whole lines.
 * The probe prints its block last and then exits at once, so the last block is ours even if a sitecustomize
 * printed a fake one earlier; a sentinel sharing a line with other text is never ours (we print a newline first).
 */
export function extractProbeJson(stdout: string): ExtractedJson {
  const lines = stdout.split('\n').map(cleanLine);
  let sawBegin = false;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (lines[i] !== SENTINEL_BEGIN) continue;
    sawBegin = true;
    const json = lines[i + 1];
    if (json !== undefined && lines[i + 2] === SENTINEL_END) return { kind: 'found', json };
  }
  return sawBegin ? { kind: 'unterminated' } : { kind: 'absent' };
}

/** Extracts, parses and validates the probe's document. */
export function parseProbeOutput(stdout: string): ParsedProbeOutput {
  const extracted = extractProbeJson(stdout);
  if (extracted.kind === 'absent') return { kind: 'absent' };
  if (extracted.kind === 'unterminated') return { kind: 'invalid', reason: 'the probe output was cut off before its end marker' };
  let value: unknown;
  try {
    value = JSON.parse(extracted.json);
  } catch (error) {
    return { kind: 'invalid', reason: `the probe printed malformed JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return validateProbeDocument(value);
}
