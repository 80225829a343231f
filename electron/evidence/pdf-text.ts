/**
 * The text layer of a PDF as page text (shared/evidence/page-text.ts), read with pdf.js'
 * legacy build (the one meant for Node, the library the viewer draws with, so a box found here
 * is where the viewer draws that text): every text item of every page as a line, with its box
 * in 0..1 of the page as shown with its own rotation (/Rotate).
 *
 * - box of an item: its origin, advance (`width`) and font size (`height`) in PDF space along
 *   the directions of its text matrix, turned to the page's viewport; text set at an angle
 *   gets the box around it.
 * - CID fonts of Chinese PDFs need pdf.js' CMaps to map glyphs to characters: read from
 *   pdfjs-dist's own folder (it ships them), never the network.
 * - bounds: at most `MAX_PAGES` pages and `MAX_PAGE_CHARS` characters a page are kept (a page
 *   beyond is cut), so a file cannot make the product grow without end; a page that pdf.js
 *   cannot read has no lines.
 *
 * It reads untrusted bytes: it runs in a resident capped worker (read-pdf-text.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageText, TextBox, TextLine } from '../../shared/evidence/page-text.ts';

export const MAX_PAGES = 5000;
export const MAX_PAGE_CHARS = 20_000;

export type PdfTextReading = { readonly kind: 'ok'; readonly pages: readonly PageText[] } | { readonly kind: 'password' } | { readonly kind: 'damaged' };

function pdfjsFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

export async function readPdfText(bytes: Uint8Array): Promise<PdfTextReading> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const folder = pdfjsFolder();
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl: `${pathToFileURL(join(folder, 'cmaps')).href}/`,
    cMapPacked: true,
    standardFontDataUrl: `${pathToFileURL(join(folder, 'standard_fonts')).href}/`,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise;
    const pages: PageText[] = [];
    for (let n = 1; n <= Math.min(document.numPages, MAX_PAGES); n += 1) {
      const lines: TextLine[] = [];
      try {
        const page = await document.getPage(n);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        let chars = 0;
        for (const item of content.items) {
          if (!('str' in item) || item.str === '' || chars >= MAX_PAGE_CHARS) continue;
          const text = item.str.slice(0, MAX_PAGE_CHARS - chars);
          chars += text.length;
          lines.push({ text, box: itemBox(item.transform as number[], item.width, item.height, viewport) });
        }
        page.cleanup();
      } catch {
        // A page pdf.js cannot read has no text; the others still count.
      }
      pages.push({ page: n, lines });
    }
    return { kind: 'ok', pages };
  } catch (error) {
    return (error as { name?: unknown }).name === 'PasswordException' ? { kind: 'password' } : { kind: 'damaged' };
  } finally {
    await task.destroy();
  }
}

interface Viewport {
  readonly width: number;
  readonly height: number;
  convertToViewportPoint(x: number, y: number): number[];
}

function itemBox(transform: readonly number[], width: number, height: number, viewport: Viewport): TextBox | null {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = transform;
  const ul = Math.hypot(a, b) || 1;
  const vl = Math.hypot(c, d) || 1;
  const h = height > 0 ? height : vl;
  const u = [a / ul, b / ul] as const;
  const v = [c / vl, d / vl] as const;
  const corners = [
    [e, f],
    [e + u[0] * width, f + u[1] * width],
    [e + v[0] * h, f + v[1] * h],
    [e + u[0] * width + v[0] * h, f + u[1] * width + v[1] * h],
  ].map(([x, y]) => viewport.convertToViewportPoint(x!, y!));
  const xs = corners.map((p) => p[0] ?? 0);
  const ys = corners.map((p) => p[1] ?? 0);
  const box: TextBox = [
    clamp(Math.min(...xs) / viewport.width),
    clamp(Math.min(...ys) / viewport.height),
    clamp(Math.max(...xs) / viewport.width),
    clamp(Math.max(...ys) / viewport.height),
  ];
  return Number.isFinite(box[0]) && box[2] > box[0] && box[3] > box[1] ? box : null;
}
