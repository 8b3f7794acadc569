// Records what the real probe says about each SCENARIOS.md case into test/fixtures/probes/<scenario>.json,
// so rule tests can build their facts from real output. Run: node --import tsx scripts/recordProbeFixtures.ts [name…]
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { InterpreterKind, InterpreterRef } from '../src/core/interpreters/interpreter';
import type { InterpreterProbe } from '../src/core/probe/probeResult';
import { createEngine } from '../src/node/engine';
import { DEBIAN_DIST_PACKAGES, DEBIAN_PYTHON, pyenvPython } from '../test/support/prerequisites';
import {
  baseEnv,
  condaStyleEnv,
  hangingSitecustomize,
  healthySystem,
  hostileInterpreters,
  isolatedVenv,
  rosPrefix,
  systemSiteVenv,
  withPythonPath,
} from '../test/support/scenarios';

const MODULES = ['rospy', 'roslib', 'rospkg', 'catkin_pkg', 'cv_bridge', 'cv2', 'torch', 'numpy', 'yaml', 'netifaces', 'em', 'Torch'];
const OUT_DIR = resolve(__dirname, '..', 'test', 'fixtures', 'probes');

interface Recording {
  readonly name: string;
  readonly description: string;
  readonly python: string;
  readonly kind: InterpreterKind;
  readonly envPrefix: string | null;
  readonly env: Readonly<Record<string, string>>;
  readonly environment: 'sourced' | 'plain';
  readonly timeoutMs?: number;
  readonly cleanup: () => Promise<void>;
}

function ref(recording: Recording): InterpreterRef {
  let realPath = recording.python;
  try {
    realPath = realpathSync(recording.python);
  } catch {
    // Hostile interpreters (a dangling link) have no real path; the probe reports that.
  }
  return {
    path: recording.python,
    realPath,
    kind: recording.kind,
    source: 'selected',
    envPrefix: recording.envPrefix,
    displayName: recording.name,
  };
}

