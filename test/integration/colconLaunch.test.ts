// ROS 2 with REAL colcon builds: what `ros2 run` really runs (the built entry point's shebang, the Python that ran
// colcon), what really happens when it runs, and what the CLI's JSON says about it. Each fix offered is applied and
// the doctor run again: the finding must be gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needs, rosStack, DEBIAN_PYTHON } from '../support/prerequisites';
import {
  colconBuild,
  colconTools,
  ENTRY_POINT_LINE,
  installIntoVenv,
  makeVenv,
  runEntryPoint,
  SYSTEM_PATH,
  tempWorkspace,
  writeAmentPackage,
} from '../support/colconWorkspace';
import type { JsonFinding, JsonReport } from '../../src/cli/jsonOutput';
import type { FixSpec } from '../../src/core/findings/fixSpec';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const PKG = 'perception_demo';

/** The example: the node gets its ML package through a workspace module. */
const DETECTOR = [
  'import yaml',
  `from ${PKG}.model import load`,
  '',
  '',
  'def main():',
  '    print(yaml.safe_dump({"loaded": load()}))',
  '',
].join('\n');
const MODEL = ['import venv_only_ml', '', '', 'def load():', '    return venv_only_ml.VALUE', ''].join('\n');
const MODEL_IMPORT_LINE = 1;

let scratch = '';
/** A venv of Debian's python3 with --system-site-packages (so it imports colcon and yaml) plus a package of its own. */
let venv = '';
let venvPython = '';

before(async () => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
  scratch = await mkdtemp(join(tmpdir(), 'red-colcon-launch-'));
  if (!existsSync('/usr/bin/colcon')) return;
  venv = join(scratch, 'venv');
  venvPython = await makeVenv(venv, { systemSite: true });
  await installIntoVenv(venv, 'venv_only_ml');
});
after(() => rm(scratch, { recursive: true, force: true }));

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function env(extraPath: readonly string[] = []): Record<string, string> {
  return {
    PATH: [...extraPath, SYSTEM_PATH].join(':'),
    HOME: process.env.HOME ?? '/root',
    LANG: 'C.UTF-8',
    XDG_CACHE_HOME: join(scratch, 'cache'),
  };
}

function doctor(root: string, python: string, extraPath: readonly string[] = []): Promise<{ run: CliRun; report: JsonReport }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, root, '--python', python, '--format', 'json', '--no-cache'],
      { env: env(extraPath), timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        assert.notEqual(code, 2, `the CLI failed: ${stderr}`);
        resolve({ run: { code, stdout, stderr }, report: JSON.parse(stdout) as JsonReport });
      },
    );
  });
}

function summary(report: JsonReport): string {
  return report.findings.map((f) => `${f.code} ${f.severity} ${f.file ?? ''}:${f.line ?? ''} ${f.message}`).join('\n');
}

function only(report: JsonReport, code: string): JsonFinding[] {
  return report.findings.filter((finding) => finding.code === code);
}

/** Runs a fix's terminal lines as a user would paste them: one bash, in order, failing on the first error. */
async function applyTerminalFix(fix: FixSpec, extraPath: readonly string[] = []): Promise<void> {
  assert.equal(fix.kind, 'runInTerminal');
  if (fix.kind !== 'runInTerminal') return;
  const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', fix.commands.join('\n')], {
    env: env(extraPath),
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `${fix.commands.join('\n')}\n${result.stdout}${result.stderr}`);
}

/** Applies a text edit the way the editor's WorkspaceEdit would: replace the range with the new text. */
async function applyEdit(fix: FixSpec): Promise<void> {
  assert.equal(fix.kind, 'replaceText');
  if (fix.kind !== 'replaceText') return;
  const text = await readFile(fix.range.file, 'utf8');
  const lines = text.split('\n');
  const offset = (line: number, column: number): number => lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column;
  const start = offset(fix.range.line, fix.range.column);
  await writeFile(fix.range.file, text.slice(0, start) + fix.newText + text.slice(offset(fix.range.endLine, fix.range.endColumn)));
}

