/**
 * Opening a PDF with pdf.js in the renderer, under the app's Content-Security-Policy:
 *
 * - no eval: pdfjs-dist 6 has no eval path left at all (its `isEvalSupported` option, which
 *   older versions used to compile font drawing code with `new Function`, is gone, and the
 *   built files contain neither `eval(` nor `new Function`), so `script-src 'self'` holds;
 * - the worker is this build's own asset (a Vite `?url` import), so `worker-src 'self'` holds;
 * - CMaps (Chinese CID fonts), standard fonts and the image decoders are read by URL from the
 *   app itself (vite.renderer.config.ts copies them to `pdfjs/`); nothing needs a network.
 *
 * The bytes are fetched by us: the evidence URL is a custom scheme in the desktop shell, which
 * pdf.js' own loaders do not know. A file up to `WHOLE_BYTES` is fetched whole. A bigger one is
 * read by range (both shells answer Range requests) through a `PDFDataRangeTransport`, with
 * pdf.js fetching nothing it is not asked for (`disableAutoFetch`), so opening a 50 MB scan at
 * page 150 reads that page, not the file: the parts pdf.js needs to open it at all (its page
 * tree, spread through a scan) come first in one answer, the skeleton main made of it
 * (electron/evidence/pdf-skeleton.ts); the rest is fetched as pdf.js asks. Until main has made
 * the skeleton (the first opening of the file starts it), the file is fetched whole.
 * Before pdf.js sees them, an empty file and a file that is plainly something else (a photo
 * named .pdf) are told apart (pdf-error-message.ts), so the expert hears what is wrong.
 *
 * A PDF with an open (user) password: pdf.js asks through `onPassword`; the viewer asks the
 * expert, and the password goes to pdf.js' worker in this window only, never stored or sent.
 */
import { getDocument, GlobalWorkerOptions, PasswordResponses, PDFDataRangeTransport, PDFWorker, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfSkeleton } from '../../../shared/api/evidence-search-types.ts';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { notPdfKind, PdfOpenError } from './pdf-error-message.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

// One pdf.js worker for every file opened: starting one (its 1.3 MB script) for each file cost
// a few hundred milliseconds an opening. Documents closed with their loading task leave a
// worker they were given running; one that has died is replaced.
let sharedWorker: PDFWorker | null = null;
function pdfWorker(): PDFWorker {
  if (sharedWorker === null || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return sharedWorker;
}

/** Base64 to bytes (`Uint8Array.fromBase64` where the browser has it: Chromium 140 and later). */
function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native !== undefined) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function assetUrl(dir: string): string {
  return new URL(`./pdfjs/${dir}/`, document.baseURI).href;
}

export interface PasswordRequest {
  /** A password was given and it was wrong. */
  readonly wrong: boolean;
  /** Tries the password (the request comes again, `wrong`, when it does not open the file). */
  readonly submit: (password: string) => void;
}

export interface PdfOpening {
  readonly promise: Promise<PDFDocumentProxy>;
  /** Stops opening (or closes the opened document). The promise then rejects or stays settled. */
  readonly cancel: () => void;
}

/** Files up to this size are fetched whole: one request is quicker than reading by range. */
export const WHOLE_BYTES = 8 * 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

async function fetchOk(url: string, init?: RequestInit, first = false): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new PdfOpenError({ kind: 'read-failed', status: null });
  }
  if (first && response.status === 416 && response.headers.get('content-range') === 'bytes */0') throw new PdfOpenError({ kind: 'empty' });
  if (!response.ok) throw new PdfOpenError(response.status === 404 ? { kind: 'missing' } : { kind: 'read-failed', status: response.status });
  return response;
}

function checkBytes(data: Uint8Array): void {
  if (data.length === 0) throw new PdfOpenError({ kind: 'empty' });
  const actually = notPdfKind(data);
  if (actually !== null) throw new PdfOpenError({ kind: 'not-pdf', actually });
}

