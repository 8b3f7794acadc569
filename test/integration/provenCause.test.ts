// The proven cause of a failed import, on real interpreters and real packages: numpy 2 (copied from pyenv 3.11's
// site-packages) in the user site, on PYTHONPATH and behind a .pth file, against Debian's python3 and its
// python3-cv-bridge (compiled for numpy 1.24); and the dynamic loader's failures with gcc-built LABELLED stand-ins
// (test/support/nativeLibraries.ts). Each names the culprit on the right line with a fix that removes or bypasses
// it, says nothing on the healthy variant, and blames nothing when bypassing the suspect does not help.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  debianPackage,
  needs,
  pyenvPython,
  pyenvRoot,
  pyenvVersion,
  rosStack,
  DEBIAN_PYTHON,
  type Prerequisite,
} from '../support/prerequisites';
import { baseEnv } from '../support/scenarios';
import { diagnoseWithCli, ensureCliBuilt, findingAt, fixCommands, nodeWorkspace, onLine, reportSummary } from '../support/cliHarness';
import { glibcxxCase, missingLibraryCase, STUB_GLIBCXX_LAST } from '../support/nativeLibraries';
import type { JsonReport } from '../../src/cli/jsonOutput';
import type { Finding } from '../../src/core/findings/finding';
import { createDoctor } from '../../src/core/engine/doctor';
import { detectWorkspace } from '../../src/core/workspace/detectWorkspace';
import { silentLogger, systemClock } from '../../src/core/ports';
import { createNodeFileSystem } from '../../src/node/nodeFileSystem';
import { createExecaRunner } from '../../src/node/execaRunner';
import { resolveInterpreter } from '../../src/node/resolveInterpreter';
import { realProber } from './probeSupport';

let scratch = '';
before(async () => {
  ensureCliBuilt();
  scratch = realpathSync(await mkdtemp(join(tmpdir(), 'red-proof-')));
});
after(() => rm(scratch, { recursive: true, force: true }));

const diagnose = (root: string, python: string, env: Readonly<Record<string, string>>): Promise<JsonReport> =>
  diagnoseWithCli(root, python, env, join(scratch, 'cache'));

/**
 * The engine in this process, for environments the CLI itself cannot start in: node links libstdc++, so a stub
 * libstdc++.so.6 on the CLI's own LD_LIBRARY_PATH would stop node, not just the probed Python.
 */
async function diagnoseInProcess(root: string, python: string, vars: Readonly<Record<string, string>>): Promise<readonly Finding[]> {
  const fs = createNodeFileSystem();
  const workspace = await detectWorkspace(fs, root);
  const selected = await resolveInterpreter(python, 'selected', {
    fs,
    runner: createExecaRunner(),
    env: { ...vars, PYENV_ROOT: pyenvRoot() ?? '' },
    home: scratch,
    cwd: root,
  });
  const doctor = createDoctor({ fs, prober: realProber(), logger: silentLogger, clock: systemClock });
  const diagnosis = await doctor.diagnose({
    workspace,
    selected,
    candidates: [],
    environment: { kind: 'plain', reason: 'no-setup-script', vars },
    extraModules: [],
    ignoredModules: [],
    timeoutMs: 60_000,
  });
  return diagnosis.findings;
}

const CV_NODE = ['#!/usr/bin/env python3', 'import rospy', 'from cv_bridge import CvBridge', '', 'CvBridge()', ''].join('\n'); // cv_bridge on line 3

/** pyenv 3.11's site-packages, which carries numpy 2.x on this machine. */
function pyenvSitePackages(): string | null {
  const python = pyenvPython('3.11');
  if (python === undefined) return null;
  return execFileSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim();
}

const numpy2: Prerequisite = () => {
  const site = pyenvSitePackages();
  const dist = site === null ? undefined : readdirSync(site).find((name) => /^numpy-2\.[\d.]+\.dist-info$/.test(name));
  return dist === undefined ? 'numpy 2.x is missing from pyenv 3.11 (pyenv exec pip install "numpy>=2")' : undefined;
};

const cvBridge = debianPackage('/usr/lib/python3/dist-packages/cv_bridge/__init__.py', 'python3-cv-bridge');

/** numpy 2.x copied (as `pip install --user` would leave it) into <dir>/lib/python3.11/site-packages; returns that folder. */
function numpy2Site(dir: string): { site: string; version: string } {
  const from = pyenvSitePackages() as string;
  const site = join(dir, 'lib', 'python3.11', 'site-packages');
  mkdirSync(site, { recursive: true });
  const names = readdirSync(from).filter((name) => name === 'numpy' || name === 'numpy.libs' || /^numpy-2\.[\d.]+\.dist-info$/.test(name));
  for (const name of names) execFileSync('cp', ['-r', join(from, name), join(site, name)]);
  const version = /^numpy-(.+)\.dist-info$/.exec(names.find((n) => n.endsWith('.dist-info')) ?? '')?.[1] ?? '?';
  return { site, version };
}

