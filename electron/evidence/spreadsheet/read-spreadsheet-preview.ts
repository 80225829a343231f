/**
 * Reading a spreadsheet preview safely: spreadsheet-preview.ts in a capped worker
 * (capped-worker.ts), with the same kind of cap as the 自查表 reader, so an evidence file that
 * expands costs its preview, never the shell. A refused preview says why, in Chinese, for the
 * viewer to show.
 */
import type { SpreadsheetFormat, SpreadsheetPreview } from '../../../shared/api/evidence-preview-types.ts';
import { runCapped, taskModule, type WorkerCaps } from '../../files/capped-worker.ts';
import { previewRefusal, type PreviewRefusal } from '../preview-refusal.ts';
import type { SpreadsheetPreviewResult } from './spreadsheet-preview-task.ts';

export const spreadsheetPreviewCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 30_000 };

export type SpreadsheetPreviewReading = { readonly ok: true; readonly preview: SpreadsheetPreview } | PreviewRefusal;

export async function readSpreadsheetPreview(
  bytes: Uint8Array,
  format: SpreadsheetFormat,
  fileName: string,
  caps: WorkerCaps = spreadsheetPreviewCaps,
): Promise<SpreadsheetPreviewReading> {
  const outcome = await runCapped<SpreadsheetPreviewResult>(
    { module: taskModule(import.meta.url, 'spreadsheet-preview-task'), exportName: 'previewSpreadsheet' },
    { bytes, format, fileName },
    caps,
  );
  if (outcome.ok) return outcome.value;
  return previewRefusal(format === 'csv' ? 'CSV' : 'Excel', outcome.reason, caps);
}
