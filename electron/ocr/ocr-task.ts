/**
 * OCR task: what the OCR worker (read-ocr.ts) runs, one call per step so a time cap is per
 * page and a crash costs one page: `plan` counts a file's pages, `page` reads one page.
 *
 * - source: the file on disk (the stored evidence, or the page PNGs another converter made), and
 *   how to read it: `pdf` (pages from pdf.js), `image` (one page, via sharp) or `images` (a
 *   file a page).
 * - The last PDF opened stays open for the next call, since pages of one file come in a row.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocumentProxy as PdfDocument, PDFPageProxy as PdfPage } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { recognise, OCR_ENGINE, type OcrLine } from './ocr-engine.ts';
import { imageFilePage, pdfPageImage } from './page-image.ts';

export type OcrSource =
  | { readonly kind: 'pdf'; readonly file: string }
  | { readonly kind: 'image'; readonly file: string }
  /** One image file a page, in page order: the page PNGs a converter made of a TIFF or HEIC file. */
  | { readonly kind: 'images'; readonly files: readonly string[] };

export type OcrTaskInput =
  | { readonly op: 'plan'; readonly source: OcrSource }
  /** A PDF page's own text (its text layer), for `evidence --text`; null when it has none. */
  | { readonly op: 'text'; readonly source: Extract<OcrSource, { kind: 'pdf' }>; readonly page: number }
  | { readonly op: 'page'; readonly source: OcrSource; readonly page: number };

/** How a page was read: by OCR, or not at all since it has its own text or no picture. */
export type OcrPageSource = 'ocr' | 'text-layer' | 'no-image';

export type OcrTaskResult =
  | { readonly op: 'plan'; readonly pages: number }
  | { readonly op: 'text'; readonly page: number; readonly text: string | null }
  | { readonly op: 'page'; readonly page: number; readonly source: OcrPageSource; readonly lines: OcrLine[]; readonly engine: string };

function pdfjsWasmUrl(): string {
  const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return `${pathToFileURL(join(dirname(packageJson), 'wasm')).href}/`;
}

let open: { readonly file: string; readonly document: Promise<PdfDocument>; readonly destroy: () => Promise<void> } | null = null;

async function pdfDocument(file: string): Promise<PdfDocument> {
  if (open?.file === file) return open.document;
  if (open !== null) await open.destroy();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(await readFile(file)),
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    // Scanners' 1-bit pages (JBIG2, CCITT) and JPEG 2000 pages are decoded by pdf.js's wasm
    // decoders, found here; Node's fetch cannot read file: URLs, so pdf.js falls back to their
    // JavaScript builds beside them, which it imports from this folder.
    wasmUrl: pdfjsWasmUrl(),
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  open = { file, document: task.promise, destroy: () => task.destroy() };
  return task.promise;
}

/** A page's text layer as pdf.js reads it (headers and footers included), line breaks kept. */
async function pageTextOf(page: PdfPage): Promise<string | null> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text.trim() === '' ? null : text.trimEnd();
}

export async function ocrTask(input: OcrTaskInput): Promise<OcrTaskResult> {
  const { source } = input;
  if (input.op === 'plan') {
    if (source.kind === 'pdf') return { op: 'plan', pages: (await pdfDocument(source.file)).numPages };
    return { op: 'plan', pages: source.kind === 'image' ? 1 : source.files.length };
  }
  if (input.op === 'text') return { op: 'text', page: input.page, text: await pageTextOf(await (await pdfDocument(input.source.file)).getPage(input.page)) };
  if (source.kind !== 'pdf') {
    const file = source.kind === 'image' ? source.file : source.files[input.page - 1];
    if (file === undefined) throw new Error(`no page ${input.page}`);
    return { op: 'page', page: input.page, source: 'ocr', lines: await recognise(await imageFilePage(file)), engine: OCR_ENGINE };
  }
  const document = await pdfDocument(source.file);
  const found = await pdfPageImage(await document.getPage(input.page));
  if (found.kind !== 'image') return { op: 'page', page: input.page, source: found.kind, lines: [], engine: OCR_ENGINE };
  return { op: 'page', page: input.page, source: 'ocr', lines: await recognise(found.page), engine: OCR_ENGINE };
}
