/**
 * OFD task: ofd-pages.ts as it runs in a capped worker (read-ofd-preview.ts). A file this
 * reader cannot follow crosses the thread as a value with its reason; any other failure as the
 * worker's error.
 *
 * `ofdPageTexts` is the text of each page, for search (the `evidence --text` command and the
 * viewer's search): run it the same way, `runCapped({ module: taskModule(…, 'ofd-preview-task'),
 * exportName: 'ofdPageTexts' }, bytes, ofdPreviewCaps)`, or through `readOfdPageTexts`.
 */
import { OfdUnreadable, renderOfd, type OfdPage } from './ofd-pages.ts';

export type OfdPreviewResult =
  | { readonly ok: true; readonly pages: readonly OfdPage[]; readonly pageCount: number; readonly notices: readonly string[] }
  | { readonly ok: false; readonly message: string };

export async function previewOfd(bytes: Uint8Array): Promise<OfdPreviewResult> {
  try {
    const rendering = await renderOfd(bytes);
    return { ok: true, pages: rendering.pages, pageCount: rendering.pageCount, notices: rendering.notices };
  } catch (error) {
    if (error instanceof OfdUnreadable) return { ok: false, message: error.message };
    throw error;
  }
}

/** The text of each page of an OFD file, in page order; throws when it is not a readable OFD. */
export async function ofdPageTexts(bytes: Uint8Array): Promise<{ page: number; text: string }[]> {
  const rendering = await renderOfd(bytes);
  return rendering.pages.map(({ page, text }) => ({ page, text }));
}
