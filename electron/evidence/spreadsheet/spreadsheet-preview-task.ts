/**
 * Spreadsheet preview task: spreadsheet-preview.ts as it runs in a capped worker
 * (read-spreadsheet-preview.ts). A refusal crosses the thread as a value; any other failure as
 * the worker's error.
 */
import type { SpreadsheetFormat, SpreadsheetPreview } from '../../../shared/api/evidence-preview-types.ts';
import { PreviewRefused, spreadsheetPreview } from './spreadsheet-preview.ts';

export type SpreadsheetPreviewResult = { readonly ok: true; readonly preview: SpreadsheetPreview } | { readonly ok: false; readonly message: string };

export async function previewSpreadsheet(input: { readonly bytes: Uint8Array; readonly format: SpreadsheetFormat; readonly fileName: string }): Promise<SpreadsheetPreviewResult> {
  try {
    return { ok: true, preview: await spreadsheetPreview(input.bytes, input.format, input.fileName) };
  } catch (error) {
    if (error instanceof PreviewRefused) return { ok: false, message: error.message };
    throw error;
  }
}
