// `npm run package`: production build, then a VSIX with exactly the files .vscodeignore allows.
// Dependencies are bundled by esbuild, so vsce must not add node_modules (--no-dependencies).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version, repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = process.argv.includes('--out')
  ? resolve(process.argv[process.argv.indexOf('--out') + 1])
  : join(root, `${name}-${version}.vsix`);

function run(args) {
  process.stderr.write(`$ node ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write(`failed: node ${args.join(' ')} (${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

run([join(root, 'scripts', 'build.mjs'), '--production']);
// Without a repository field vsce cannot turn README's relative links into absolute ones (and would
// ask on stdin): keep them relative rather than invent a URL.
const noRepository = repository === undefined ? ['--allow-missing-repository', '--no-rewrite-relative-links'] : [];
run([join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', ...noRepository, '-o', out]);
const bytes = statSync(out).size;
process.stdout.write(`${out}: ${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)\n`);
