import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Lint, including the layering rules of STYLE.md: shared/ is pure (no Node, Electron, DOM
 * libraries, SQLite, pdfkit, exceljs, React); the renderer reaches main only through
 * window.api, never by importing electron/ or Node. The shared/ tsconfig enforces the same
 * at compile time by having no Node or DOM types.
 */
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads', 'buffer', 'process'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tools/**', 'test/fixtures/layering/**', 'bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'test/**/*.ts', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node modules (take I/O, clock and randomness as arguments).' },
            { group: ['electron', 'better-sqlite3', 'pdfkit', 'exceljs', 'yauzl', 'yazl', 'react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ is pure: no Electron, storage, document or UI libraries.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import from electron/ or renderer/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node: reach the main process through window.api.' },
            { group: ['electron', 'better-sqlite3', 'pdfkit', 'exceljs', 'yauzl'], message: 'The renderer reaches the main process only through window.api.' },
            { group: ['**/electron/**'], message: 'The renderer must not import main-process code; use window.api.' },
          ],
        },
      ],
    },
  },
);
