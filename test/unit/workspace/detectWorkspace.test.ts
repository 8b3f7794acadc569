import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { detectWorkspace, detectWorkspaceDetailed, findWorkspaceRoot } from '../../../src/core/workspace/detectWorkspace';
import type { PythonSource, Workspace } from '../../../src/core/workspace/workspace';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const fixtures = fileURLToPath(new URL('../../fixtures/workspaces/', import.meta.url));
const example = fileURLToPath(new URL('../../../examples/catkin_ws', import.meta.url));
const mount = (name: string): MemoryFileSystem => MemoryFileSystem.fromDirectory(`${fixtures}${name}`, `/home/dev/${name}`);

const sourceAt = (workspace: Workspace, suffix: string): PythonSource => {
  const found = workspace.pythonSources.find((source) => source.path.endsWith(suffix));
  assert.ok(found, `no Python source ending in ${suffix}; have ${workspace.pythonSources.map((s) => s.path).join(', ')}`);
  return found;
};

test('the bundled example is a catkin_make workspace with its nodes, library module and package', async () => {
  const fs = MemoryFileSystem.fromDirectory(example, '/ws');
  const workspace = await detectWorkspace(fs, '/ws/src/perception_demo/scripts/detector_node.py');
  assert.ok(workspace);
  assert.equal(workspace.root, '/ws');
  assert.equal(workspace.kind, 'catkin_make');
  assert.deepEqual(
    workspace.packages.map((p) => [p.name, p.format, p.buildType, p.pythonModules]),
    [['perception_demo', 2, 'catkin', ['perception_demo']]],
  );
  assert.deepEqual(
    workspace.packages[0]?.dependencies.filter((d) => d.kind === 'depend').map((d) => d.name),
    ['rospy', 'std_msgs', 'sensor_msgs', 'cv_bridge'],
  );
  const detector = sourceAt(workspace, 'scripts/detector_node.py');
  assert.equal(detector.role, 'node');
  assert.deepEqual([...detector.evidence].sort(), ['catkin_install_python', 'scripts-dir']);
  assert.equal(sourceAt(workspace, 'scripts/talker.py').role, 'node');
  assert.deepEqual(sourceAt(workspace, 'src/perception_demo/model.py'), {
    path: '/ws/src/perception_demo/src/perception_demo/model.py',
    packageName: 'perception_demo',
    role: 'module',
    evidence: ['package-module'],
  });
  assert.equal(workspace.pythonSources.length, 4);
  assert.deepEqual(workspace.setupScripts, []);
  assert.deepEqual(workspace.relays, []);
});

test('the example is found from its root folder too, and nothing is read twice', async () => {
  const fs = MemoryFileSystem.fromDirectory(example, '/ws');
  const detection = await detectWorkspaceDetailed(fs, '/ws');
  assert.equal(detection.workspace?.kind, 'catkin_make');
  assert.deepEqual(
    [...fs.reads.entries()].filter(([, count]) => count > 1),
    [],
  );
  assert.deepEqual(
    [...fs.dirReads.entries()].filter(([, count]) => count > 1),
    [],
  );
  assert.deepEqual(
    [...fs.reads.keys()].filter((file) => file.endsWith('.py')),
    ['/ws/src/perception_demo/setup.py'],
    'Python sources are left for the scanner to read',
  );
  assert.deepEqual([...detection.texts.keys()], []);
});

