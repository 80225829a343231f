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
 * The bytes are fetched by us and handed over whole: the evidence URL is a custom scheme in the
 * desktop shell, which pdf.js' own loaders do not know, and a 300-page scan fits in memory.
 * Before pdf.js sees them, an empty file and a file that is plainly something else (a photo
 * named .pdf) are told apart (pdf-error-message.ts), so the expert hears what is wrong.
 *
 * A PDF with an open (user) password: pdf.js asks through `onPassword`; the viewer asks the
 * expert, and the password goes to pdf.js' worker in this window only, never stored or sent.
 */
import { getDocument, GlobalWorkerOptions, PasswordResponses, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { notPdfKind, PdfOpenError } from './pdf-error-message.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

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

export function openPdf(url: string, askPassword: (request: PasswordRequest) => void): PdfOpening {
  let task: PDFDocumentLoadingTask | null = null;
  let cancelled = false;
  const promise = (async () => {
    let response: Response;
    try {
      response = await fetch(url);
    } catch {
      throw new PdfOpenError({ kind: 'read-failed', status: null });
    }
    if (!response.ok) throw new PdfOpenError(response.status === 404 ? { kind: 'missing' } : { kind: 'read-failed', status: response.status });
    const data = new Uint8Array(await response.arrayBuffer());
    if (data.length === 0) throw new PdfOpenError({ kind: 'empty' });
    const actually = notPdfKind(data);
    if (actually !== null) throw new PdfOpenError({ kind: 'not-pdf', actually });
    if (cancelled) throw new PdfOpenError({ kind: 'unknown' });
    task = getDocument({
      data,
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
