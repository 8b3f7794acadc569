// Native-library conflicts built with gcc on this machine (real conda cannot be installed here, so these are
// LABELLED STAND-INS for what conda/pixi and unsourced workspaces do to the dynamic loader):
// - an older libstdc++.so.6 (a stub whose version script stops at GLIBCXX_3.4.20) in a conda-style env's lib/,
//   first on LD_LIBRARY_PATH, against a real C++ extension that needs GLIBCXX_3.4.21 (std::string, C++11 ABI);
// - a tiny C extension linked against libhello.so that sits in a private lib/ folder not on LD_LIBRARY_PATH.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function includeDir(python: string): string {
  return execFileSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["include"])'], { encoding: 'utf8' }).trim();
}

function extSuffix(python: string): string {
  return execFileSync(python, ['-c', 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))'], { encoding: 'utf8' }).trim();
}

/** The newest GLIBCXX_3.4.N the stub defines; the extension below needs GLIBCXX_3.4.21. */
export const STUB_GLIBCXX_LAST = 20;

export interface GlibcxxCase {
  /** Folder to put on PYTHONPATH: holds glibcxx_ext<EXT_SUFFIX>. */
  readonly extensionDir: string;
  readonly extension: string;
  /** The conda-style env whose lib/ holds the stub libstdc++.so.6 (put it on LD_LIBRARY_PATH to break the import). */
  readonly envLib: string;
  readonly stub: string;
}

export function glibcxxCase(root: string, python: string): GlibcxxCase {
  const src = join(root, 'src');
  const extensionDir = join(root, 'site');
  const envLib = join(root, 'old-conda-env', 'lib');
  for (const dir of [src, extensionDir, envLib, join(root, 'old-conda-env', 'conda-meta')]) mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(root, 'old-conda-env', 'conda-meta', 'history'),
    '==> 2021-05-01 10:00:00 <==\n+conda-forge/linux-64::libstdcxx-ng-9.3.0-h6de172a_19\n',
  );
  writeFileSync(
    join(src, 'glibcxx_ext.cpp'),
    [
      '#include <Python.h>',
      '#include <string>',
      'static PyObject* greet(PyObject*, PyObject*) { std::string s("hello"); s += " from C++"; return PyUnicode_FromString(s.c_str()); }',
      'static PyMethodDef methods[] = {{"greet", greet, METH_NOARGS, ""}, {nullptr, nullptr, 0, nullptr}};',
      'static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "glibcxx_ext", nullptr, -1, methods};',
      'PyMODINIT_FUNC PyInit_glibcxx_ext(void) { return PyModule_Create(&module); }',
      '',
    ].join('\n'),
  );
  const extension = join(extensionDir, `glibcxx_ext${extSuffix(python)}`);
  execFileSync('g++', [
    '-shared',
    '-fPIC',
    '-O0',
    '-D_GLIBCXX_USE_CXX11_ABI=1',
    `-I${includeDir(python)}`,
    join(src, 'glibcxx_ext.cpp'),
    '-o',
    extension,
  ]);
  // The stub: version nodes GLIBCXX_3.4 … GLIBCXX_3.4.20 and CXXABI_1.3.x, one dummy symbol each, SONAME libstdc++.so.6.
  // CXXABI_1.3 … 1.3.15 are all there, so the first version the loader misses is GLIBCXX_3.4.21.
  const glibcxx = Array.from({ length: STUB_GLIBCXX_LAST + 1 }, (_, n) => (n === 0 ? 'GLIBCXX_3.4' : `GLIBCXX_3.4.${n}`));
  const cxxabi = Array.from({ length: 16 }, (_, n) => (n === 0 ? 'CXXABI_1.3' : `CXXABI_1.3.${n}`));
  const nodes = [...glibcxx, ...cxxabi];
  writeFileSync(join(src, 'stub.c'), nodes.map((_, n) => `int stub_glibcxx_${n}(void) { return ${n}; }`).join('\n') + '\n');
  writeFileSync(
    join(src, 'stub.map'),
    nodes
      .map(
        (node, n) =>
          `${node} { global: stub_glibcxx_${n};${n === 0 ? ' local: *;' : ''} }${n === 0 || n === glibcxx.length ? '' : ` ${nodes[n - 1]}`};`,
      )
      .join('\n') + '\n',
  );
  const stub = join(envLib, 'libstdc++.so.6');
  execFileSync('gcc', [
    '-shared',
    '-fPIC',
    `-Wl,--version-script=${join(src, 'stub.map')}`,
    '-Wl,-soname,libstdc++.so.6',
    join(src, 'stub.c'),
    '-o',
    stub,
  ]);
  return { extensionDir, extension, envLib, stub };
}

export interface MissingLibraryCase {
  readonly extensionDir: string;
  readonly extension: string;
  /** The private folder that holds libhello.so (not on LD_LIBRARY_PATH). */
  readonly libDir: string;
}

/** A colcon-like install tree: install/hello/lib/libhello.so and the extension in install/hello/lib/python3.X/site-packages. */
export function missingLibraryCase(root: string, python: string): MissingLibraryCase {
  const src = join(root, 'src');
  const minor = execFileSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).trim();
  const libDir = join(root, 'install', 'hello', 'lib');
  const extensionDir = join(libDir, `python${minor}`, 'site-packages');
  for (const dir of [src, extensionDir]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(src, 'hello.c'), 'int hello_answer(void) { return 42; }\n');
  execFileSync('gcc', ['-shared', '-fPIC', '-Wl,-soname,libhello.so', join(src, 'hello.c'), '-o', join(libDir, 'libhello.so')]);
  writeFileSync(
    join(src, 'hello_ext.c'),
    [
      '#include <Python.h>',
      'int hello_answer(void);',
      'static PyObject* answer(PyObject* self, PyObject* args) { return PyLong_FromLong(hello_answer()); }',
      'static PyMethodDef methods[] = {{"answer", answer, METH_NOARGS, ""}, {NULL, NULL, 0, NULL}};',
      'static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "hello_ext", NULL, -1, methods};',
      'PyMODINIT_FUNC PyInit_hello_ext(void) { return PyModule_Create(&module); }',
      '',
    ].join('\n'),
  );
  const extension = join(extensionDir, `hello_ext${extSuffix(python)}`);
  execFileSync('gcc', ['-shared', '-fPIC', `-I${includeDir(python)}`, join(src, 'hello_ext.c'), `-L${libDir}`, '-lhello', '-o', extension]);
  return { extensionDir, extension, libDir: dirname(join(libDir, 'libhello.so')) };
}
