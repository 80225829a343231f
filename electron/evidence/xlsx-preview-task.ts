/**
 * Excel preview task: xlsx-preview.ts as it runs in a capped worker (read-xlsx-preview.ts).
 * A refusal crosses the thread as a value; any other failure as the worker's error.
 */
import { PreviewRefused, xlsxPreview, type SheetPreview } from './xlsx-preview.ts';

export type XlsxPreviewResult = { readonly ok: true; readonly sheets: SheetPreview[] } | { readonly ok: false; readonly message: string };

export async function previewXlsx(input: { readonly bytes: Uint8Array; readonly fileName: string }): Promise<XlsxPreviewResult> {
  try {
    return { ok: true, sheets: await xlsxPreview(input.bytes, input.fileName) };
  } catch (error) {
    if (error instanceof PreviewRefused) return { ok: false, message: error.message };
    throw error;
  }
}
