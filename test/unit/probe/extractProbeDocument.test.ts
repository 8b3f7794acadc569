import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractProbeBlocks, extractProbeJson, parseProbeOutput, probeBlockStream } from '../../../src/core/probe/extractProbeDocument';
import { SENTINEL_BEGIN, SENTINEL_END, sentinelBegin, sentinelEnd } from '../../../src/core/probe/protocol';
import { validateProbeDocument } from '../../../src/core/probe/validateProbeDocument';

const fixture = JSON.parse(readFileSync(join(__dirname, '../../fixtures/probes/py312-debian-dist-packages.json'), 'utf8')) as {
  probe: { facts: unknown; specs: unknown; imports: Record<string, unknown> };
};
const factsDocument = { protocolVersion: 1, mode: 'facts', interpreter: fixture.probe.facts, specs: fixture.probe.specs };
const block = (json: string): string => `\n${SENTINEL_BEGIN}\n${json}\n${SENTINEL_END}\n`;

const NONCE = '0123456789abcdef0123456789abcdef';
const nonceBlock = (json: string): string => `\n${sentinelBegin(NONCE)}\n${json}\n${sentinelEnd(NONCE)}\n`;

test('finds the probe result among sitecustomize noise: text, ANSI colours, NUL bytes and fake blocks without the nonce, before and after it', () => {
  const fake = `${SENTINEL_BEGIN}\n{"protocolVersion": 1, "mode": "fake"}\n${SENTINEL_END}\n`;
  const noise = `Welcome!\n\u001b[1;31mWARNING\u001b[0m\n\u0000junk\u0000\n${fake}half line ${sentinelBegin(NONCE)}`;
  const parsed = parseProbeOutput(`${noise}${nonceBlock(JSON.stringify(factsDocument))}\u0000${fake}`, NONCE);
  assert.equal(parsed.kind, 'ok');
  assert.equal(parsed.kind === 'ok' && parsed.document.mode, 'facts');
});

test('two complete documents with the nonce are an error naming the forgery, never a choice between them', () => {
  const real = nonceBlock(JSON.stringify(factsDocument));
  assert.deepEqual(extractProbeJson(`${real}${real}`, NONCE), { kind: 'duplicate', count: 2 });
  const parsed = parseProbeOutput(`${real}${nonceBlock('{"protocolVersion": 1, "mode": "fake"}')}`, NONCE);
  assert.equal(parsed.kind, 'invalid');
  assert.match(parsed.kind === 'invalid' ? parsed.reason : '', /two probe documents/);
});

test('a sentinel printed on the same line as other text is not the probe result', () => {
  assert.deepEqual(extractProbeJson(`noise ${SENTINEL_BEGIN}\n{}\n${SENTINEL_END}\n`), { kind: 'absent' });
});

test('an interpreter that prints nothing of ours has no document', () => {
  assert.deepEqual(parseProbeOutput('Python 3.11.2\n'), { kind: 'absent' });
});

test('output cut before the end marker is reported as cut, not as missing', () => {
  const parsed = parseProbeOutput(`\n${SENTINEL_BEGIN}\n{"protocolVersion": 1, "mode": "fac`);
  assert.equal(parsed.kind, 'invalid');
  assert.match(parsed.kind === 'invalid' ? parsed.reason : '', /cut off/);
});

test('a probe from another protocol version is rejected with a clear reason', () => {
  const parsed = parseProbeOutput(block(JSON.stringify({ ...factsDocument, protocolVersion: 2 })));
  assert.equal(parsed.kind, 'invalid');
  assert.match(parsed.kind === 'invalid' ? parsed.reason : '', /protocol version 2.*expects 1/);
});

test('malformed JSON between the sentinels is invalid, not an exception', () => {
  const parsed = parseProbeOutput(block('{"protocolVersion": 1,'));
  assert.equal(parsed.kind, 'invalid');
  assert.match(parsed.kind === 'invalid' ? parsed.reason : '', /malformed JSON/);
});

