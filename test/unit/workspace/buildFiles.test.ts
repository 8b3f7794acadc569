import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCmakePythonFacts } from '../../../src/core/workspace/cmakeLists';
import { parseSetupCfg, parseSetupPy } from '../../../src/core/workspace/pythonPackaging';
import { relayTarget } from '../../../src/core/workspace/relays';

test('catkin_install_python programs are read across lines, with comments, quotes and the source-dir variable', () => {
  const facts = readCmakePythonFacts(`
cmake_minimum_required(VERSION 3.0.2)
project(demo)
# catkin_install_python(PROGRAMS scripts/in_comment.py DESTINATION x)
CATKIN_PYTHON_SETUP()
set(MORE scripts/c.py)
catkin_install_python(PROGRAMS scripts/a.py   # first
  "\${CMAKE_CURRENT_SOURCE_DIR}/nodes/b"
  \${MORE} \${PROJECT_NAME}/x.py
  DESTINATION \${CATKIN_PACKAGE_BIN_DESTINATION})
catkin_install_python(PROGRAMS ./scripts/a.py scripts/d.py
  DESTINATION \${CATKIN_PACKAGE_BIN_DESTINATION} OPTIONAL)
install(PROGRAMS scripts/not_python_install.sh DESTINATION bin)
`);
  assert.deepEqual(facts.installedPrograms, ['scripts/a.py', 'nodes/b', 'scripts/d.py']);
  assert.equal(facts.callsPythonSetup, true);
  assert.deepEqual(readCmakePythonFacts('project(x)\ncatkin_package()\n'), { installedPrograms: [], callsPythonSetup: false });
  assert.doesNotThrow(() => readCmakePythonFacts('catkin_install_python(PROGRAMS "unterminated'));
});

test('CMake arguments: quoted parts join their word, nested parentheses stay in it, comments and CRLF end it', () => {
  // Pinned when the argument reader went from copying character by character to slicing runs (same answers).
  const text =
    'catkin_install_python(PROGRAMS s/a"b c".py (x)y #c )\r\n  s/d.py\tDESTINATION x)\n' +
    `${'z'.repeat(200)}catkin_python_setup()\ncatkin_install_python(PROGRAMS "unterminated`;
  assert.deepEqual(readCmakePythonFacts(text), {
    installedPrograms: ['s/ab c.py', '(x)y', 's/d.py', 'unterminated'],
    callsPythonSetup: true,
  });
});

test('catkin-style setup.py: packages and package_dir', () => {
  const packaging = parseSetupPy(`from catkin_pkg.python_setup import generate_distutils_setup
d = generate_distutils_setup(
    packages=['perception_demo', 'perception_demo.sub'],  # the library
    package_dir={'': 'src'},
    scripts=['scripts/legacy_node'],
)
setup(**d)`);
  assert.deepEqual(packaging.packages, ['perception_demo', 'perception_demo.sub']);
  assert.deepEqual(packaging.packageDir, { '': 'src' });
  assert.deepEqual(packaging.scripts, ['scripts/legacy_node']);
});

test('ament_python setup.py: a package_name variable, find_packages with exclude, console_scripts', () => {
  const packaging = parseSetupPy(`from setuptools import find_packages, setup
package_name = 'py_pubsub'
setup(
    name=package_name,
    packages=[package_name],
    entry_points={
        'console_scripts': [
            'talker = py_pubsub.publisher_member_function:main',
            "listener=py_pubsub.sub:main",
        ],
        'other_group': ['x = y:z'],
    },
)`);
  assert.deepEqual(packaging.packages, ['py_pubsub']);
  assert.deepEqual(packaging.consoleScripts, [
    { name: 'talker', module: 'py_pubsub.publisher_member_function' },
    { name: 'listener', module: 'py_pubsub.sub' },
  ]);
  const found = parseSetupPy("setup(packages=find_packages(exclude=['test', 'tests.*']))");
  assert.equal(found.packages, 'find');
  assert.deepEqual(found.excluded, ['test', 'tests.*']);
});

test('setup.cfg: packages, package_dir and console_scripts', () => {
  const packaging = parseSetupCfg(`[metadata]
name = my_pkg
[options]
packages = find:
package_dir =
    =src
[options.packages.find]
exclude =
    test
[options.entry_points]
console_scripts =
    node_a = my_pkg.node_a:main
    node_b = my_pkg.nodes.b:main
[develop]
script_dir=$base/lib/my_pkg
`);
  assert.equal(packaging.packages, 'find');
  assert.deepEqual(packaging.packageDir, { '': 'src' });
  assert.deepEqual(packaging.excluded, ['test']);
  assert.deepEqual(
    packaging.consoleScripts.map((s) => s.module),
    ['my_pkg.node_a', 'my_pkg.nodes.b'],
  );
});

test('the relay catkin writes names its target; other files in devel/lib are not relays', () => {
  const relay =
    "#!/usr/bin/python3\n# generated from catkin/cmake/template/script.py.in\npython_script = '/ws/src/demo_pkg/scripts/node.py'\nwith open(python_script, 'r') as fh:\n    exec(fh.read())\n";
  assert.deepEqual(relayTarget(relay), { isRelay: true, target: '/ws/src/demo_pkg/scripts/node.py' });
  assert.deepEqual(
    relayTarget("#!/usr/bin/env python\n# generated from catkin/cmake/template/script.py.in\nexecfile('/old/ws/src/p/scripts/n')\n"),
    { isRelay: true, target: '/old/ws/src/p/scripts/n' },
  );
  assert.deepEqual(relayTarget('#!/usr/bin/env python3\nimport rospy\n'), { isRelay: false, target: null });
});