test('a workspace file that is read is not stat-ed first; one the reader refuses is stat-ed to say why', async () => {
  const fs = MemoryFileSystem.fromDirectory(example, '/ws');
  const big = '/ws/src/big_pkg';
  const huge = `<package format="2"><name>big_pkg</name><description>${'x'.repeat(1024 * 1024)}</description></package>`;
  fs.file(`${big}/package.xml`, huge);
  const detection = await detectWorkspaceDetailed(fs, '/ws');
  const manifest = '/ws/src/perception_demo/package.xml';
  assert.equal(fs.reads.get(manifest), 1);
  assert.equal(fs.reads.get('/ws/src/perception_demo/CMakeLists.txt'), 1);
  assert.deepEqual(
    ['package.xml', 'CMakeLists.txt', 'setup.py'].map((name) => fs.stats.get(`/ws/src/perception_demo/${name}`) ?? 0),
    [0, 0, 0],
  );
  assert.deepEqual(
    detection.problems.filter((problem) => problem.kind === 'file-too-large'),
    [{ kind: 'file-too-large', path: `${big}/package.xml`, size: huge.length, limit: 1024 * 1024 }],
  );
  assert.deepEqual(
    detection.workspace?.packages.map((pkg) => pkg.name),
    ['perception_demo'],
  );
});

test('a catkin_tools workspace: marker, format 3 manifest, nodes without .py, CMake programs, relays, ignored packages', async () => {
  const fs = mount('catkin_tools_ws');
  const detection = await detectWorkspaceDetailed(fs, '/home/dev/catkin_tools_ws/src/nav_tools/src/nav_tools/planning/astar.py');
  const workspace = detection.workspace;
  assert.ok(workspace);
  assert.equal(workspace.kind, 'catkin_tools');
  assert.equal(detection.root?.marker, '.catkin_tools/');
  assert.deepEqual(
    workspace.packages.map((p) => p.name),
    ['nav_tools'],
  );
  const nav = workspace.packages[0];
  assert.equal(nav?.format, 3);
  assert.deepEqual(nav?.pythonModules, ['nav_tools']);
  assert.deepEqual(
    nav?.dependencies.map((d) => `${d.kind}:${d.name}`),
    [
      'buildtool_depend:catkin',
      'depend:rospy',
      'exec_depend:python-numpy',
      'exec_depend:python3-numpy',
      'test_depend:rostest',
      'doc_depend:rosdoc_lite',
    ].sort((a, b) => order(a) - order(b)),
  );

  const planner = sourceAt(workspace, 'nodes/planner');
  assert.equal(planner.role, 'node');
  assert.deepEqual([...planner.evidence].sort(), ['catkin_install_python', 'nodes-dir', 'shebang']);
  assert.deepEqual([...sourceAt(workspace, 'scripts/replay.py').evidence].sort(), ['catkin_install_python', 'scripts-dir']);
  assert.deepEqual(
    [...detection.texts.keys()],
    ['/home/dev/catkin_tools_ws/src/nav_tools/nodes/planner'],
    'only a file without .py is read, to see its shebang',
  );
  const util = sourceAt(workspace, 'scripts/util.py');
  assert.equal(util.role, 'module');
  assert.deepEqual(util.evidence, ['scripts-dir']);
  assert.equal(sourceAt(workspace, 'planning/astar.py').role, 'module');
  const paths = workspace.pythonSources.map((s) => s.path);
  assert.ok(!paths.some((p) => p.endsWith('record.sh') || p.endsWith('launcher') || p.endsWith('NOTES.txt')), paths.join(', '));
  assert.ok(!paths.some((p) => p.includes('generated_by_variable')));

  assert.deepEqual(workspace.relays, [
    {
      packageName: 'nav_tools',
      path: '/home/dev/catkin_tools_ws/devel/lib/nav_tools/planner',
      target: '/home/dev/catkin_tools_ws/src/nav_tools/nodes/planner',
    },
  ]);
  assert.deepEqual(workspace.setupScripts, [{ path: '/home/dev/catkin_tools_ws/devel/setup.bash', kind: 'devel' }]);
});

const KIND_ORDER = [
  'depend',
  'build_depend',
  'buildtool_depend',
  'build_export_depend',
  'exec_depend',
  'run_depend',
  'test_depend',
  'doc_depend',
];
function order(entry: string): number {
  return KIND_ORDER.indexOf(entry.split(':')[0] ?? '');
}

