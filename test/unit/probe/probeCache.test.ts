import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createProbeCache, stampHolds, stampPaths, takeStamp, type CachedProbe } from '../../../src/core/probe/probeCache';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { recordedInterpreter } from '../../support/recordedProbes';

const recorded = { probe: recordedInterpreter(join(__dirname, '../../fixtures/probes/py312-debian-dist-packages.json')) };

function entry(): CachedProbe {
  return {
    key: { realPath: '/opt/py/bin/python3', environment: 'sourced', envHash: '0123456789abcdef' },
    stamp: [{ path: '/opt/py/bin/python3', mtimeMs: 5 }],
    facts: recorded.probe.facts,
    specs: recorded.probe.specs,
    imports: recorded.probe.imports,
  };
}

test('the stamp covers the interpreter, its site dirs and every sys.path entry', () => {
  const paths = stampPaths('/opt/py/bin/python3', recorded.probe.facts);
  assert.equal(paths[0], '/opt/py/bin/python3');
  for (const dir of recorded.probe.facts.siteDirs) assert.ok(paths.includes(dir), dir);
  assert.ok(paths.includes('/usr/lib/python3/dist-packages'));
  assert.equal(new Set(paths).size, paths.length);
});

test('a stamp breaks when a directory changes, appears or disappears', async () => {
  const fs = new MemoryFileSystem();
  fs.file('/py', '', { executable: true, mtimeMs: 1 });
  fs.dir('/site', 2);
  const stamp = await takeStamp(fs, ['/py', '/site', '/later']);
  assert.equal(await stampHolds(fs, stamp), true);
  fs.touch('/site', 3);
  assert.equal(await stampHolds(fs, stamp), false);
  const again = await takeStamp(fs, ['/py', '/site', '/later']);
  fs.dir('/later', 4);
  assert.equal(await stampHolds(fs, again), false);
});

test('the cache survives a save and load through JSON', () => {
  const cache = createProbeCache();
  cache.set(entry());
  const copy = createProbeCache();
  const loaded = copy.load(JSON.parse(JSON.stringify(cache.toJSON())));
  assert.deepEqual(loaded, { kind: 'ok', loaded: 1, dropped: 0 });
  assert.deepEqual(copy.get(entry().key), entry());
});

test('a corrupt cache file is refused or its bad entries dropped, never trusted', () => {
  const cache = createProbeCache();
  assert.equal(cache.load('nonsense').kind, 'invalid');
  assert.equal(cache.load({ format: 99, entries: [] }).kind, 'invalid');
  const bad = { ...entry(), facts: { ...recorded.probe.facts, sysPath: 'oops' } };
  const result = cache.load({ format: 1, entries: [entry(), bad, { key: {} }] });
  assert.deepEqual(result, { kind: 'ok', loaded: 1, dropped: 2 });
});
