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
 * pdf.js takes the bytes over (it transfers their buffer to its worker): callers pass bytes
 * they no longer need, or a copy.
 *
 * `pageText`: a caller that wants every page's text too (the importer's cross-check features,
 * electron/integrity/) gets it from the same opening of the file, page by page up to
 * `maxPages`, instead of opening the PDF a second time.
 */

export type PdfInspection =
  | { readonly kind: 'ok'; readonly pages: number; readonly text: boolean; readonly truncated: boolean }
  | { readonly kind: 'password' }
  | { readonly kind: 'damaged'; readonly detail: string };

const TEXT_PAGES = 5;
// Where readers look for the end marker (PDF readers accept it within the last kilobyte).
const EOF_WINDOW = 1024;

function endsWithEof(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)));
  return tail.includes('%%EOF');
}

export interface PageTextReader {
  readonly maxPages: number;
  /** Called for each page read, in order; a page that cannot be read is left out. */
  readonly pageText: (page: number, text: string) => void;
}

export async function inspectPdf(bytes: Uint8Array, reader?: PageTextReader): Promise<PdfInspection> {
  const truncated = !endsWithEof(bytes);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: bytes,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise;
    let text = false;
    const last = Math.min(document.numPages, reader === undefined ? TEXT_PAGES : Math.max(TEXT_PAGES, reader.maxPages));
    for (let n = 1; n <= last && (reader !== undefined || !text); n += 1) {
      try {
        const page = await document.getPage(n);
        const content = await page.getTextContent();
        if (n <= TEXT_PAGES) text ||= content.items.some((item) => 'str' in item && item.str.trim() !== '');
        if (reader !== undefined && n <= reader.maxPages) {
          let pageText = '';
          for (const item of content.items) if ('str' in item) pageText += item.str + (item.hasEOL ? '\n' : '');
          page.cleanup();
          reader.pageText(n, pageText);
        }
      } catch {
        // A page that cannot be read counts as no text; the page count still stands.
      }
    }
    return { kind: 'ok', pages: document.numPages, text, truncated };
  } catch (error) {
    if ((error as { name?: unknown }).name === 'PasswordException') return { kind: 'password' };
    return { kind: 'damaged', detail: truncated ? '文件不完整，缺少结尾' : '文件结构无法读取' };
  } finally {
    await task.destroy();
  }
}
