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

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
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
    for (let n = 1; n <= Math.min(document.numPages, TEXT_PAGES) && !text; n += 1) {
      try {
        const content = await (await document.getPage(n)).getTextContent();
        text = content.items.some((item) => 'str' in item && item.str.trim() !== '');
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
