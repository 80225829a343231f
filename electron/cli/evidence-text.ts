/**
 * Evidence text: the text of one evidence file, page by page, as `alliance-review evidence`
 * reads it (`--text` prints it; the listing says where it comes from). The command has no data
 * folder, so it reads the file itself, OCR included, where the app's search reads its stored
 * texts and renditions (electron/evidence/file-text.ts). It lives with its callers, the
 * commands: `evidence` (electron/cli/commands/evidence.ts), and `cross-check`, which takes the
 * OCR pages of each file (`ocrPages`) as the app's cross-check takes those its OCR queue stored.
 *
 * - own text (`document`): a PDF's text layer, page by page (headers and footers included, as
 *   pdf.js reads them); a text file's content; and for the types in `documentTexts`, what
 *   their reader gives.
 * - OCR text (`ocr`): where a PDF page has no text of its own, and for photos and the pages
 *   of a TIFF or HEIC file, what the OCR engine reads (electron/ocr/), unless OCR is off.
 * - Word, OpenDocument, OFD and spreadsheet text (cell values as displayed) come from the
 *   converters that preview them (electron/evidence/own-text.ts), the same text the viewer's
 *   search uses.
 *
 * Every reader of the file's bytes runs capped: PDFs and pictures in the OCR worker.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ImagePage } from '../evidence/image-pages-limits.ts';
import { readImagePages } from '../evidence/read-image-pages.ts';
import { ownText } from '../evidence/own-text.ts';
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { OcrPageText } from '../integrity/file-features.ts';
import { decodePlainText } from '../package-reader/inspect/text-encoding.ts';
import type { OcrPageReading, OcrReader, OcrRefusal } from '../ocr/read-ocr.ts';
import type { OcrSource } from '../ocr/ocr-task.ts';

export type TextSource = 'document' | 'ocr' | 'none';

/** The pages' texts of a file of a type with its own text (one entry a page; one for unpaged types). */
export type DocumentTextReader = (file: string) => Promise<readonly string[]>;

const plainText: DocumentTextReader = async (file) => {
  // A text file the inspection called text is small enough to hold (the reader's own limits).
  const text = decodePlainText(new Uint8Array(await readFile(file)));
  return [text ?? ''];
};

/** The same own text the viewer's search uses (own-text.ts): documents, spreadsheets as displayed, OFD pages. */
const ownTextOf =
  (type: EvidenceType): DocumentTextReader =>
  async (file) =>
    (await ownText(type, new Uint8Array(await readFile(file)), basename(file))) ?? [''];

export const documentTexts: Partial<Record<EvidenceType, DocumentTextReader>> = {
  txt: plainText,
  ...Object.fromEntries((['docx', 'doc', 'wps', 'rtf', 'odt', 'xlsx', 'xls', 'et', 'ods', 'csv', 'ofd'] as const).map((type) => [type, ownTextOf(type)])),
};

const pictureTypes: ReadonlySet<EvidenceType> = new Set(['jpeg', 'png', 'webp', 'gif', 'bmp']);

export interface FileTextOptions {
  /** Read pictures with OCR where there is no text of the file's own. */
  readonly ocr: boolean;
  /** Only this page (from 1). */
  readonly page?: number | undefined;
}

export type FileText =
  | { readonly ok: true; readonly pages: readonly string[]; readonly source: TextSource }
  /** The page asked for is past the file's last page. */
  | { readonly ok: false; readonly pageCount: number };

/** Whether OCR could find text in a file of this type (PDF pages without text, pictures, TIFF and HEIC pages). */
export function ocrCanRead(type: EvidenceType): boolean {
  return type === 'pdf' || pictureTypes.has(type) || type === 'tiff' || type === 'heic';
}

/**
 * The page pictures the viewer shows of a TIFF or HEIC file (the image-pages converter: every
 * page, upright by the file's own orientation), as the app's OCR queue reads them
 * (electron/ocr/ocr-sources.ts). `use` gets them as files written beside the spooled file, in
 * the command's spool folder, removed when it is done.
 */
