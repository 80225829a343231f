/**
 * The browser shell with OCR text for some files, for the end-to-end tests of searching scans
 * (find-page.test.ts): the OCR store's pages (`OcrPage[]`, as test/fixtures/evidence/find-page/
 * scan-ocr.json holds them) are given through the text-source seam (electron/evidence/
 * file-text.ts) for the content hashes in the JSON file named by `E2E_OCR_PAGES`
 * (`{ "<sha256>": OcrPage[] }`), and then the shell starts as `npm run web` would.
 * With the OCR store in the app, the app gives that seam its own source and this file goes.
 */
import { readFileSync } from 'node:fs';
import { setTextSource } from '../../electron/evidence/file-text.ts';
import type { PageText } from '../../shared/evidence/page-text.ts';

const file = process.env['E2E_OCR_PAGES'];
if (file === undefined) throw new Error('E2E_OCR_PAGES names no file');
const pages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, PageText[]>;
setTextSource('ocr', (_ctx, text) => pages[text.sha256] ?? null);

await import('../../electron/web/main.ts');
