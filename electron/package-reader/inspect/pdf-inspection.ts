/**
 * PDF inspection with pdf.js (pdfjs-dist's legacy build, the one meant for Node; the viewer
 * uses the same library, so what opens here opens there): the page count, whether a user
 * password is needed to open it, whether it is damaged, and whether it has a text layer.
 *
 * - damaged: pdf.js cannot open it; or it opens (pdf.js rebuilds a broken cross-reference
 *   table) but the file does not end with `%%EOF`, as a download or copy cut short leaves it:
 *   some pages may then be missing.
 * - text layer: text on one of the first `TEXT_PAGES` pages; a scan has none.
 *
 * Bytes in memory are handed to pdf.js whole (it takes them over: callers pass bytes they no
 * longer need, or a copy). A stored file (evidence-bytes.ts `StoredBytes`) is read by range
 * (`PDFDataRangeTransport`, no streaming, no fetching ahead): pdf.js asks only for the
 * cross-reference table, the page tree and the pages it reads, so a 200 MB scan costs a few
 * hundred kilobytes. Only a file whose cross-reference table is broken makes pdf.js read it all
 * (to rebuild the table): past `MAX_RANGE_BYTES` it is reported damaged, as pdf.js reports a
 * file it cannot open, rather than held in memory. A file that opens but whose pages' text
 * would take more than that keeps its page count, and the text of the pages read by then.
 *
 * Before pdf.js, one pass over the bytes (`pdfStructure`, native searches) looks for the `obj`
 * keyword: pdf.js opens no file without one, and a file of random bytes behind a `%PDF-` head
 * (a broken upload, a renamed file) would otherwise cost pdf.js a rebuild scan of every byte,
 * in JavaScript, for the same answer. The same pass finds the last `startxref`: a stored file
 * without one near its end would make pdf.js search and rebuild by range, so it is read whole
 * when within `MAX_RANGE_BYTES` and reported damaged when larger.
 *
 * `pageText`: a caller that wants every page's text too (the importer's cross-check features,
 * electron/integrity/) gets it from the same opening of the file, page by page up to
 * `maxPages`, instead of opening the PDF a second time.
 */
import { chunksOf, isStored, readRange, readWhole, sizeOf, type EvidenceBytes } from './evidence-bytes.ts';

export type PdfInspection =
  | { readonly kind: 'ok'; readonly pages: number; readonly text: boolean; readonly truncated: boolean }
  | { readonly kind: 'password' }
  | { readonly kind: 'damaged'; readonly detail: string };

const TEXT_PAGES = 5;
// Where readers look for the end marker (PDF readers accept it within the last kilobyte).
const EOF_WINDOW = 1024;
/** The size of the ranges pdf.js asks of a stored file. */
const RANGE_CHUNK = 64 * 1024;
/** Most bytes pdf.js may read of one stored file: far more than any intact PDF's structure and text. */
export const MAX_RANGE_BYTES = 32 * 1024 * 1024;
const SCAN_CHUNK = 4 * 1024 * 1024;
/** How far from the end pdf.js may have to look for `startxref` in a file read by range. */
const STARTXREF_WINDOW = 1024 * 1024;

async function endsWithEof(source: EvidenceBytes): Promise<boolean> {
  const size = sizeOf(source);
  const tail = await readRange(source, size - EOF_WINDOW, size);
  return new TextDecoder('latin1').decode(tail).includes('%%EOF');
}

const OBJ = Buffer.from('obj', 'latin1');
const STARTXREF = Buffer.from('startxref', 'latin1');

interface Structure {
  /**
   * Whether the bytes hold the `obj` keyword as pdf.js's lexer would read it after an object's
   * number and generation: after white space (a comment ends with a line end) or right after a
   * digit (`1 0obj`). Every object pdf.js reads, from the cross-reference table or by
   * rebuilding it, starts so; a file without one cannot open.
   */
  readonly object: boolean;
  /** Where the last `startxref` is, or -1. */
  readonly startxref: number;
}

/** One pass over the bytes (native searches, a chunk at a time). */
export async function pdfStructure(source: EvidenceBytes): Promise<Structure> {
  let object = false;
  let startxref = -1;
  for await (const { bytes, offset } of chunksOf(source, SCAN_CHUNK, STARTXREF.length)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const last = buffer.lastIndexOf(STARTXREF);
    if (last >= 0) startxref = Math.max(startxref, offset + last);
    for (let at = buffer.indexOf(OBJ, 1); !object && at >= 1; at = buffer.indexOf(OBJ, at + 1)) {
      const before = buffer[at - 1] ?? 0;
      object = before === 0x00 || before === 0x09 || before === 0x0a || before === 0x0c || before === 0x0d || before === 0x20 || (before >= 0x30 && before <= 0x39);
    }
  }
  return { object, startxref };
}

