// ESLint (flat config) with typescript-eslint's type-aware rules. Besides promises and `any`, it states the layers of
// docs/architecture.md as import rules: src/core reaches the world only through its ports, src/node never knows the
// editor. `npm test` runs it (`npm run lint`), so a layer violation fails the build.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outward = (layers) => ({
  regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
  message: `an inner layer must not import from src/${layers.join('|')} (see docs/architecture.md, "Folders")`,
});

const editorOnly = [
  { name: 'vscode', message: 'only src/editor and src/extension.ts may import vscode' },
  { name: '@vscode/python-extension', message: 'only src/editor may talk to the Python extension' },
];

const processesAndFiles = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'execa'].map(
  (name) => ({
    name,
    message: 'src/core reaches files and processes only through the ports in src/core/ports.ts',
  }),
);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', 'test/fixtures/**', 'examples/**', '**/*.mjs', '**/*.cjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() returns a promise the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Ports are Promise-returning interfaces; an in-memory or cached implementation is async without awaiting.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [...editorOnly, ...processesAndFiles], patterns: [outward(['node', 'cli', 'editor'])] },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: editorOnly, patterns: [outward(['cli', 'editor'])] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: editorOnly, patterns: [outward(['editor'])] }],
    },
  },
);
