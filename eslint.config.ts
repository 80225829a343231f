import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * Lint, including the layering rules of STYLE.md: shared/ is pure (no Node, Electron, DOM
 * libraries, SQLite, pdfkit, exceljs, React); the renderer reaches main only through
 * window.api, never by importing electron/ or Node. The shared/ tsconfig enforces the same
 * at compile time by having no Node or DOM types.
 */
/** Extensions of the files import-x follows when it looks for import cycles. */
const sourceExtensions = ['.ts', '.tsx', '.mts', '.mjs', '.js'];

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'worker_threads', 'buffer', 'process'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tools/**', 'test/fixtures/layering/**', 'test/fixtures/import-cycles/**', 'bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // No import cycles between files. Every relative import names its file with its extension
    // (.ts, .tsx: allowImportingTsExtensions), so import-x's own resolver finds each file as it
    // is on disk; no tsconfig paths or .js-to-.ts mapping is in use that would need the
    // TypeScript resolver. import-x/no-cycle always skips type-only imports (`import type`),
    // and has no option to count them: cycles held by types alone are found by
    // test/import-cycles.test.ts, which also finds cycles between folders.
    files: ['shared/**/*.ts', 'electron/**/*.{ts,mts,mjs}', 'renderer/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: sourceExtensions })],
      // Which imported files import-x reads for their own imports, and with which parser.
      'import-x/extensions': sourceExtensions,
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
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
