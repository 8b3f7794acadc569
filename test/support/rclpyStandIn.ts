// A LABELLED STAND-IN for ROS 2's rclpy (which Debian 12 does not package): a package whose binding
// `_rclpy_pybind11` is a REAL C extension compiled by gcc against one pyenv Python's headers (so its file carries
// that Python's tag, e.g. cpython-312), loaded the way rclpy loads it, with rclpy's two real loader hints appended
// to the ImportError: "isn't present on the system" (no file for the running Python's EXT_SUFFIX) and "failed to be
// imported while being present on the system" (the file is there, its shared libraries did not load).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { debianPackage, type Prerequisite } from './prerequisites';

const run = promisify(execFile);

export const gcc: Prerequisite = debianPackage('/usr/bin/gcc', 'gcc');

const LOADER = `# STAND-IN for rclpy/impl/implementation_singleton.py (test/support/rclpyStandIn.ts): loads the C binding and
# explains a failure with the two hints rclpy's loader (rpyutils.import_c_library) appends.
import importlib
import os
import sysconfig


def _load():
    try:
        return importlib.import_module('._rclpy_pybind11', 'rclpy')
    except ImportError as e:
        if e.path is None:
            expected = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), '_rclpy_pybind11' + sysconfig.get_config_var('EXT_SUFFIX'))
            e.msg += "\\nThe C extension '%s' isn't present on the system. Please refer to 'https://index.ros.org/doc/ros2/Troubleshooting/Installation-Troubleshooting/#import-failing-without-library-present-on-the-system' for possible solutions" % expected
        elif os.path.isfile(e.path):
            e.msg += "\\nThe C extension '%s' failed to be imported while being present on the system. Please refer to 'https://index.ros.org/doc/ros2/Troubleshooting/Installation-Troubleshooting/#import-failing-even-with-library-present-on-the-system' for possible solutions" % e.path
        raise


rclpy_implementation = _load()
`;

const BINDING = `/* STAND-IN for rclpy's _rclpy_pybind11 (test/support/rclpyStandIn.ts). */
#include <Python.h>
#ifdef NEEDS_RCL
extern int rcl_standin_ok(void);
#endif
static struct PyModuleDef definition = {PyModuleDef_HEAD_INIT, "_rclpy_pybind11", "stand-in for rclpy's C binding", -1, NULL};
PyMODINIT_FUNC PyInit__rclpy_pybind11(void) {
#ifdef NEEDS_RCL
  if (!rcl_standin_ok()) return NULL;
#endif
  return PyModule_Create(&definition);
}
`;

export interface RclpyStandIn {
  /** The folder to put on PYTHONPATH (it holds rclpy/). */
  readonly sitePackages: string;
  /** The compiled binding, e.g. …/rclpy/_rclpy_pybind11.cpython-312-x86_64-linux-gnu.so. */
  readonly binding: string;
  /** The folder holding librcl_standin.so when the binding links against it (not on any search path). */
  readonly libraryDir: string | null;
  cleanup(): Promise<void>;
}

/**
 * Builds rclpy for `python` (a pyenv binary): its headers and EXT_SUFFIX decide the binding's file name.
 * `linkPrivateLibrary`: the binding needs librcl_standin.so from a folder no loader searches, so it fails to load.
 */
export async function buildRclpyStandIn(python: string, options: { readonly linkPrivateLibrary?: boolean } = {}): Promise<RclpyStandIn> {
  const root = await mkdtemp(path.join(tmpdir(), 'red-rclpy-standin-'));
  const sitePackages = path.join(root, 'site-packages');
  const pkg = path.join(sitePackages, 'rclpy');
  await mkdir(path.join(pkg, 'impl'), { recursive: true });
  await writeFile(
    path.join(pkg, '__init__.py'),
    '# STAND-IN for rclpy (test/support/rclpyStandIn.ts)\nfrom rclpy.impl.implementation_singleton import rclpy_implementation as _rclpy  # noqa: F401\n',
  );
  await writeFile(path.join(pkg, 'impl', '__init__.py'), '');
  await writeFile(path.join(pkg, 'impl', 'implementation_singleton.py'), LOADER);
  const { stdout } = await run(python, [
    '-c',
    'import sysconfig; print(sysconfig.get_paths()["include"]); print(sysconfig.get_config_var("EXT_SUFFIX"))',
  ]);
  const [include = '', suffix = ''] = stdout.trim().split('\n');
  const source = path.join(root, 'binding.c');
  await writeFile(source, BINDING);
  const binding = path.join(pkg, `_rclpy_pybind11${suffix}`);
  let libraryDir: string | null = null;
  const args = ['-shared', '-fPIC', `-I${include}`, source, '-o', binding];
  if (options.linkPrivateLibrary === true) {
    libraryDir = path.join(root, 'private-lib');
    await mkdir(libraryDir);
    const lib = path.join(root, 'rcl.c');
    await writeFile(lib, 'int rcl_standin_ok(void) { return 1; }\n');
    await run('gcc', ['-shared', '-fPIC', lib, '-o', path.join(libraryDir, 'librcl_standin.so')]);
    args.push('-DNEEDS_RCL', `-L${libraryDir}`, '-lrcl_standin');
  }
  await run('gcc', args);
  return { sitePackages, binding, libraryDir, cleanup: () => rm(root, { recursive: true, force: true }) };
}
