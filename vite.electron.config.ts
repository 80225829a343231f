import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The desktop shell's main process (`--mode main`) and preload (`--mode preload`), bundled
// for Electron's Node. The preload runs sandboxed: it may require only 'electron', so it
// must be one self-contained CommonJS file, hence a build of its own with no shared chunks.
// What capped workers run (electron/files/capped-worker.ts): the worker's entry and each task
// module, built as files of their own beside main.cjs, where `taskModule` finds them by name.
const workerEntries = {
  'capped-worker-entry': resolve(import.meta.dirname, 'electron/files/capped-worker-entry.ts'),
  'resident-worker-entry': resolve(import.meta.dirname, 'electron/files/resident-worker-entry.ts'),
  'pdf-inspection-task': resolve(import.meta.dirname, 'electron/package-reader/inspect/pdf-inspection-task.ts'),
  'workbook-task': resolve(import.meta.dirname, 'electron/package-reader/workbook/workbook-task.ts'),
  'spreadsheet-preview-task': resolve(import.meta.dirname, 'electron/evidence/spreadsheet/spreadsheet-preview-task.ts'),
  'document-preview-task': resolve(import.meta.dirname, 'electron/evidence/document-preview-task.ts'),
  'previous-list-task': resolve(import.meta.dirname, 'electron/previous-year/previous-list-task.ts'),
  'ofd-preview-task': resolve(import.meta.dirname, 'electron/evidence/ofd/ofd-preview-task.ts'),
  'image-pages-task': resolve(import.meta.dirname, 'electron/evidence/image-pages-task.ts'),
  'pdf-text-task': resolve(import.meta.dirname, 'electron/evidence/pdf-text-task.ts'),
  'pdf-skeleton-task': resolve(import.meta.dirname, 'electron/evidence/pdf-skeleton-task.ts'),
  'ocr-task': resolve(import.meta.dirname, 'electron/ocr/ocr-task.ts'),
  'file-features-task': resolve(import.meta.dirname, 'electron/integrity/file-features-task.ts'),
};

export default defineConfig(({ mode }) => {
  if (mode !== 'main' && mode !== 'preload') throw new Error('build with --mode main or --mode preload');
  return {
    build: {
      ssr: true,
      outDir: resolve(import.meta.dirname, 'dist', 'electron'),
      emptyOutDir: false,
      sourcemap: true,
      target: 'node22',
      rollupOptions: {
        input: { [mode]: resolve(import.meta.dirname, 'electron', `${mode}.ts`), ...(mode === 'main' ? workerEntries : {}) },
        // Native modules, and the OCR models, which are found beside their package's files.
        external: ['electron', 'better-sqlite3', 'sharp', 'onnxruntime-node', /^@gutenye\//, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
    // Everything but the native module is bundled, so the preload needs nothing at run time.
    ssr: { noExternal: mode === 'preload' ? true : ['zod'] },
  };
});
