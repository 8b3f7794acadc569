// One bundler for everything that ships: the extension and the CLI, both CommonJS for Node.
import { build, context } from 'esbuild';
import { chmod, mkdir, readFile } from 'node:fs/promises';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version) },
};

const targets = [
  // jsonc-parser's "main" is a UMD build whose inner require()s esbuild cannot follow: take its ES module build
  // (the editor's settings edits and the core's launch.json reading both use it).
  // The activation entry: registers commands and the quick-fix provider, then loads dist/editor.js (src/editor/editorMain.ts).
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/editor/editorMain.ts'], outfile: 'dist/editor.js', external: ['vscode'], mainFields: ['module', 'main'] },
  // The engine, loaded by the extension on first use (src/editor/engineLoader.ts), so activation stays light.
  // tsx: only named (never loaded) when the reader thread is started from source (readerThread.ts).
  { ...common, entryPoints: ['src/node/engine.ts'], outfile: 'dist/engine.js', mainFields: ['module', 'main'], external: ['tsx'] },
  // The reader thread's program (src/node/readerThread.ts starts it from the folder of the bundle that runs it).
  { ...common, entryPoints: ['src/node/sourceThread.ts'], outfile: 'dist/sourceThread.js' },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    external: ['tsx'],
    banner: { js: '#!/usr/bin/env node' },
    mainFields: ['module', 'main'],
  },
];

await mkdir('dist', { recursive: true });
if (watch) {
  for (const options of targets) await (await context(options)).watch();
} else {
  await Promise.all(targets.map((options) => build(options)));
  await chmod('dist/cli.js', 0o755);
}