/** Reads `url` by range for pdf.js, answering from the skeleton's parts where they cover the ask. */
class RangeReader extends PDFDataRangeTransport {
  private readonly url: string;
  private readonly parts: readonly { readonly begin: number; readonly end: number; readonly at: number }[];
  private readonly bytes: Uint8Array;
  private readonly onFailure: (error: unknown) => void;

  constructor(url: string, length: number, head: Uint8Array, skeleton: PdfSkeleton | null, onFailure: (error: unknown) => void) {
    super(length, head);
    this.url = url;
    this.onFailure = onFailure;
    if (skeleton?.ready === true && skeleton.length === length) {
      this.bytes = fromBase64(skeleton.parts);
      let at = 0;
      this.parts = skeleton.ranges.map(([begin, end]) => {
        const part = { begin, end, at };
        at += end - begin;
        return part;
      });
    } else {
      this.bytes = new Uint8Array(0);
      this.parts = [];
    }
  }

  override requestDataRange(begin: number, end: number): void {
    const part = this.parts.find((p) => p.begin <= begin && end <= p.end);
    if (part !== undefined) {
      const from = part.at + begin - part.begin;
      // A copy: pdf.js takes the buffer over to its worker.
      const chunk = this.bytes.slice(from, from + end - begin);
      queueMicrotask(() => this.onDataRange(begin, chunk));
      return;
    }
    void fetchOk(this.url, { headers: { range: `bytes=${begin}-${end - 1}` } })
      .then(async (response) => this.onDataRange(begin, new Uint8Array(await response.arrayBuffer())))
      .catch(this.onFailure);
  }
}

/** The file's length from a ranged answer (`Content-Range: bytes 0-65535/50224973`), or null. */
function totalLength(response: Response): number | null {
  const match = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
  return response.status === 206 && match?.[1] !== undefined ? Number(match[1]) : null;
}

/**
 * Opens the PDF at `url`. `skeleton`, when given, is asked (in parallel with the first bytes)
 * for the parts of a big file pdf.js needs first.
 */
export function openPdf(url: string, askPassword: (request: PasswordRequest) => void, skeleton?: () => Promise<PdfSkeleton | null>): PdfOpening {
  let task: PDFDocumentLoadingTask | null = null;
  let cancelled = false;
  const promise = (async () => {
    // Asked at once, beside the first bytes (main answers `small` for a small file).
    const asked = skeleton?.().catch(() => null) ?? Promise.resolve(null);
    // An empty file has no first byte to give: 416 with `bytes */0`.
    const head = await fetchOk(url, { headers: { range: `bytes=0-${HEAD_BYTES - 1}` } }, true);
    const length = totalLength(head);
    let source: { data: Uint8Array } | { range: RangeReader; rangeChunkSize: number; disableAutoFetch: true; disableStream: true };
    const parts = length === null || length <= WHOLE_BYTES ? null : await asked;
    if (length === null || length <= HEAD_BYTES || parts?.ready !== true) {
      // A small file, an answer without ranges, or a big file whose skeleton is not made yet
      // (main is making it): the whole of it. By range without the skeleton would be slower,
      // one round trip per page of the page tree.
      const data = new Uint8Array(await (length === null || length <= HEAD_BYTES ? head : await fetchOk(url)).arrayBuffer());
      checkBytes(data);
      source = { data };
    } else {
      const data = new Uint8Array(await head.arrayBuffer());
      checkBytes(data);
      const reader = new RangeReader(url, length, data, parts, () => void task?.destroy());
      source = { range: reader, rangeChunkSize: parts.chunkSize, disableAutoFetch: true, disableStream: true };
    }
    if (cancelled) throw new PdfOpenError({ kind: 'unknown' });
    task = getDocument({
      ...source,
      worker: pdfWorker(),
      cMapUrl: assetUrl('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: assetUrl('standard_fonts'),
      wasmUrl: assetUrl('wasm'),
      enableXfa: false,
    });
    task.onPassword = (update: (password: string) => void, reason: number) => {
      askPassword({ wrong: reason === PasswordResponses.INCORRECT_PASSWORD, submit: (password) => update(password) });
    };
    return task.promise;
  })();
  return {
    promise,
    cancel: () => {
      cancelled = true;
      void task?.destroy();
    },
  };
}
