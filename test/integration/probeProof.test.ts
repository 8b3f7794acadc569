// The probe's proof pieces on every kind of interpreter it must run on unchanged (2.7, 3.6, 3.13, Jython): the .pth
// file behind a sys.path entry, what a failed import had loaded, and `prove` dropping exactly the entries asked.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProbeOutput } from '../../src/core/probe/extractProbeDocument';
import type { ProbeDocument } from '../../src/core/probe/protocol';
import { probeScriptPath } from '../../src/node/probeScriptPath';
import { jython, needs, pyenvPython, pyenvVersion, type Prerequisite } from '../support/prerequisites';

const temp = mkdtempSync(join(tmpdir(), 'red-probe-proof-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function run(python: string, args: readonly string[], env: Readonly<Record<string, string>>): ProbeDocument {
  const stdout = execFileSync(python, ['-B', probeScriptPath(), ...args], {
    env: { PATH: '/usr/bin:/bin', HOME: temp, ...env },
    encoding: 'utf8',
  });
  const parsed = parseProbeOutput(stdout);
  assert.equal(parsed.kind, 'ok', JSON.stringify(parsed));
  if (parsed.kind !== 'ok') throw new Error('unreachable');
  return parsed.document;
}

const INTERPRETERS: ReadonlyArray<{
  readonly name: string;
  readonly python: () => string | undefined;
  readonly prerequisite: Prerequisite;
}> = [
  { name: 'pyenv 2.7', python: () => pyenvPython('2.7'), prerequisite: pyenvVersion('2.7') },
  { name: 'pyenv 3.6', python: () => pyenvPython('3.6'), prerequisite: pyenvVersion('3.6') },
  { name: 'pyenv 3.13', python: () => pyenvPython('3.13'), prerequisite: pyenvVersion('3.13') },
  { name: 'Jython', python: () => '/usr/bin/jython', prerequisite: jython },
];

for (const { name, python: find, prerequisite } of INTERPRETERS) {
  test(`${name}: a .pth entry names its file, a failed import reports what it loaded, prove drops only the entries asked`, (t) => {
    if (!needs(t, prerequisite)) return;
    const python = find() as string;
    const root = join(temp, name.replace(/\W+/g, '-'));
    const outside = join(root, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'brokenmod.py'), 'import json\nraise ImportError("broken here")\n');
    const base = join(root, 'userbase');
    const env = { PYTHONUSERBASE: base, JYTHONPATH: '' };
    const userSite = execFileSync(python, ['-c', 'import site; print(site.getusersitepackages())'], {
      env: { PATH: '/usr/bin:/bin', HOME: temp, ...env },
      encoding: 'utf8',
    }).trim();
    mkdirSync(userSite, { recursive: true });
    const pth = join(userSite, 'extra.pth');
    writeFileSync(pth, `${outside}\n`);

    const facts = run(python, ['facts', 'brokenmod'], env);
    assert.ok(facts.mode === 'facts');
    const entry = facts.interpreter.sysPath.find((e) => e.path === outside);
    assert.deepEqual(entry, { path: outside, origin: 'pth', exists: true, pthFile: pth });

    const failed = run(python, ['import', 'brokenmod'], env);
    assert.ok(failed.mode === 'import' && failed.outcome.status === 'error', JSON.stringify(failed));
    assert.equal(failed.outcome.message, 'broken here');
    assert.ok(Array.isArray(failed.outcome.loaded));
    assert.equal(failed.outcome.errorPath, null);

    const proof = run(python, ['prove', 'brokenmod', '', 'json', outside], env);
    assert.ok(proof.mode === 'prove', JSON.stringify(proof));
    assert.deepEqual(proof.dropped, [outside]);
    assert.equal(proof.outcome.status, 'missing', 'without the .pth entry there is no brokenmod');
    assert.equal(proof.watched[0]?.module, 'json');
  });
}
