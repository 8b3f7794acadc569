// What the launch-path model reads from a workspace's files: the texts below are what Debian's colcon 0.12.1 and
// catkin wrote on this machine (trimmed), not invented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cmakeCachePython, colconBuildArgsIn, colconPythonIn } from '../../../src/core/launch/buildInterpreter';
import { declarationRange, entryPointDistribution, scriptDirsSet } from '../../../src/core/launch/colconEntryPoints';
import { filesRunBy } from '../../../src/core/launch/filesRun';
import { collectLaunchPaths } from '../../../src/core/launch/collectLaunchPaths';
import { detectWorkspace } from '../../../src/core/workspace/detectWorkspace';
import { createSourceScanner } from '../../../src/core/engine/scanSources';
import { MemoryFileSystem } from '../../support/memoryFileSystem';
import { setupCfg, setupPy, packageXml, ENTRY_POINT_LINE } from '../../support/colconWorkspace';

const LOCAL_SETUP_SH = `# generated from colcon_core/shell/template/prefix.sh.em
if [ -n "$COLCON_PYTHON_EXECUTABLE" ]; then
  if [ ! -f "$COLCON_PYTHON_EXECUTABLE" ]; then
    echo "error: COLCON_PYTHON_EXECUTABLE '$COLCON_PYTHON_EXECUTABLE' doesn't exist"
    return 1
  fi
  _colcon_python_executable="$COLCON_PYTHON_EXECUTABLE"
else
  # try the Python executable known at configure time
  _colcon_python_executable="/tmp/ws/venv/bin/python"
  # if it doesn't exist try a fall back
  if [ ! -f "$_colcon_python_executable" ]; then
`;

test('reads the Python colcon recorded in install/local_setup.sh, not the COLCON_PYTHON_EXECUTABLE override', () => {
  assert.equal(colconPythonIn(LOCAL_SETUP_SH), '/tmp/ws/venv/bin/python');
  assert.equal(colconPythonIn('echo nothing here\n'), null);
});

test("reads catkin's PYTHON_EXECUTABLE from a CMake cache, and ignores a NOTFOUND", () => {
  assert.equal(cmakeCachePython('//Path to a program.\nPYTHON_EXECUTABLE:FILEPATH=/usr/bin/python3\n'), '/usr/bin/python3');
  assert.equal(cmakeCachePython('PYTHON_EXECUTABLE:FILEPATH=PYTHON_EXECUTABLE-NOTFOUND\n'), null);
});

test("keeps the flags of colcon's last build (from its log) so a rebuild keeps them", () => {
  const log =
    "[0.184s] DEBUG:colcon:Command line arguments: ['/usr/bin/colcon', 'build', '--symlink-install', '--packages-select', 'my pkg']\n";
  assert.deepEqual(colconBuildArgsIn(log), ['--symlink-install', '--packages-select', 'my pkg']);
  assert.deepEqual(
    colconBuildArgsIn("[0.2s] DEBUG:colcon:Command line arguments: ['/v/lib/python3.11/site-packages/colcon_core/__main__.py', 'build']\n"),
    [],
  );
  assert.equal(colconBuildArgsIn('no command line\n'), null);
});

test('finds the console_scripts line of an entry point in setup.py and in setup.cfg', () => {
  const py = setupPy('demo_py', [{ exe: 'detector', module: 'detector_node', text: '' }]);
  const range = declarationRange('/ws/src/demo_py/setup.py', py, { name: 'detector', module: 'demo_py.detector_node' });
  assert.equal(range?.line, ENTRY_POINT_LINE);
  assert.equal(py.split('\n')[ENTRY_POINT_LINE - 1]?.slice(range?.column, range?.endColumn), 'detector = demo_py.detector_node:main');
  const cfg = '[options.entry_points]\nconsole_scripts =\n    talker = demo_py.talker:main\n';
  assert.equal(declarationRange('/x/setup.cfg', cfg, { name: 'talker', module: 'demo_py.talker' })?.line, 3);
});