test('a built colcon workspace with an ament_python package: rclpy nodes from setup.py entry points', async () => {
  const fs = mount('colcon_ws');
  const detection = await detectWorkspaceDetailed(fs, '/home/dev/colcon_ws/src/py_pubsub/py_pubsub/publisher_member_function.py');
  const workspace = detection.workspace;
  assert.ok(workspace);
  assert.equal(workspace.kind, 'colcon');
  assert.equal(detection.root?.marker, 'install/.colcon_install_layout');
  assert.deepEqual(
    workspace.packages.map((p) => [p.name, p.buildType]),
    [
      ['cpp_pkg', 'ament_cmake'],
      ['py_pubsub', 'ament_python'],
    ],
  );
  assert.deepEqual(workspace.packages.find((p) => p.name === 'py_pubsub')?.pythonModules, ['py_pubsub']);
  assert.deepEqual(workspace.packages.find((p) => p.name === 'cpp_pkg')?.pythonModules, []);
  const talker = sourceAt(workspace, 'py_pubsub/publisher_member_function.py');
  assert.equal(talker.role, 'node');
  assert.deepEqual([...talker.evidence].sort(), ['entry-point', 'package-module']);
  assert.equal(sourceAt(workspace, 'py_pubsub/subscriber_member_function.py').role, 'node');
  assert.equal(sourceAt(workspace, 'py_pubsub/__init__.py').role, 'module');
  assert.ok(!workspace.pythonSources.some((s) => s.path.includes('/test/')), 'find_packages(exclude=[test]) leaves tests out');
  assert.deepEqual(workspace.setupScripts, [{ path: '/home/dev/colcon_ws/install/setup.bash', kind: 'install' }]);
  assert.deepEqual(workspace.relays, []);
});

test('a colcon workspace that was never built is recognised from its ament packages', async () => {
  const fs = mount('colcon_unbuilt_ws');
  const root = await findWorkspaceRoot(fs, '/home/dev/colcon_unbuilt_ws/src/py_pubsub/py_pubsub/__init__.py');
  assert.deepEqual(root, { root: '/home/dev/colcon_unbuilt_ws', kind: 'colcon', marker: 'src/ holds ament packages' });
  assert.equal((await detectWorkspace(fs, '/home/dev/colcon_unbuilt_ws'))?.kind, 'colcon');
});

test('nested layouts: metapackages, packages in plain folders; hidden, node_modules and packages inside packages skipped', async () => {
  const fs = mount('nested_ws');
  const detection = await detectWorkspaceDetailed(fs, '/home/dev/nested_ws/src/robot_stack/robot_driver/scripts/driver_node');
  const workspace = detection.workspace;
  assert.ok(workspace);
  assert.equal(workspace.root, '/home/dev/nested_ws');
  assert.equal(workspace.kind, 'catkin_make');
  assert.equal(detection.root?.marker, "src/CMakeLists.txt is catkin's toplevel.cmake");
  assert.deepEqual(
    workspace.packages.map((p) => p.name),
    ['robot_vision', 'robot_driver', 'robot_stack'],
  );
  assert.deepEqual(workspace.packages.find((p) => p.name === 'robot_vision')?.pythonModules, ['robot_vision']);
  assert.deepEqual([...sourceAt(workspace, 'scripts/driver_node').evidence].sort(), ['scripts-dir', 'shebang']);
  assert.equal(sourceAt(workspace, 'src/robot_vision/__init__.py').packageName, 'robot_vision');
  assert.deepEqual(detection.problems, []);
});

test('a package folder alone is not a workspace: detection walks up past it', async () => {
  const fs = mount('nested_ws');
  const root = await findWorkspaceRoot(fs, '/home/dev/nested_ws/src/group/deeper/robot_vision');
  assert.equal(root?.root, '/home/dev/nested_ws');
});