async function recordings(): Promise<Recording[]> {
  const none = async (): Promise<void> => {};
  const list: Recording[] = [];
  const healthy = await healthySystem();
  list.push({
    name: 'healthy-system',
    description: 'Debian /usr/bin/python3 with the ROS stack, torch, OpenCV',
    python: healthy.python,
    kind: 'system',
    envPrefix: null,
    env: healthy.env,
    environment: 'plain',
    cleanup: healthy.cleanup,
  });
  const ros = await rosPrefix();
  list.push({
    name: 'healthy-system-sourced',
    description: 'Debian /usr/bin/python3 with a /opt/ros/noetic-like setup.bash sourced (only ROS-owned packages on PYTHONPATH)',
    python: DEBIAN_PYTHON,
    kind: 'system',
    envPrefix: null,
    env: baseEnv(ros.vars),
    environment: 'sourced',
    cleanup: none,
  });
  const venv = await systemSiteVenv();
  list.push({
    name: 'system-site-venv',
    description: 'venv from /usr/bin/python3 with --system-site-packages',
    python: venv.python,
    kind: 'venv',
    envPrefix: venv.venv,
    env: venv.env,
    environment: 'plain',
    cleanup: venv.cleanup,
  });
  if (pyenvPython('3.11') !== undefined) {
    const isolated = await isolatedVenv('3.11');
    list.push({
      name: 'isolated-venv',
      description: 'venv from pyenv 3.11.7: nothing of ROS installed',
      python: isolated.python,
      kind: 'venv',
      envPrefix: isolated.venv,
      env: isolated.env,
      environment: 'plain',
      cleanup: isolated.cleanup,
    });
    const conda = await condaStyleEnv({ pythonPath: [ros.distPackages] });
    list.push({
      name: 'conda-ros-prefix',
      description: 'conda-style env (pyenv 3.11.7) with the ROS prefix dist-packages on PYTHONPATH',
      python: conda.python,
      kind: 'conda',
      envPrefix: conda.prefix,
      env: conda.env,
      environment: 'sourced',
      cleanup: conda.cleanup,
    });
  }
  for (const [version, name] of [
    ['2.7', 'py27-debian-dist-packages'],
    ['3.12', 'py312-debian-dist-packages'],
    ['3.8', 'py38-debian-dist-packages'],
  ] as const) {
    const python = pyenvPython(version);
    if (python === undefined) continue;
    const scenario = await withPythonPath(python, [DEBIAN_DIST_PACKAGES], name);
    list.push({
      name,
      description: `pyenv ${version} with PYTHONPATH=${DEBIAN_DIST_PACKAGES}`,
      python,
      kind: 'pyenv',
      envPrefix: null,
      env: scenario.env,
      environment: 'sourced',
      cleanup: scenario.cleanup,
    });
  }
  const hang = await hangingSitecustomize();
  list.push({
    name: 'hanging-sitecustomize',
    description: 'a sitecustomize.py on PYTHONPATH that sleeps forever',
    python: DEBIAN_PYTHON,
    kind: 'system',
    envPrefix: null,
    env: baseEnv({ PYTHONPATH: hang.dir }),
    environment: 'sourced',
    timeoutMs: 2000,
    cleanup: hang.cleanup,
  });
  const hostile = await hostileInterpreters();
  const hostileCases = [
    ['not-executable', hostile.textNoExec, 'a text file without the run bit'],
    ['directory', hostile.directory, 'a directory'],
    ['dangling-link', hostile.danglingLink, 'a symlink to nothing'],
    ['truncated-elf', hostile.truncatedElf, 'the first 100 bytes of /usr/bin/python3.11'],
    ['fake-version', hostile.fakeVersion, 'a shell script printing "Python 3.11.2" for any argument'],
    ['bad-shebang', hostile.badShebang, 'a script whose #! line names nothing'],
    ['exits-127', hostile.exits127, 'a script exiting 127 like a shell that cannot find python'],
  ] as const;
  for (const [name, python, description] of hostileCases) {
    list.push({
      name: `hostile-${name}`,
      description,
      python,
      kind: 'other',
      envPrefix: null,
      env: baseEnv(),
      environment: 'plain',
      cleanup: none,
    });
  }
  list.push({
    name: 'hostile-cleanup',
    description: '',
    python: '',
    kind: 'other',
    envPrefix: null,
    env: {},
    environment: 'plain',
    cleanup: async () => {
      await hostile.cleanup();
      await ros.cleanup();
    },
  });
  if (existsSync('/usr/bin/jython')) {
    list.push({
      name: 'jython',
      description: 'Debian Jython 2.7',
      python: '/usr/bin/jython',
      kind: 'system',
      envPrefix: null,
      env: baseEnv(),
      environment: 'plain',
      timeoutMs: 60000,
      cleanup: none,
    });
  }
  return list;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const engine = createEngine({ concurrency: 2 });
  await mkdir(OUT_DIR, { recursive: true });
  for (const recording of await recordings()) {
    try {
      if (recording.python === '' || (only.length > 0 && !only.includes(recording.name))) continue;
      const probe: InterpreterProbe = await engine.prober.probe({
        interpreter: ref(recording),
        modules: MODULES,
        env: recording.env,
        environment: recording.environment,
        timeoutMs: recording.timeoutMs ?? 20000,
      });
      const fixture = { scenario: recording.name, description: recording.description, modules: MODULES, env: recording.env, probe };
      await writeFile(join(OUT_DIR, `${recording.name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
      const summary =
        probe.kind === 'ok'
          ? Object.entries(probe.imports)
              .map(([m, r]) => `${m}:${r.status}`)
              .join(' ')
          : `${probe.kind} ${probe.kind === 'invalid' ? probe.detail : ''}`;
      process.stdout.write(`${recording.name}: ${summary}\n`);
    } finally {
      await recording.cleanup();
    }
  }
}

void main();