test('tells a setup.cfg that sends scripts to lib/<pkg> (as ros2 run needs) from one that does not', () => {
  assert.equal(scriptDirsSet(setupCfg('demo_py'), 'demo_py'), true);
  assert.equal(scriptDirsSet('[develop]\nscript-dir=$base/lib/demo_py\n[install]\ninstall-scripts=$base/lib/demo_py\n', 'demo_py'), true);
  assert.equal(scriptDirsSet('[develop]\nscript_dir=$base/lib/demo_py\n', 'demo_py'), false);
  assert.equal(scriptDirsSet(undefined, 'demo_py'), false);
});

test('a colcon workspace: ros2 run runs the built entry point with its shebang, mapped to the source module, and that module follows its workspace imports', async () => {
  const fs = MemoryFileSystem.fromTree('/ws', {
    'src/demo_py/package.xml': packageXml('demo_py'),
    'src/demo_py/setup.py': setupPy('demo_py', [{ exe: 'detector', module: 'detector_node', text: '' }]),
    'src/demo_py/setup.cfg': setupCfg('demo_py'),
    'src/demo_py/resource/demo_py': '',
    'src/demo_py/demo_py/__init__.py': '',
    'src/demo_py/demo_py/detector_node.py': 'import yaml\nfrom demo_py.model import load\n',
    'src/demo_py/demo_py/model.py': 'import torch\n',
    'install/.colcon_install_layout': 'isolated\n',
    'install/setup.bash': '',
    'install/local_setup.sh': LOCAL_SETUP_SH,
    'install/demo_py/lib/demo_py/detector': {
      executable: "#!/usr/bin/python3\n# EASY-INSTALL-ENTRY-SCRIPT: 'demo-py==0.1.0','console_scripts','detector'\n",
    },
    'usr/bin/python3': { executable: '' },
  });
  const workspace = await detectWorkspace(fs, '/ws');
  assert.ok(workspace);
  const sources = await createSourceScanner(fs).scan(
    workspace.pythonSources.map((s) => s.path),
    workspace,
    new Map(),
  );
  const model = await collectLaunchPaths(fs, workspace, sources, ['/usr/bin']);
  const run = model.paths.find((p) => p.kind === 'ros2-run');
  assert.deepEqual(run && { file: run.file, command: run.command, script: run.script, runner: run.runner, line: run.declaredAt?.line }, {
    file: '/ws/src/demo_py/demo_py/detector_node.py',
    command: 'ros2 run demo_py detector',
    script: '/ws/install/demo_py/lib/demo_py/detector',
    runner: { kind: 'missing', wanted: '/usr/bin/python3', reason: 'no-such-file' },
    line: ENTRY_POINT_LINE,
  });
  assert.deepEqual(model.buildInterpreters, [
    { tool: 'colcon', path: '/tmp/ws/venv/bin/python', recordedIn: '/ws/install/local_setup.sh', exists: false },
  ]);
  assert.deepEqual(filesRunBy('/ws/src/demo_py/demo_py/detector_node.py', sources).sort(), [
    '/ws/src/demo_py/demo_py/detector_node.py',
    '/ws/src/demo_py/demo_py/model.py',
  ]);
});

test("reads the distribution a setuptools entry point looks up from its header, with and without a version; none for pip's launcher", () => {
  const built = "#!/usr/bin/python3\n# EASY-INSTALL-ENTRY-SCRIPT: 'demo-py==0.1.0','console_scripts','node'\nimport re\n";
  assert.equal(entryPointDistribution(built), 'demo-py');
  const symlinked = "#!/usr/bin/python3\n# EASY-INSTALL-ENTRY-SCRIPT: 'demo-py','console_scripts','node'\n";
  assert.equal(entryPointDistribution(symlinked), 'demo-py');
  const pip = '#!/usr/bin/python3\nimport sys\nfrom demo_py.node import main\nif __name__ == "__main__":\n    sys.exit(main())\n';
  assert.equal(entryPointDistribution(pip), null);
});
