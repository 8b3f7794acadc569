// Debian's /usr/bin/python3 imports rospy without netifaces (python3-rosgraph does not depend on it): the quick answer
// (specs only, the editor's first one) and the full import must say the same, on the real interpreters. netifaces
// matters only when rospy.init_node runs on a machine whose host name is localhost: said once, as that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needs, pyenvPython, pyenvVersion, rosStack, DEBIAN_PYTHON, type Prerequisite } from '../support/prerequisites';
import { baseEnv } from '../support/scenarios';
import { nodeWorkspace } from '../support/cliHarness';
import type { Finding } from '../../src/core/findings/finding';
import { createDoctor } from '../../src/core/engine/doctor';
import { detectWorkspace } from '../../src/core/workspace/detectWorkspace';
import { silentLogger, systemClock } from '../../src/core/ports';
import { createNodeFileSystem } from '../../src/node/nodeFileSystem';
import { realProber, refFor } from './probeSupport';

let scratch = '';
before(async () => {
  scratch = realpathSync(await mkdtemp(join(tmpdir(), 'red-netifaces-')));
});
after(() => rm(scratch, { recursive: true, force: true }));

/** This machine's state, which the bug needs: Debian's rospy present, netifaces absent from /usr/bin/python3. */
const noNetifaces: Prerequisite = () => {
  try {
    execFileSync(DEBIAN_PYTHON, ['-c', 'import netifaces'], { stdio: 'ignore' });
    return "python3-netifaces is installed; this case needs Debian's rospy without it (apt-get remove python3-netifaces)";
  } catch {
    return undefined;
  }
};

const ONLY_ROSPY = ['#!/usr/bin/env python3', 'import rospy', '', "rospy.init_node('talker')", ''].join('\n');

async function diagnose(selected: string, candidates: readonly string[], specOnly: boolean, hostName: string): Promise<readonly Finding[]> {
  const fs = createNodeFileSystem();
  const root = join(scratch, 'ws');
  await nodeWorkspace(root, ONLY_ROSPY);
  const doctor = createDoctor({ fs, prober: realProber(), logger: silentLogger, clock: systemClock, hostName });
  const diagnosis = await doctor.diagnose({
    workspace: await detectWorkspace(fs, root),
    selected: refFor(selected),
    candidates: candidates.map((path) => refFor(path)),
    environment: { kind: 'plain', reason: 'no-setup-script', vars: baseEnv() },
    extraModules: [],
    ignoredModules: [],
    timeoutMs: 60_000,
    specOnly,
  });
  return diagnosis.findings;
}

const summary = (findings: readonly Finding[]) => findings.map((f) => `${f.severity} ${f.code} ${f.module ?? ''}: ${f.message}`);

test('with pyenv 3.11 selected, the quick answer offers /usr/bin/python3 for a node importing only rospy, as the full one does', async (t) => {
  if (!needs(t, ...rosStack, pyenvVersion('3.11'), noNetifaces)) return;
  const pyenv = pyenvPython('3.11') as string;
  for (const specOnly of [true, false]) {
    const findings = await diagnose(pyenv, [DEBIAN_PYTHON], specOnly, 'workstation');
    const missing = findings.find((f) => f.code === 'module-missing' && f.module === 'rospy');
    assert.ok(missing, `specOnly ${specOnly}: ${summary(findings).join('\n')}`);
    assert.deepEqual(
      missing.fixes[0],
      { kind: 'selectInterpreter', title: `Switch interpreter to ${DEBIAN_PYTHON}`, path: DEBIAN_PYTHON },
      `specOnly ${specOnly}`,
    );
  }
});

test('with /usr/bin/python3 selected, both answers agree: nothing on a real host name, one warning on localhost', async (t) => {
  if (!needs(t, ...rosStack, noNetifaces)) return;
  for (const specOnly of [true, false]) {
    assert.deepEqual(summary(await diagnose(DEBIAN_PYTHON, [], specOnly, 'workstation')), [], `specOnly ${specOnly}`);
    const findings = await diagnose(DEBIAN_PYTHON, [], specOnly, 'localhost');
    assert.deepEqual(
      summary(findings),
      [
        `warning ros-start-deps-missing rospy: rospy.init_node fails in ${DEBIAN_PYTHON} on this machine (host name localhost), ` +
          'because netifaces is missing. Install python3-netifaces with apt, or set ROS_IP or ROS_HOSTNAME',
      ],
      `specOnly ${specOnly}`,
    );
  }
});
