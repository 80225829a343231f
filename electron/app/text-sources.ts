/**
 * The text sources of the viewer's search (electron/evidence/file-text.ts), given once when the app's context is
 * made: OCR results from the store (electron/ocr/ocr-store.ts, boxes included, so hits in a scan
 * are drawn on the page), and the own text of documents, spreadsheets and OFD files
 * (electron/evidence/own-text.ts, the readers that make their previews; no boxes: a hit names its page).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PageText } from '../../shared/evidence/page-text.ts';
import { ocrPageTexts } from '../ocr/ocr-store.ts';
import { setTextSource, type TextFile } from '../evidence/file-text.ts';
import { ownText } from '../evidence/own-text.ts';

async function ownPages(file: TextFile): Promise<readonly PageText[] | null> {
  const texts = await ownText(file.type, new Uint8Array(await readFile(file.file)), basename(file.file));
  if (texts === null) return null;
  return texts.map((text, i) => ({ page: i + 1, lines: text.split('\n').map((line) => ({ text: line, box: null })) }));
}

export function giveTextSources(): void {
  setTextSource('ocr', (ctx, file) => ocrPageTexts(ctx.db, file.sha256));
  setTextSource('document', (_ctx, file) => ownPages(file));
  setTextSource('spreadsheet', (_ctx, file) => ownPages(file));
}