async function detectorWorkspace(label: string): Promise<{ root: string; model: string; setupPy: string; cleanup: () => Promise<void> }> {
  const ws = await tempWorkspace(label);
  const dir = await writeAmentPackage(ws.root, {
    name: PKG,
    nodes: [{ exe: 'detector', module: 'detector_node', text: DETECTOR }],
    modules: { 'model.py': MODEL },
  });
  return { ...ws, model: join(dir, PKG, 'model.py'), setupPy: join(dir, 'setup.py') };
}

test('ros2 run runs the #!/usr/bin/python3 that /usr/bin/colcon baked in: the venv-only import fails there, on its line in the workspace module', async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await detectorWorkspace('system-build');
  t.after(() => ws.cleanup());
  await colconBuild(ws.root);
  const entry = join(ws.root, 'install', PKG, 'lib', PKG, 'detector');
  assert.match(await readFile(entry, 'utf8'), /^#!\/usr\/bin\/python3\n/);
  // What really happens (ros2/ros2#1094): the venv is active, the entry point runs /usr/bin/python3.
  const real = await runEntryPoint(ws.root, PKG, 'detector', [join(venv, 'bin')]);
  assert.notEqual(real.code, 0);
  assert.match(real.output, /ModuleNotFoundError: No module named 'venv_only_ml'/);

  const { run, report } = await doctor(ws.root, venvPython, [join(venv, 'bin')]);
  assert.equal(run.code, 1, summary(report));
  const [finding, ...more] = only(report, 'launch-path-import-fails');
  assert.ok(finding, summary(report));
  assert.equal(more.length, 0, summary(report));
  assert.equal(finding.severity, 'error');
  assert.equal(finding.file, ws.model);
  assert.equal(finding.line, MODEL_IMPORT_LINE);
  assert.equal(finding.module, 'venv_only_ml');
  assert.equal(finding.interpreter, DEBIAN_PYTHON);
  assert.match(finding.message, /ros2 run perception_demo detector/);
  // The venv itself imports everything: nothing else to say.
  assert.deepEqual(
    report.findings.map((f) => f.code),
    ['launch-path-import-fails'],
    summary(report),
  );
  const row = report.launchPaths.find((path) => path.kind === 'ros2-run');
  assert.deepEqual(row && { interpreter: row.interpreter, verdict: row.verdict, failing: row.failing, script: row.script }, {
    interpreter: DEBIAN_PYTHON,
    verdict: 'fails',
    failing: ['venv_only_ml'],
    script: entry,
  });

  // Fix 1, applied: rebuild with the venv's python (python -m colcon build).
  const rebuild = finding.fixes.find(
    (fix) => fix.kind === 'runInTerminal' && fix.commands.some((line) => line.includes('-m colcon build')),
  );
  assert.ok(rebuild, JSON.stringify(finding.fixes));
  assert.ok(
    rebuild.kind === 'runInTerminal' && rebuild.commands.some((line) => line.startsWith(`${venvPython} -m colcon build`)),
    JSON.stringify(rebuild),
  );
  await applyTerminalFix(rebuild);
  assert.match(await readFile(entry, 'utf8'), new RegExp(`^#!${venvPython}\\n`));
  const after = await doctor(ws.root, venvPython, [join(venv, 'bin')]);
  assert.deepEqual(after.report.findings, [], summary(after.report));
  assert.equal(after.run.code, 0);
  const ran = await runEntryPoint(ws.root, PKG, 'detector');
  assert.equal(ran.code, 0, ran.output);
});

test('the [build_scripts] setup.cfg fix, applied and rebuilt, makes ros2 run use the python3 first on PATH', async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await detectorWorkspace('build-scripts');
  t.after(() => ws.cleanup());
  await colconBuild(ws.root);
  const { report } = await doctor(ws.root, venvPython, [join(venv, 'bin')]);
  const finding = only(report, 'launch-path-import-fails')[0];
  assert.ok(finding, summary(report));
  const edit = finding.fixes.find((fix) => fix.kind === 'replaceText');
  assert.ok(edit, JSON.stringify(finding.fixes));
  await applyEdit(edit);
  assert.match(
    await readFile(join(ws.root, 'src', PKG, 'setup.cfg'), 'utf8'),
    /\n\[build_scripts\]\nexecutable = \/usr\/bin\/env python3\n$/,
  );
  await colconBuild(ws.root);
  const after = await doctor(ws.root, venvPython, [join(venv, 'bin')]);
  assert.deepEqual(after.report.findings, [], summary(after.report));
  const ran = await runEntryPoint(ws.root, PKG, 'detector', [join(venv, 'bin')]);
  assert.equal(ran.code, 0, ran.output);
});

