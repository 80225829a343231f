/**
 * File text: the text of a stored evidence file as pages of lines (shared/evidence/page-text.ts),
 * from whichever source knows it, for the viewer's search, the alliance-wide search and
 * 自动定位. One module so every caller gets the same text for the same file.
 *
 * - text layer: a PDF's own text, read by pdf.js in a capped worker (read-pdf-text.ts) and kept
 *   once per content hash as a rendition (renditions.ts), so the second search of a file costs
 *   a JSON read.
 * - injected sources: OCR (scans: a PDF without a text layer, TIFF, photos), Word-processor
 *   documents and spreadsheets are read by other parts of the app. Each is a function given
 *   here by `setTextSource` at start-up; a kind nobody gave has no text (its files are not
 *   searchable, and the search says which were left out).
 *   An OCR source returns the OCR store's `OcrPage`s as they are: a page with its lines and
 *   their boxes, the shape of `PageText` (its extra `text` is not read).
 */
import { readFile } from 'node:fs/promises';
import type { Database } from 'better-sqlite3';
import type { TextSourceKind } from '../../shared/api/evidence-search-types.ts';
import type { PageText } from '../../shared/evidence/page-text.ts';
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import { readPdfTextCapped, type CappedPdfText } from './read-pdf-text.ts';
import { rendition } from './renditions.ts';

export interface TextContext {
  readonly db: Database;
  readonly dataDir: string;
}

export interface TextFile {
  readonly sha256: string;
  readonly type: EvidenceType;
  /** The stored file on disk. */
  readonly file: string;
}

export type InjectedSource = Exclude<TextSourceKind, 'text-layer'>;

/** Pages of text of the file, or null when this source has none for it (not yet, or never). */
export type TextSource = (ctx: TextContext, file: TextFile) => readonly PageText[] | null | Promise<readonly PageText[] | null>;

export interface FileText {
  readonly source: TextSourceKind;
  readonly pages: readonly PageText[];
  /** In a PDF with a text layer, the pages without one whose text came from OCR (partly scanned). */
  readonly ocrPages?: readonly number[];
}

const sources = new Map<InjectedSource, TextSource>();

/** Gives (or, with null, takes away) the source of one kind of text. */
export function setTextSource(kind: InjectedSource, source: TextSource | null): void {
  if (source === null) sources.delete(kind);
  else sources.set(kind, source);
}

/** Whether some injected source is given (without one, only PDFs' text layers can be searched). */
export function hasTextSource(): boolean {
  return sources.size > 0;
}

const documentTypes: ReadonlySet<EvidenceType> = new Set<EvidenceType>(['docx', 'doc', 'wps', 'rtf', 'odt', 'txt', 'ofd']);
const spreadsheetTypes: ReadonlySet<EvidenceType> = new Set<EvidenceType>(['xlsx', 'xls', 'et', 'ods', 'csv']);
// An OFD has its own text (its TextObjects): it is a document here, not a scan.
const scanTypes: ReadonlySet<EvidenceType> = new Set<EvidenceType>(['tiff', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'heic']);

const pdfTextConverter = { name: 'pdf-text', version: 1 } as const;

/** The PDF's text layer, made once per content hash (a refusal is kept too: it would be the same next time). */
export async function pdfTextLayer(ctx: TextContext, file: TextFile): Promise<CappedPdfText> {
  const stored = await rendition(ctx.dataDir, file.sha256, pdfTextConverter, async () => {
    const reading = await readPdfTextCapped(new Uint8Array(await readFile(file.file)));
    return new Map([['text.json', JSON.stringify(reading)]]);
  });
  return JSON.parse((await stored.read('text.json')).toString('utf8')) as CappedPdfText;
}

const hasText = (pages: readonly PageText[]) => pages.some((p) => p.lines.some((l) => l.text.trim() !== ''));

async function injected(kind: InjectedSource, ctx: TextContext, file: TextFile): Promise<FileText | null> {
  const source = sources.get(kind);
  if (source === undefined) return null;
  const pages = await source(ctx, file);
  return pages === null ? null : { source: kind, pages };
}

/** The file's text from the best source that has it, or null when none has. */
export async function fileText(ctx: TextContext, file: TextFile): Promise<FileText | null> {
  if (file.type === 'pdf') {
    const layer = await pdfTextLayer(ctx, file);
    if (layer.kind !== 'ok') return null;
    // A scan: its words are only in the OCR's.
    if (!hasText(layer.pages)) return injected('ocr', ctx, file);
    const ocr = await injected('ocr', ctx, file);
    return ocr === null ? { source: 'text-layer', pages: layer.pages } : withScannedPages(layer.pages, ocr.pages);
  }
  if (scanTypes.has(file.type)) return injected('ocr', ctx, file);
  if (documentTypes.has(file.type)) return injected('document', ctx, file);
  if (spreadsheetTypes.has(file.type)) return injected('spreadsheet', ctx, file);
  return null;
}

/**
 * A partly scanned PDF (typed pages with a scanned signature page or certificate bound in): the
 * text layer where a page has one, OCR's text where it has none, as `alliance-review evidence
 * --text` reads it page by page; OCR reads only the pages without text (ocr-task.ts).
 */
function withScannedPages(layer: readonly PageText[], ocr: readonly PageText[]): FileText {
  const pages = new Map<number, PageText>(layer.map((p) => [p.page, p]));
  const ocrPages: number[] = [];
  for (const page of ocr) {
    const own = pages.get(page.page);
    if (own !== undefined && hasText([own])) continue;
    pages.set(page.page, page);
    if (hasText([page])) ocrPages.push(page.page);
  }
  return { source: 'text-layer', pages: [...pages.values()].sort((a, b) => a.page - b.page), ocrPages };
}