async function withPictureFiles<T>(file: string, pictures: readonly ImagePage[], use: (files: readonly string[]) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(dirname(file), 'pages-'));
  try {
    const files: string[] = [];
    for (const [i, page] of pictures.entries()) {
      const path = join(folder, `${i + 1}.${page.format}`);
      await writeFile(path, page.image);
      files.push(path);
    }
    return await use(files);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A TIFF's pages or a HEIC photo, read by OCR from the page pictures the viewer shows. */
async function imagePagesText(reader: OcrReader, type: 'tiff' | 'heic', file: string, options: FileTextOptions): Promise<FileText> {
  const reading = await readImagePages(new Uint8Array(await readFile(file)), type);
  // A file the converter refuses shows as a notice in the viewer: no text, as there.
  if (!reading.ok) return wanted(1, options.page) === null ? { ok: false, pageCount: 1 } : { ok: true, pages: [''], source: 'none' };
  const pages = wanted(reading.pageCount, options.page);
  if (pages === null) return { ok: false, pageCount: reading.pageCount };
  if (!options.ocr) return { ok: true, pages: pages.map(() => ''), source: 'none' };
  return withPictureFiles(file, reading.pages, async (files): Promise<FileText> => {
    const texts: string[] = [];
    // Pages past the converter's limit (a very long TIFF) were not made: no text, as in the viewer.
    for (const page of pages) texts.push(page <= files.length ? await ocrText(reader, { kind: 'images', files }, page) : '');
    return { ok: true, pages: texts, source: texts.some((t) => t !== '') ? 'ocr' : 'none' };
  });
}

/** A page's text as OCR read it: its lines, one a line (as the app's OCR queue stores it). */
const linesText = (reading: OcrPageReading): string => reading.lines.map((l) => l.text).join('\n');

async function ocrText(reader: OcrReader, source: OcrSource, page: number): Promise<string> {
  const read = await reader.page(source, page);
  // A page OCR could not read (past a cap) has no text; the listing says so with 'none'.
  return read.ok ? linesText(read.value) : '';
}

function wanted(pageCount: number, page: number | undefined): number[] | null {
  if (page !== undefined) return page >= 1 && page <= pageCount ? [page] : null;
  return Array.from({ length: pageCount }, (_, i) => i + 1);
}

export async function fileText(reader: OcrReader, type: EvidenceType, file: string, options: FileTextOptions): Promise<FileText> {
  if (type === 'pdf') {
    const source = { kind: 'pdf', file } as const;
    const counted = await reader.pages(source);
    const pageCount = counted.ok ? counted.value : 0;
    const pages = wanted(pageCount, options.page);
    if (pages === null) return { ok: false, pageCount };
    const texts: string[] = [];
    let own = false;
    let recognised = false;
    for (const page of pages) {
      const layer = await reader.pageText(source, page);
      if (layer.ok && layer.value !== null) {
        own = true;
        texts.push(layer.value);
        continue;
      }
      const text = options.ocr ? await ocrText(reader, source, page) : '';
      recognised ||= text !== '';
      texts.push(text);
    }
    return { ok: true, pages: texts, source: own ? 'document' : recognised ? 'ocr' : 'none' };
  }
  if (type === 'tiff' || type === 'heic') return imagePagesText(reader, type, file, options);
  if (pictureTypes.has(type)) {
    if (wanted(1, options.page) === null) return { ok: false, pageCount: 1 };
    const text = options.ocr ? await ocrText(reader, { kind: 'image', file }, 1) : '';
    return { ok: true, pages: [text], source: text === '' ? 'none' : 'ocr' };
  }
  const own = documentTexts[type];
  const texts = own === undefined ? [''] : await own(file);
  const pages = wanted(texts.length, options.page);
  if (pages === null) return { ok: false, pageCount: texts.length };
  const chosen = pages.map((p) => texts[p - 1] ?? '');
  return { ok: true, pages: chosen, source: own !== undefined && chosen.some((t) => t.trim() !== '') ? 'document' : 'none' };
}

export interface OcrPagesOptions {
  /** Pages known to have text of their own (a PDF's text layer): not sent to the OCR worker. */
  readonly ownText?: ReadonlySet<number>;
  /** Before a page goes to the OCR worker: its number and the file's page count. */
  readonly onPage?: (page: number, pages: number) => void;
  /** A page (null: the whole file) OCR could not read, past a cap or damaged. */
  readonly onRefusal?: (page: number | null, refusal: OcrRefusal) => void;
}

/**
 * The pages of a file that OCR reads, with their text, as the app's OCR queue stores them
 * (electron/ocr/ocr-queue.ts) and `ocrPageTexts` gives them to its cross-check: each page of a
 * PDF without its own text (the worker itself tells a text-layer page and a page with no
 * picture, and reads neither), the one page of a photo, each page picture of a TIFF or HEIC.
 * A page OCR could not read is left out, as the app stores it `refused`. One page at a time.
 */
export async function ocrPages(reader: OcrReader, type: EvidenceType, file: string, options: OcrPagesOptions = {}): Promise<OcrPageText[]> {
  const read = async (source: OcrSource, pages: number): Promise<OcrPageText[]> => {
    const texts: OcrPageText[] = [];
    for (let page = 1; page <= pages; page += 1) {
      if (options.ownText?.has(page) === true) continue;
      options.onPage?.(page, pages);
      const reading = await reader.page(source, page);
      if (!reading.ok) options.onRefusal?.(page, reading.refusal);
      else if (reading.value.source === 'ocr') texts.push({ page, text: linesText(reading.value) });
    }
    return texts;
  };
  if (type === 'pdf') {
    const source = { kind: 'pdf', file } as const;
    const counted = await reader.pages(source);
    if (!counted.ok) {
      options.onRefusal?.(null, counted.refusal);
      return [];
    }
    return read(source, counted.value);
  }
  if (type === 'tiff' || type === 'heic') {
    const reading = await readImagePages(new Uint8Array(await readFile(file)), type);
    // A file the converter refuses has no page pictures: the app's queue has nothing to read either.
    if (!reading.ok) return [];
    // Pages past the converter's limit (a very long TIFF) were not made, and are not read.
    return withPictureFiles(file, reading.pages, (files) => read({ kind: 'images', files }, files.length));
  }
  if (pictureTypes.has(type)) return read({ kind: 'image', file }, 1);
  return [];
}