test('a healthy build whose baked interpreter differs from the selected one but imports everything gets no finding', async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await tempWorkspace('healthy');
  t.after(() => ws.cleanup());
  await writeAmentPackage(ws.root, {
    name: 'talker_py',
    nodes: [{ exe: 'talker', module: 'talker', text: 'import yaml\n\n\ndef main():\n    print(yaml.safe_dump({"a": 1}))\n' }],
  });
  await colconBuild(ws.root, { python: venvPython });
  const { run, report } = await doctor(ws.root, DEBIAN_PYTHON);
  assert.deepEqual(report.findings, [], summary(report));
  assert.equal(run.code, 0);
  const row = report.launchPaths.find((path) => path.kind === 'ros2-run');
  assert.deepEqual(row && { interpreter: row.interpreter, verdict: row.verdict }, { interpreter: venvPython, verdict: 'ok' });
});

test('a deleted build venv: the entry point cannot execute, and build-interpreter-missing lands on its setup.py line', async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await detectorWorkspace('deleted-venv');
  t.after(() => ws.cleanup());
  const buildVenv = join(ws.root, '..', `${ws.root.split('/').at(-1) ?? 'x'}-build-venv`);
  t.after(() => rm(buildVenv, { recursive: true, force: true }));
  const buildPython = await makeVenv(buildVenv, { systemSite: true });
  await installIntoVenv(buildVenv, 'venv_only_ml');
  await colconBuild(ws.root, { python: buildPython });
  await rm(buildVenv, { recursive: true, force: true });
  const real = await runEntryPoint(ws.root, PKG, 'detector');
  assert.equal(real.code, 127);
  // bash 5.2 says "cannot execute: required file not found"; older shells "bad interpreter: No such file or directory".
  assert.match(real.output, /cannot execute: required file not found|bad interpreter/);
  assert.match(
    await readFile(join(ws.root, 'install', 'local_setup.sh'), 'utf8'),
    new RegExp(`_colcon_python_executable="${buildPython}"`),
  );

  const { run, report } = await doctor(ws.root, venvPython, [join(venv, 'bin')]);
  assert.equal(run.code, 1);
  const [finding, ...more] = only(report, 'build-interpreter-missing');
  assert.ok(finding, summary(report));
  assert.equal(more.length, 0, summary(report));
  assert.equal(finding.file, ws.setupPy);
  assert.equal(finding.line, ENTRY_POINT_LINE);
  assert.ok(finding.message.includes(buildPython), finding.message);
  const rebuild = finding.fixes.find((fix) => fix.kind === 'runInTerminal');
  assert.ok(rebuild, JSON.stringify(finding.fixes));
  await applyTerminalFix(rebuild);
  const after = await doctor(ws.root, venvPython, [join(venv, 'bin')]);
  assert.deepEqual(after.report.findings, [], summary(after.report));
});