test('a wrong field type is named with its path', () => {
  const broken = structuredClone(factsDocument) as { interpreter: { sysPath: Array<{ exists: unknown }> } };
  const entry = broken.interpreter.sysPath[0];
  assert.ok(entry);
  entry.exists = 'yes';
  const result = validateProbeDocument(broken);
  assert.equal(result.kind, 'invalid');
  assert.match(result.kind === 'invalid' ? result.reason : '', /document\.interpreter\.sysPath\[0\]\.exists: expected a boolean/);
});

test('a missing facts field is invalid', () => {
  const broken = structuredClone(factsDocument) as { interpreter: Record<string, unknown> };
  delete broken.interpreter.soabi;
  const result = validateProbeDocument(broken);
  assert.equal(result.kind, 'invalid');
  assert.match(result.kind === 'invalid' ? result.reason : '', /soabi/);
});

test('recorded import outcomes validate: torch error, cv_bridge deep-check error', () => {
  for (const module of ['torch', 'cv_bridge', 'rospy']) {
    const result = validateProbeDocument({ protocolVersion: 1, mode: 'import', module, outcome: fixture.probe.imports[module] });
    assert.equal(result.kind, 'ok', module);
  }
  const unknownStatus = validateProbeDocument({ protocolVersion: 1, mode: 'import', module: 'x', outcome: { status: 'weird' } });
  assert.equal(unknownStatus.kind, 'invalid');
});

test('a probe that reports its own failure is invalid with its message', () => {
  const result = validateProbeDocument({ protocolVersion: 1, mode: 'broken', error: 'boom' });
  assert.deepEqual(result, { kind: 'invalid', reason: 'the probe failed: boom' });
});

test('a shared import process: every block with the nonce, in order, however the output is cut into pieces', () => {
  const nonce = 'ab12';
  const block = (json: string): string => `${sentinelBegin(nonce)}\n${json}\n${sentinelEnd(nonce)}\n`;
  const output = `noise\n${block('{"n":1}')}\u001b[0mmore noise${block('{"forged":true}').replace('ab12', 'ffff')}\n${block('{"n":2}')}`;
  assert.deepEqual(extractProbeBlocks(output, nonce), ['{"n":1}', '{"n":2}']);
  for (const size of [1, 3, 7, 50]) {
    const seen: string[] = [];
    const push = probeBlockStream(nonce, (json) => seen.push(json));
    for (let at = 0; at < output.length; at += size) push(output.slice(at, at + size));
    assert.deepEqual(seen, ['{"n":1}', '{"n":2}'], `pieces of ${size}`);
  }
});

test('a shared import process: a block cut off by a crash is not reported, a huge line of noise is dropped', () => {
  const nonce = 'ab12';
  const seen: string[] = [];
  const push = probeBlockStream(nonce, (json) => seen.push(json));
  push(`${'x'.repeat(3 * 1024 * 1024)}`);
  push(`still the same line\n${sentinelBegin(nonce)}\n{"n":1}\n${sentinelEnd(nonce)}\n${sentinelBegin(nonce)}\n{"n":2`);
  assert.deepEqual(seen, ['{"n":1}']);
});

test('the distributions a facts pass was asked about are validated: found, not found, not applicable; a bad answer names its path', () => {
  const distributions = {
    'demo-py': { found: true, version: '0.1.0' },
    'other-py': { found: false, message: 'No package metadata was found for other-py' },
    'old-py': { found: 'not-applicable' },
  };
  const result = validateProbeDocument({ ...structuredClone(factsDocument), distributions });
  assert.equal(result.kind, 'ok');
  assert.deepEqual(result.kind === 'ok' && result.document.mode === 'facts' ? result.document.distributions : null, distributions);
  const bad = validateProbeDocument({ ...structuredClone(factsDocument), distributions: { 'demo-py': { found: 'maybe' } } });
  assert.equal(bad.kind, 'invalid');
  assert.match(
    bad.kind === 'invalid' ? bad.reason : '',
    /document\.distributions\["demo-py"\]\.found: expected true, false, "not-applicable" or "error"/,
  );
  const absent = validateProbeDocument(structuredClone(factsDocument));
  assert.equal(absent.kind === 'ok' && absent.document.mode === 'facts' && 'distributions' in absent.document, false);
});