let shared: { base: string; site: string; version: string } | null = null;
function userBase(): { base: string; site: string; version: string } {
  if (shared === null) {
    const base = join(scratch, 'userbase');
    shared = { base, ...numpy2Site(base) };
  }
  return shared;
}

test("numpy 2 in the user site shadows Debian's numpy 1.24 for /usr/bin/python3: proven with -s, culprit named, uninstall from the user site", async (t) => {
  if (!needs(t, ...rosStack, cvBridge, pyenvVersion('3.11'), numpy2)) return;
  const { base, site, version } = userBase();
  const root = join(scratch, 'usersite');
  const node = await nodeWorkspace(root, CV_NODE);
  const report = await diagnose(root, DEBIAN_PYTHON, baseEnv({ PYTHONUSERBASE: base }));
  const finding = findingAt(report, 'shadowed-by-outside-package', node, 3);
  assert.ok(finding, reportSummary(report));
  assert.match(
    finding.message,
    new RegExp(
      `^numpy ${version.replace(/\./g, '\\.')} in the user site ${site} shadows Debian's numpy 1\\.24\\.\\d+ for /usr/bin/python3: import cv_bridge works without the user site`,
    ),
  );
  assert.deepEqual(fixCommands(finding.fixes), [
    `env PYTHONUSERBASE=${base} PIP_BREAK_SYSTEM_PACKAGES=1 /usr/bin/python3 -m pip uninstall numpy`,
    'export PYTHONNOUSERSITE=1',
  ]);
  assert.deepEqual(
    onLine(report, node, 3).map((f) => f.code),
    ['shadowed-by-outside-package'],
    'one cause, one code',
  );

  const healthy = join(scratch, 'usersite-empty');
  mkdirSync(join(healthy, 'lib', 'python3.11', 'site-packages'), { recursive: true });
  const clean = await diagnose(root, DEBIAN_PYTHON, baseEnv({ PYTHONUSERBASE: healthy }));
  assert.deepEqual(onLine(clean, node, 3), [], reportSummary(clean));
});

test('numpy 2 in the user site AND a broken cv2 elsewhere: the proof run still fails, so nothing is blamed', async (t) => {
  if (!needs(t, ...rosStack, cvBridge, pyenvVersion('3.11'), numpy2)) return;
  const { base } = userBase();
  const broken = join(scratch, 'broken-cv2');
  mkdirSync(join(broken, 'cv2'), { recursive: true });
  writeFileSync(join(broken, 'cv2', '__init__.py'), 'raise ImportError("this cv2 install is broken (half-removed)")\n');
  const root = join(scratch, 'both');
  const node = await nodeWorkspace(root, CV_NODE);
  const report = await diagnose(root, DEBIAN_PYTHON, baseEnv({ PYTHONUSERBASE: base, PYTHONPATH: broken }));
  assert.ok(findingAt(report, 'module-import-error', node, 3), reportSummary(report));
  assert.equal(report.findings.filter((f) => f.code === 'shadowed-by-outside-package').length, 0, reportSummary(report));
});

test('numpy 2 in a PYTHONPATH entry: proven by the run without that entry; the fix drops it from PYTHONPATH', async (t) => {
  if (!needs(t, ...rosStack, cvBridge, pyenvVersion('3.11'), numpy2)) return;
  const { site, version } = userBase();
  const root = join(scratch, 'pythonpath');
  const node = await nodeWorkspace(root, CV_NODE);
  const report = await diagnose(root, DEBIAN_PYTHON, baseEnv({ PYTHONPATH: site }));
  const finding = findingAt(report, 'shadowed-by-outside-package', node, 3);
  assert.ok(finding, reportSummary(report));
  assert.match(
    finding.message,
    new RegExp(`^numpy ${version.replace(/\./g, '\\.')} in ${site} \\(on PYTHONPATH\\) shadows Debian's numpy 1\\.24`),
  );
  assert.deepEqual(fixCommands(finding.fixes), ['unset PYTHONPATH']);
  assert.equal(
    report.findings.filter((f) => f.code === 'module-import-error' || f.code === 'extension-abi-mismatch').length,
    0,
    reportSummary(report),
  );
});