test('a package without setup.cfg: colcon puts the entry point in bin/, and entry-point-not-installed says why ros2 run finds no executable; the setup.cfg edit and a rebuild clear it', async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await tempWorkspace('no-setup-cfg');
  t.after(() => ws.cleanup());
  const dir = await writeAmentPackage(ws.root, {
    name: 'talker_py',
    setupCfg: false,
    nodes: [{ exe: 'talker', module: 'talker', text: 'import yaml\n\n\ndef main():\n    print(yaml.safe_dump({"a": 1}))\n' }],
  });
  await writeFile(join(dir, 'setup.cfg'), '[metadata]\nname = talker_py\n');
  await colconBuild(ws.root);
  assert.ok(existsSync(join(ws.root, 'install', 'talker_py', 'bin', 'talker')), 'colcon installed it into bin/');
  assert.ok(!existsSync(join(ws.root, 'install', 'talker_py', 'lib', 'talker_py', 'talker')), 'not where ros2 run looks');
  const { report } = await doctor(ws.root, DEBIAN_PYTHON);
  const [finding, ...more] = only(report, 'entry-point-not-installed');
  assert.ok(finding, summary(report));
  assert.equal(more.length, 0);
  assert.equal(finding.file, join(dir, 'setup.py'));
  assert.equal(finding.line, ENTRY_POINT_LINE);
  const edit = finding.fixes.find((fix) => fix.kind === 'replaceText');
  assert.ok(edit, JSON.stringify(finding.fixes));
  await applyEdit(edit);
  await colconBuild(ws.root);
  const after = await doctor(ws.root, DEBIAN_PYTHON);
  assert.deepEqual(after.report.findings, [], summary(after.report));
  assert.equal((await runEntryPoint(ws.root, 'talker_py', 'talker')).code, 0);
});

test('a node edited after the last build: install-outdated on its entry point, cleared by the rebuild it offers', async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await tempWorkspace('outdated');
  t.after(() => ws.cleanup());
  const dir = await writeAmentPackage(ws.root, {
    name: 'talker_py',
    nodes: [{ exe: 'talker', module: 'talker', text: 'import yaml\n\n\ndef main():\n    print(yaml.safe_dump({"a": 1}))\n' }],
  });
  await colconBuild(ws.root);
  const node = join(dir, 'talker_py', 'talker.py');
  const script = join(ws.root, 'install', 'talker_py', 'lib', 'talker_py', 'talker');
  // As if the build had run two minutes ago and the node was edited one minute ago.
  const now = (await stat(script)).mtimeMs;
  await utimes(script, new Date(now - 120_000), new Date(now - 120_000));
  await utimes(node, new Date(now - 60_000), new Date(now - 60_000));
  const { report } = await doctor(ws.root, DEBIAN_PYTHON);
  const finding = only(report, 'install-outdated')[0];
  assert.ok(finding, summary(report));
  assert.equal(finding.line, ENTRY_POINT_LINE);
  const rebuild = finding.fixes.find((fix) => fix.kind === 'runInTerminal');
  assert.ok(rebuild, JSON.stringify(finding.fixes));
  // The rebuild writes the entry point anew, after the edit.
  await applyTerminalFix(rebuild);
  const after = await doctor(ws.root, DEBIAN_PYTHON);
  assert.deepEqual(after.report.findings, [], summary(after.report));
});

test('a launch file runs in the interpreter of the ros2 command (a labelled stand-in here): its venv-only import is an error there, on its line', async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await tempWorkspace('launch-file');
  t.after(() => ws.cleanup());
  const dir = await writeAmentPackage(ws.root, {
    name: 'talker_py',
    nodes: [{ exe: 'talker', module: 'talker', text: 'import yaml\n\n\ndef main():\n    print(yaml.safe_dump({"a": 1}))\n' }],
  });
  const launchFile = join(dir, 'launch', 'detector.launch.py');
  await mkdir(join(dir, 'launch'));
  await writeFile(launchFile, 'import os\nimport venv_only_ml\n\n\ndef generate_launch_description():\n    return venv_only_ml.VALUE\n');
  await colconBuild(ws.root);
  // STAND-IN for the ros2 CLI (Debian 12 has none): the doctor only reads its #! line, never runs it.
  const bin = join(ws.root, '..', `${ws.root.split('/').at(-1) ?? 'x'}-bin`);
  t.after(() => rm(bin, { recursive: true, force: true }));
  await mkdir(bin);
  await writeFile(
    join(bin, 'ros2'),
    '#!/usr/bin/python3\n# STAND-IN for the ros2 command line (test/integration/colconLaunch.test.ts)\nraise SystemExit("stand-in")\n',
  );
  await chmod(join(bin, 'ros2'), 0o755);

  const { report } = await doctor(ws.root, venvPython, [bin, join(venv, 'bin')]);
  const [finding, ...more] = only(report, 'launch-path-import-fails');
  assert.ok(finding, summary(report));
  assert.equal(more.length, 0, summary(report));
  assert.equal(finding.file, launchFile);
  assert.equal(finding.line, 2);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.interpreter, DEBIAN_PYTHON);
  assert.match(finding.message, /ros2 launch talker_py detector\.launch\.py/);
  const row = report.launchPaths.find((path) => path.kind === 'ros2-launch');
  assert.deepEqual(row && { verdict: row.verdict, script: row.script }, { verdict: 'fails', script: join(bin, 'ros2') });
  // Without a ros2 command on PATH there is no such launch path to judge.
  const none = await doctor(ws.root, venvPython, [join(venv, 'bin')]);
  assert.equal(only(none.report, 'launch-path-import-fails').length, 0, summary(none.report));
});

