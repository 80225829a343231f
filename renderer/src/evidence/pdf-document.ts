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
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

function assetUrl(dir: string): string {
  return new URL(`./pdfjs/${dir}/`, document.baseURI).href;
}

export async function openPdf(url: string): Promise<PDFDocumentProxy> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`证明材料读取失败（${response.status}）`);
  const data = new Uint8Array(await response.arrayBuffer());
  return getDocument({
    data,
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    wasmUrl: assetUrl('wasm'),
    enableXfa: false,
  }).promise;
}