test('a loose folder of scripts is no workspace', async () => {
  const fs = mount('loose_folder');
  assert.equal(await detectWorkspace(fs, '/home/dev/loose_folder/tools/plot.py'), null);
  assert.equal(await detectWorkspace(fs, '/home/dev/loose_folder'), null);
  assert.equal(await detectWorkspace(fs, '/does/not/exist'), null);
});

test('a malformed package.xml skips that package and says why; the rest is still detected', async () => {
  const fs = mount('malformed_ws');
  const detection = await detectWorkspaceDetailed(fs, '/home/dev/malformed_ws');
  assert.deepEqual(
    detection.workspace?.packages.map((p) => p.name),
    ['good_pkg'],
  );
  assert.deepEqual(
    detection.problems.map((p) => [p.kind, p.kind === 'invalid-manifest' ? p.path : '']),
    [
      ['invalid-manifest', '/home/dev/malformed_ws/src/broken_pkg/package.xml'],
      ['invalid-manifest', '/home/dev/malformed_ws/src/nameless_pkg/package.xml'],
    ].sort(),
  );
  const reasons = detection.problems.map((p) => (p.kind === 'invalid-manifest' ? p.reason : ''));
  assert.ok(
    reasons.some((r) => /line \d+/.test(r)),
    reasons.join(' | '),
  );
  assert.ok(
    reasons.some((r) => r.includes('no <name>')),
    reasons.join(' | '),
  );
});

test('a catkin_make workspace after building: devel setup script and relays found from devel/.built_by', async () => {
  const fs = MemoryFileSystem.fromDirectory(example, '/ws');
  fs.addTree('/ws', {
    'devel/.built_by': 'catkin_make',
    'devel/setup.bash': '# generated from catkin/cmake/templates/setup.bash.in\n',
    'devel/setup.zsh': '',
    'devel/lib/perception_demo/talker.py': {
      executable:
        "#!/usr/bin/python3\n# generated from catkin/cmake/template/script.py.in\npython_script = '/ws/src/perception_demo/scripts/talker.py'\n",
    },
    'devel/lib/perception_demo/compiled_node': { executable: '\u007fELF binary' },
  });
  const workspace = await detectWorkspace(fs, '/ws/src');
  assert.deepEqual(workspace?.setupScripts, [{ path: '/ws/devel/setup.bash', kind: 'devel' }]);
  assert.deepEqual(workspace?.relays, [
    {
      packageName: 'perception_demo',
      path: '/ws/devel/lib/perception_demo/talker.py',
      target: '/ws/src/perception_demo/scripts/talker.py',
    },
  ]);
  assert.equal(fs.reads.get('/ws/devel/lib/perception_demo/compiled_node'), undefined, 'binaries are not read');

  const withoutMarker = MemoryFileSystem.fromTree('/w2', {
    'devel/.built_by': 'catkin_make',
    'src/pkg/package.xml': '<package format="2"><name>pkg</name></package>',
  });
  assert.deepEqual(await findWorkspaceRoot(withoutMarker, '/w2/src/pkg'), { root: '/w2', kind: 'catkin_make', marker: 'devel/.built_by' });
});

test('a package linked into src/ is followed, and a link loop does not hang detection', async () => {
  const fs = MemoryFileSystem.fromTree('/ws', {
    '.catkin_workspace': '# marker\n',
    'src/linked': { link: '/elsewhere/real_pkg' },
    'src/loop': { link: '/ws/src' },
  });
  fs.addTree('/elsewhere/real_pkg', {
    'package.xml': '<package format="2"><name>real_pkg</name></package>',
    'scripts/go.py': '#!/usr/bin/env python3\n',
  });
  const workspace = await detectWorkspace(fs, '/ws');
  assert.deepEqual(
    workspace?.packages.map((p) => [p.name, p.path]),
    [['real_pkg', '/ws/src/linked']],
  );
  assert.deepEqual(
    workspace?.pythonSources.map((s) => s.path),
    ['/ws/src/linked/scripts/go.py'],
  );
});
