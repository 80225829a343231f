/**
 * The displayed text of a spreadsheet file, sheet by sheet (shared/evidence/spreadsheet-text.ts),
 * for `alliance-review evidence --text` and the viewer's search. The file is read by the same
 * capped preview as the viewer's, so the text is what the viewer shows, under the same caps
 * (and the same limits: 500 rows, 50 columns, 20 sheets).
 */
import type { SpreadsheetFormat } from '../../../shared/api/evidence-preview-types.ts';
import { sheetsText, type SheetText } from '../../../shared/evidence/spreadsheet-text.ts';
import { readSpreadsheetPreview } from './read-spreadsheet-preview.ts';

export type SpreadsheetTextReading = { readonly ok: true; readonly sheets: SheetText[] } | { readonly ok: false; readonly message: string };

export async function spreadsheetText(bytes: Uint8Array, format: SpreadsheetFormat, fileName = '此文件'): Promise<SpreadsheetTextReading> {
  const reading = await readSpreadsheetPreview(bytes, format, fileName);
  return reading.ok ? { ok: true, sheets: sheetsText(reading.preview.sheets) } : { ok: false, message: reading.message };
}