export interface PageTextReader {
  readonly maxPages: number;
  /** Called for each page read, in order; a page that cannot be read is left out. */
  readonly pageText: (page: number, text: string) => void;
}

/** What pdf.js not opening a file says of it: cut short when it has no end marker. */
const damagedFile = (truncated: boolean): PdfInspection => ({ kind: 'damaged', detail: truncated ? '文件不完整，缺少结尾' : '文件结构无法读取' });

class RangeBudgetExceeded extends Error {}

let ignoring = false;
/**
 * pdf.js (5.x) leaves a promise rejected with "Worker was terminated" unhandled when a loading
 * task is destroyed while its document is still loading, as one stopped at the range budget
 * is; in Node that would end the thread. That one rejection is let go, any other still throws.
 */
function ignoreTerminatedWorker(): void {
  if (ignoring) return;
  ignoring = true;
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Error && reason.message === 'Worker was terminated') return;
    throw reason;
  });
}

export async function inspectPdf(source: EvidenceBytes, reader?: PageTextReader): Promise<PdfInspection> {
  const truncated = !(await endsWithEof(source));
  const damaged = damagedFile(truncated);
  const structure = await pdfStructure(source);
  if (!structure.object) return damaged;
  let bytes = source;
  if (isStored(bytes) && (structure.startxref < 0 || bytes.size - structure.startxref > STARTXREF_WINDOW)) {
    // pdf.js would look for `startxref` backwards through the file a kilobyte at a time, each
    // missing range read and the search begun again (quadratic), then rebuild the table from
    // every byte: a file small enough is read whole instead, a larger one is not opened.
    if (bytes.size > MAX_RANGE_BYTES) return damaged;
    bytes = await readWhole(bytes);
  }
  return opened(bytes, truncated, reader);
}

async function opened(source: EvidenceBytes, truncated: boolean, reader: PageTextReader | undefined): Promise<PdfInspection> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const options = { disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: pdfjs.VerbosityLevel.ERRORS };
  // A stored file's reading stops at the budget: every wait below races this.
  let stop: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined);
  const within = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, stopped]);
  let destroyed = false;
  let overBudget = false;
  let task: ReturnType<typeof pdfjs.getDocument>;
  if (isStored(source)) {
    const first = await readRange(source, 0, RANGE_CHUNK);
    let asked = first.length;
    class FileRanges extends pdfjs.PDFDataRangeTransport {
      override requestDataRange(begin: number, end: number): void {
        asked += end - begin;
        if (asked > MAX_RANGE_BYTES) {
          overBudget = true;
          stop(new RangeBudgetExceeded());
          return;
        }
        void readRange(source, begin, end).then(
          (bytes) => {
            if (!destroyed) this.onDataRange(begin, bytes);
          },
          (error: unknown) => stop(error instanceof Error ? error : new Error(String(error))),
        );
      }
    }
    task = pdfjs.getDocument({ ...options, range: new FileRanges(source.size, first), rangeChunkSize: RANGE_CHUNK, disableAutoFetch: true, disableStream: true });
  } else {
    task = pdfjs.getDocument({ ...options, data: source });
  }
  try {
    const document = await within(task.promise);
    let text = false;
    const last = Math.min(document.numPages, reader === undefined ? TEXT_PAGES : Math.max(TEXT_PAGES, reader.maxPages));
    for (let n = 1; n <= last && (reader !== undefined || !text); n += 1) {
      try {
        const page = await within(document.getPage(n));
        const content = await within(page.getTextContent());
        if (n <= TEXT_PAGES) text ||= content.items.some((item) => 'str' in item && item.str.trim() !== '');
        if (reader !== undefined && n <= reader.maxPages) {
          let pageText = '';
          for (const item of content.items) if ('str' in item) pageText += item.str + (item.hasEOL ? '\n' : '');
          page.cleanup();
          reader.pageText(n, pageText);
        }
      } catch (error) {
        // Past the budget once open: the page count stands, the pages read so far give the text.
        if (error instanceof RangeBudgetExceeded) break;
        // A page that cannot be read counts as no text; the page count still stands.
      }
    }
    return { kind: 'ok', pages: document.numPages, text, truncated };
  } catch (error) {
    if ((error as { name?: unknown }).name === 'PasswordException') return { kind: 'password' };
    return damagedFile(truncated);
  } finally {
    destroyed = true;
    if (overBudget) ignoreTerminatedWorker();
    await task.destroy();
  }
}
