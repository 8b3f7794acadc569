// The same in-host suites in desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (these project machines cannot: there, use `npm run test:e2e`, which runs them in
// code-server). Usage:
//   node --import tsx test/e2e/electron/runTests.ts          (downloads stable VS Code into .vscode-test/)
//   VSCODE_EXECUTABLE=/path/to/code node --import tsx test/e2e/electron/runTests.ts
//   VSCODE_VERSION=1.95.3 …                                   (the oldest version engines.vscode allows)
// On a Linux machine without a display, wrap it in `xvfb-run -a`.
// requestScreenshot() answers { kind: 'unavailable' } here: no Playwright page drives this window.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { QUIET_SETTINGS, packageFolder } from '../harness/codeServer';
import { buildE2eBundles, buildExtension, FAKE_PYTHON_EXTENSION, MOCHA_INDEX, prepareFixture } from '../harness/fixtures';
import { formatSuiteReport, parseSuiteReport, RESULTS_FILE_ENV } from '../harness/suiteReport';
import { REPO_ROOT } from '../harness/tools';

const DEBIAN_PYTHON = '/usr/bin/python3';

async function main(): Promise<number> {
  buildExtension();
  buildE2eBundles();
  const python = existsSync(DEBIAN_PYTHON) ? DEBIAN_PYTHON : 'python3';
  const fixture = await prepareFixture({
    environments: [{ path: python }],
    active: python,
    environmentVariables: { ROS_ENV_DOCTOR_E2E: '1' },
  });
  const runDir = await mkdtemp(join(tmpdir(), 'red-e2e-electron-'));
  try {
    const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE ?? (await downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? 'stable'));
    const userDataDir = join(runDir, 'user-data');
    const extensionsDir = join(runDir, 'extensions');
    await mkdir(join(userDataDir, 'User'), { recursive: true });
    await writeFile(join(userDataDir, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));

    // The stand-in for ms-python.python, installed for real, as the code-server runner does.
    const standInVsix = join(runDir, 'python-standin.vsix');
    packageFolder(REPO_ROOT, FAKE_PYTHON_EXTENSION, standInVsix);
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    if (cli === undefined) throw new Error(`no VS Code CLI next to ${vscodeExecutablePath}`);
    const install = spawnSync(
      cli,
      [...cliArgs, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', standInVsix],
      {
        encoding: 'utf8',
        shell: process.platform === 'win32',
      },
    );
    if (install.status !== 0) throw new Error(`installing the Python API stand-in failed: ${install.stdout}${install.stderr}`);

    const resultsFile = join(runDir, 'results.json');
    const exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: MOCHA_INDEX,
      extensionTestsEnv: { FAKE_PYTHON_EXTENSION_CONFIG: fixture.standInConfig, [RESULTS_FILE_ENV]: resultsFile },
      launchArgs: [
        fixture.workspace,
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensionsDir,
        '--disable-workspace-trust',
        '--disable-gpu',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    }).catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      return 1;
    });
    if (existsSync(resultsFile)) {
      const report = parseSuiteReport(await readFile(resultsFile, 'utf8'));
      process.stdout.write(`${'kind' in report ? `unreadable report: ${report.reason}` : formatSuiteReport(report)}\n`);
    } else {
      process.stdout.write('the in-host suites wrote no report\n');
    }
    return exitCode;
  } finally {
    await fixture.remove();
    await rm(runDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
