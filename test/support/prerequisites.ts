// Tests that need something from the machine (an apt package, a pyenv version) ask here.
// Under CI=true a missing prerequisite fails the test; elsewhere the test is skipped, loudly.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { TestContext } from 'node:test';

export const inCi = process.env.CI === 'true';

/** The first prerequisite that is missing, as a message saying how to get it; undefined when all are there. */
export type Prerequisite = () => string | undefined;

export function needs(t: TestContext, ...prerequisites: Prerequisite[]): boolean {
  for (const check of prerequisites) {
    const missing = check();
    if (missing === undefined) continue;
    if (inCi) throw new Error(`missing prerequisite under CI=true: ${missing}`);
    process.stderr.write(`\n  SKIPPED ${t.name}: ${missing}\n`);
    t.skip(missing);
    return false;
  }
  return true;
}

export const file =
  (path: string, howToGet: string): Prerequisite =>
  () =>
    existsSync(path) ? undefined : `${path} is missing (${howToGet})`;

export const debianPackage = (path: string, pkg: string): Prerequisite => file(path, `apt-get install ${pkg}`);

let pyenvRootCache: string | null | undefined;
export function pyenvRoot(): string | null {
  if (pyenvRootCache !== undefined) return pyenvRootCache;
  try {
    pyenvRootCache = execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
  } catch {
    pyenvRootCache = process.env.PYENV_ROOT ?? (existsSync(`${process.env.HOME}/.pyenv`) ? `${process.env.HOME}/.pyenv` : null);
  }
  return pyenvRootCache;
}

/** The real binary of a pyenv version whose name starts with `prefix` ("2.7", "3.12"), or undefined. */
export function pyenvPython(prefix: string): string | undefined {
  const root = pyenvRoot();
  if (root === null) return undefined;
  try {
    const versions = execFileSync('ls', [`${root}/versions`], { encoding: 'utf8' })
      .split('\n')
      .filter((v) => v === prefix || v.startsWith(`${prefix}.`));
    const best = versions.sort().at(-1);
    if (best === undefined) return undefined;
    const major = prefix.split('.')[0];
    const binary = `${root}/versions/${best}/bin/python${major}`;
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

export const pyenvVersion =
  (prefix: string): Prerequisite =>
  () =>
    pyenvPython(prefix) === undefined ? `pyenv Python ${prefix} is missing (pyenv install ${prefix})` : undefined;

/** Debian's python3 with the ROS 1 Python stack, torch and OpenCV (see shared/SCENARIOS.md). */
export const DEBIAN_PYTHON = '/usr/bin/python3';
export const DEBIAN_DIST_PACKAGES = '/usr/lib/python3/dist-packages';
export const rosStack: Prerequisite[] = [
  debianPackage(`${DEBIAN_DIST_PACKAGES}/rospy/__init__.py`, 'python3-rospy'),
  debianPackage(`${DEBIAN_DIST_PACKAGES}/rospkg/__init__.py`, 'python3-rospkg'),
  debianPackage(`${DEBIAN_DIST_PACKAGES}/catkin_pkg/__init__.py`, 'python3-catkin-pkg'),
  debianPackage(`${DEBIAN_DIST_PACKAGES}/cv_bridge/__init__.py`, 'python3-cv-bridge'),
  debianPackage(`${DEBIAN_DIST_PACKAGES}/torch/__init__.py`, 'python3-torch'),
  debianPackage('/usr/bin/catkin_make', 'catkin'),
];
export const jython: Prerequisite = debianPackage('/usr/bin/jython', 'jython');