test("a .pth file in a venv puts numpy 2 ahead of the system one: only that file's entries are dropped in the proof, and the fix disables it", async (t) => {
  if (!needs(t, ...rosStack, cvBridge, pyenvVersion('3.11'), numpy2)) return;
  const extra = join(scratch, 'extra-numpy');
  if (!existsSync(extra)) execFileSync('cp', ['-r', userBase().site, extra]);
  const venv = join(scratch, 'pth-venv');
  execFileSync(DEBIAN_PYTHON, ['-m', 'venv', '--without-pip', '--system-site-packages', venv]);
  const venvSite = join(venv, 'lib', 'python3.11', 'site-packages');
  const pth = join(venvSite, 'zz_extra_numpy.pth');
  writeFileSync(pth, `${extra}\n`);
  const root = join(scratch, 'pth');
  const node = await nodeWorkspace(root, CV_NODE);
  const python = join(venv, 'bin', 'python');
  const report = await diagnose(root, python, baseEnv({ VIRTUAL_ENV: venv }));
  const finding = findingAt(report, 'shadowed-by-outside-package', node, 3);
  assert.ok(finding, reportSummary(report));
  assert.match(
    finding.message,
    new RegExp(`^${pth} puts ${extra} on the path of venv: pth-venv \\(3\\.11\\); numpy 2\\.[\\d.]+ there shadows Debian's numpy 1\\.24`),
  );
  assert.deepEqual(fixCommands(finding.fixes), [`mv ${pth} ${pth}.disabled`]);
});

test("an older libstdc++.so.6 first on LD_LIBRARY_PATH (a conda env's lib/): the loaded library and the GLIBCXX version needed are named, proven without that folder", async (t) => {
  if (!needs(t, pyenvVersion('3.11'))) return;
  const python = pyenvPython('3.11') as string;
  const lib = glibcxxCase(join(scratch, 'glibcxx'), python);
  const root = join(scratch, 'glibcxx-ws');
  const node = await nodeWorkspace(root, ['#!/usr/bin/env python3', 'import glibcxx_ext', ''].join('\n'));
  const findings = await diagnoseInProcess(
    root,
    python,
    baseEnv({ PYTHONPATH: lib.extensionDir, LD_LIBRARY_PATH: `${lib.envLib}:/usr/local/lib` }),
  );
  const summary = findings.map((f) => `${f.code} ${f.location?.file ?? ''}:${f.location?.line ?? ''} ${f.message}`).join('\n');
  const finding = findings.find((f) => f.code === 'shadowed-by-outside-package' && f.location?.file === node && f.location.line === 2);
  assert.ok(finding, summary);
  assert.equal(
    finding.message,
    `${lib.stub}, first on LD_LIBRARY_PATH, has no GLIBCXX_3.4.${STUB_GLIBCXX_LAST + 1} (required by ${lib.extension}) and shadows the system's libstdc++.so.6 for pyenv ${dirname(dirname(python)).split('/').pop()}: import glibcxx_ext works without ${lib.envLib} on LD_LIBRARY_PATH`,
  );
  assert.deepEqual(fixCommands(finding.fixes), ['export LD_LIBRARY_PATH=/usr/local/lib']);
  assert.deepEqual(
    findings.filter((f) => f.location?.line === 2).map((f) => f.code),
    ['shadowed-by-outside-package'],
    summary,
  );
  const healthy = await diagnoseInProcess(root, python, baseEnv({ PYTHONPATH: lib.extensionDir }));
  assert.deepEqual(
    healthy.filter((f) => f.location?.file === node && f.location.line === 2),
    [],
  );
});

test("an extension whose library sits in a private lib/ folder: the loader's missing library is named, found, and proven with that folder on LD_LIBRARY_PATH", async (t) => {
  if (!needs(t, pyenvVersion('3.11'))) return;
  const python = pyenvPython('3.11') as string;
  const lib = missingLibraryCase(join(scratch, 'missing-lib'), python);
  const root = join(scratch, 'missing-lib-ws');
  const node = await nodeWorkspace(root, ['#!/usr/bin/env python3', 'import hello_ext', ''].join('\n'));
  const report = await diagnose(root, python, baseEnv({ PYTHONPATH: lib.extensionDir }));
  const finding = findingAt(report, 'module-import-error', node, 2);
  assert.ok(finding, reportSummary(report));
  assert.match(
    finding.message,
    new RegExp(
      `the loader cannot find libhello\\.so \\(needed by ${lib.extension.replace(/[.+]/g, '\\$&')}\\); it is in ${lib.libDir}, which is not on LD_LIBRARY_PATH`,
    ),
  );
  assert.deepEqual(fixCommands(finding.fixes), [`export LD_LIBRARY_PATH=${lib.libDir}`]);
  const healthy = await diagnose(root, python, baseEnv({ PYTHONPATH: lib.extensionDir, LD_LIBRARY_PATH: lib.libDir }));
  assert.deepEqual(onLine(healthy, node, 2), [], reportSummary(healthy));
});
