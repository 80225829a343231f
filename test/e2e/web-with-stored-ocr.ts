/**
 * The browser shell started on a data folder whose store already holds OCR results for some
 * files, as an expert laptop's store does once it imported the clerk's meeting file: the pages
 * (`OcrPage[]`, as test/fixtures/evidence/find-page/scan-ocr.json holds them) are written by the
 * store's own `storeOcrFiles` for the content hashes in the JSON file named by `E2E_OCR_PAGES`
 * (`{ "<sha256>": OcrPage[] }`), and the shell then starts as `npm run web` would, its search
 * reading them through the app's own text source (electron/app/text-sources.ts). Running the
 * OCR engine itself in the end-to-end tests would cost minutes; it is tested in test/electron/ocr/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../electron/db/open.ts';
import { storeFileName } from '../../electron/app/context.ts';
import type { OcrPage } from '../../electron/ocr/ocr-store.ts';
import { storeOcrFiles } from '../../electron/ocr/ocr-store.ts';

const file = process.env['E2E_OCR_PAGES'];
if (file === undefined) throw new Error('E2E_OCR_PAGES names no file');
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: false });
const dataDir = values['data-dir'];
if (typeof dataDir !== 'string') throw new Error('no --data-dir');
const pages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, OcrPage[]>;
const db = openDatabase(join(resolve(dataDir), storeFileName));
try {
  storeOcrFiles(
    db,
    Object.entries(pages).map(([sha256, read]) => ({
      sha256,
      pages: read.length,
      refusal: null,
      done: read.map((page) => ({ page: page.page, source: 'ocr' as const, text: page.text, lines: page.lines, engine: 'stored for the test', refusal: null })),
    })),
    new Date(),
  );
} finally {
  db.close();
}

await import('../../electron/web/main.ts');