test("Run/Debug with a launch.json 'python' runs that interpreter: its failing import is an error on the module's line, and the launch.json edit clears it", async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await detectorWorkspace('launch-json');
  t.after(() => ws.cleanup());
  await colconBuild(ws.root, { python: venvPython });
  await mkdir(join(ws.root, '.vscode'));
  const launchJson = join(ws.root, '.vscode', 'launch.json');
  await writeFile(
    launchJson,
    [
      '{',
      '  // written by hand, as users do: comments and a trailing comma',
      '  "version": "0.2.0",',
      '  "configurations": [',
      `    { "name": "detector", "type": "debugpy", "request": "launch", "program": "\${workspaceFolder}/src/${PKG}/${PKG}/detector_node.py", "python": "${DEBIAN_PYTHON}", },`,
      '  ],',
      '}',
      '',
    ].join('\n'),
  );
  const { report } = await doctor(ws.root, venvPython, [join(venv, 'bin')]);
  const [finding, ...more] = only(report, 'launch-path-import-fails');
  assert.ok(finding, summary(report));
  assert.equal(more.length, 0, summary(report));
  assert.equal(finding.file, ws.model);
  assert.equal(finding.line, MODEL_IMPORT_LINE);
  assert.equal(finding.interpreter, DEBIAN_PYTHON);
  assert.match(finding.message, /Run\/Debug "detector"/);
  const edit = finding.fixes.find((fix) => fix.kind === 'replaceText');
  assert.ok(edit?.kind === 'replaceText' && edit.range.file === launchJson, JSON.stringify(finding.fixes));
  await applyEdit(edit);
  assert.match(await readFile(launchJson, 'utf8'), new RegExp(`"python": "${venvPython}"`));
  const after = await doctor(ws.root, venvPython, [join(venv, 'bin')]);
  assert.deepEqual(after.report.findings, [], summary(after.report));
});

/** The detector workspace plus a module of the package that no entry point runs, importing a second venv-only package. */
async function twoModuleWorkspace(label: string): Promise<{ root: string; model: string; tools: string; cleanup: () => Promise<void> }> {
  const ws = await detectorWorkspace(label);
  const tools = join(ws.root, 'src', PKG, PKG, 'tools.py');
  await writeFile(tools, 'import venv_other_ml\n\n\ndef value():\n    return venv_other_ml.VALUE\n');
  return { ...ws, tools };
}

