// Bundles what runs inside the extension host during end-to-end tests, with the same esbuild as the
// product: the Mocha entry (out/e2e/mochaIndex.js), every suite test/e2e/suites/*.e2e.ts
// (out/e2e/suites/*.e2e.js) and the stand-in Python extension (out/e2e/fakePythonExtension/).
// `vscode` is provided by the host; `mocha` stays external and resolves from the repo's node_modules.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'out', 'e2e');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
};

export async function buildE2e() {
  await rm(out, { recursive: true, force: true });
  const suitesDir = join(root, 'test', 'e2e', 'suites');
  const suites = (await readdir(suitesDir)).filter((f) => f.endsWith('.e2e.ts'));
  const fake = join(root, 'test', 'e2e', 'fakePythonExtension');
  const fakeOut = join(out, 'fakePythonExtension');
  await mkdir(join(fakeOut, 'dist'), { recursive: true });
  const fakeEnvs = join(root, 'test', 'e2e', 'fakePythonEnvsExtension');
  const fakeEnvsOut = join(out, 'fakePythonEnvsExtension');
  await mkdir(join(fakeEnvsOut, 'dist'), { recursive: true });
  await Promise.all([
    build({ ...common, entryPoints: [join(root, 'test', 'e2e', 'harness', 'mochaIndex.ts')], outfile: join(out, 'mochaIndex.js') }),
    ...suites.map((file) =>
      build({ ...common, entryPoints: [join(suitesDir, file)], outfile: join(out, 'suites', file.replace(/\.ts$/, '.js')) }),
    ),
    build({ ...common, entryPoints: [join(fake, 'src', 'extension.ts')], outfile: join(fakeOut, 'dist', 'extension.js') }),
    copyFile(join(fake, 'package.json'), join(fakeOut, 'package.json')),
    copyFile(join(fake, 'README.md'), join(fakeOut, 'README.md')),
    build({ ...common, entryPoints: [join(fakeEnvs, 'src', 'extension.ts')], outfile: join(fakeEnvsOut, 'dist', 'extension.js') }),
    copyFile(join(fakeEnvs, 'package.json'), join(fakeEnvsOut, 'package.json')),
    copyFile(join(fakeEnvs, 'README.md'), join(fakeEnvsOut, 'README.md')),
  ]);
  return {
    out,
    suites: suites.length,
    fakePythonExtension: fakeOut,
    fakePythonEnvsExtension: fakeEnvsOut,
    mochaIndex: join(out, 'mochaIndex.js'),
  };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildE2e().then(
    (result) =>
      process.stdout.write(
        `e2e bundles in ${result.out}: mochaIndex.js, ${result.suites} suite(s), fakePythonExtension/, fakePythonEnvsExtension/\n`,
      ),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
