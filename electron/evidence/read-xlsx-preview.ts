/**
 * Reading an Excel preview safely: xlsx-preview.ts in a capped worker (capped-worker.ts), with
 * the same kind of cap as the 自查表 reader, so an evidence file that expands costs its
 * preview, never the shell. A refused preview says why, in Chinese, for the viewer to show.
 */
import { runCapped, taskModule, type WorkerCaps } from '../files/capped-worker.ts';
import { previewRefusal, type PreviewRefusal } from './preview-refusal.ts';
import type { SheetPreview } from './xlsx-preview.ts';
import type { XlsxPreviewResult } from './xlsx-preview-task.ts';

export const xlsxPreviewCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 30_000 };

export type XlsxPreviewReading = { readonly ok: true; readonly sheets: SheetPreview[] } | PreviewRefusal;

export async function readXlsxPreview(bytes: Uint8Array, fileName: string, caps: WorkerCaps = xlsxPreviewCaps): Promise<XlsxPreviewReading> {
  const outcome = await runCapped<XlsxPreviewResult>(
    { module: taskModule(import.meta.url, 'xlsx-preview-task'), exportName: 'previewXlsx' },
    { bytes, fileName },
    caps,
  );
  if (outcome.ok) return outcome.value;
  return previewRefusal('Excel', outcome.reason, caps);
}