test("the build's Python, which no discovery lists, imports everything the workspace needs: the selected /usr/bin/python3 is offered a switch to it, and switching clears every finding", async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await twoModuleWorkspace('switch-to-build');
  t.after(() => ws.cleanup());
  const buildVenv = join(scratch, 'switch-build-venv');
  const buildPython = await makeVenv(buildVenv, { systemSite: true });
  await installIntoVenv(buildVenv, 'venv_only_ml');
  await installIntoVenv(buildVenv, 'venv_other_ml');
  await colconBuild(ws.root, { python: buildPython });
  assert.match(await readFile(join(ws.root, 'install', PKG, 'lib', PKG, 'detector'), 'utf8'), new RegExp(`^#!${buildPython}\\n`));

  // Nothing on PATH names the build venv: only the entry point's #! line does.
  const { report } = await doctor(ws.root, DEBIAN_PYTHON);
  assert.equal(report.selectedInterpreter, DEBIAN_PYTHON);
  const missing = only(report, 'module-missing');
  assert.deepEqual(
    missing.map((f) => `${f.file ?? ''}:${f.line ?? ''} ${f.module ?? ''}`).sort(),
    [`${ws.model}:${MODEL_IMPORT_LINE} venv_only_ml`, `${ws.tools}:1 venv_other_ml`],
    summary(report),
  );
  for (const finding of missing) {
    assert.deepEqual(finding.fixes[0], { kind: 'selectInterpreter', title: `Switch interpreter to ${buildPython}`, path: buildPython });
    assert.match(finding.message, /venv: switch-build-venv \(3\.11\) has it$/);
  }
  const [better] = only(report, 'better-interpreter-available');
  assert.ok(better, summary(report));
  assert.ok(
    better.fixes.some((fix) => fix.kind === 'selectInterpreter' && fix.path === buildPython),
    JSON.stringify(better.fixes),
  );
  // ros2 run runs the build's Python, which imports everything: no launch finding.
  assert.deepEqual(only(report, 'launch-path-import-fails'), [], summary(report));

  // The switch, applied (what the editor's selectInterpreter does, the CLI's --python): nothing is left.
  const after = await doctor(ws.root, buildPython);
  assert.deepEqual(after.report.findings, [], summary(after.report));
  assert.equal(after.run.code, 0);
});

test("a build Python that fails one of the node's imports is never offered as a switch, even though it has the module the selected one lacks; its venv fix, applied, makes it one", async (t) => {
  if (!needs(t, ...rosStack, ...colconTools)) return;
  const ws = await detectorWorkspace('no-switch-to-build');
  t.after(() => ws.cleanup());
  const buildVenv = join(scratch, 'partial-build-venv');
  const buildPython = await makeVenv(buildVenv, { systemSite: true });
  await installIntoVenv(buildVenv, 'venv_only_ml');
  await colconBuild(ws.root, { python: buildPython });
  // The venv later stops seeing the system's packages (remade without --system-site-packages): yaml is gone from it.
  const cfg = join(buildVenv, 'pyvenv.cfg');
  await writeFile(
    cfg,
    (await readFile(cfg, 'utf8')).replace('include-system-site-packages = true', 'include-system-site-packages = false'),
  );
  const real = await runEntryPoint(ws.root, PKG, 'detector');
  assert.match(real.output, /ModuleNotFoundError: No module named 'yaml'/);

  const { report } = await doctor(ws.root, DEBIAN_PYTHON);
  const offered = report.findings.flatMap((f) => f.fixes).filter((fix) => fix.kind === 'selectInterpreter' && fix.path === buildPython);
  assert.deepEqual(offered, [], summary(report));
  const [missing] = only(report, 'module-missing');
  assert.equal(missing?.module, 'venv_only_ml', summary(report));
  // What it does say: ros2 run runs that Python, where import yaml fails.
  const launch = only(report, 'launch-path-import-fails');
  assert.deepEqual(
    launch.map((f) => `${f.module ?? ''} ${f.interpreter ?? ''}`),
    [`yaml ${buildPython}`],
    summary(report),
  );

  // Its venv fix, applied for real: the build venv sees the system's packages again (no COLCON_IGNORE: it is outside
  // the workspace), ros2 run works, and now that it imports everything it is the switch offered.
  const venvFix = launch[0]?.fixes.find((fix) => fix.kind === 'runInTerminal' && fix.commands.some((line) => line.includes(' -m venv ')));
  assert.ok(venvFix && venvFix.kind === 'runInTerminal', JSON.stringify(launch[0]?.fixes));
  assert.deepEqual(venvFix.commands, [`${DEBIAN_PYTHON} -m venv --system-site-packages --upgrade ${buildVenv}`]);
  await applyTerminalFix(venvFix);
  assert.equal((await runEntryPoint(ws.root, PKG, 'detector')).code, 0);
  const after = await doctor(ws.root, DEBIAN_PYTHON);
  assert.deepEqual(only(after.report, 'launch-path-import-fails'), [], summary(after.report));
  assert.deepEqual(only(after.report, 'module-missing')[0]?.fixes[0], {
    kind: 'selectInterpreter',
    title: `Switch interpreter to ${buildPython}`,
    path: buildPython,
  });
});
