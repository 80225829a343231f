/**
 * Reading a Word preview safely: docx-preview.ts (mammoth) in a capped worker
 * (capped-worker.ts), as the Excel preview is read, so a document whose XML inflates to
 * gigabytes or takes mammoth forever costs its preview, never the shell. A refused preview
 * says why, in Chinese, for the viewer to show.
 */
import type { DocumentBlock } from '../../shared/api/evidence-preview-types.ts';
import { runCapped, taskModule, type WorkerCaps } from '../files/capped-worker.ts';
import { previewRefusal, type PreviewRefusal } from './preview-refusal.ts';

export const docxPreviewCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 30_000 };

export type DocxPreviewReading =
  | { readonly ok: true; readonly blocks: DocumentBlock[]; readonly truncated: boolean }
  | PreviewRefusal;

export async function readDocxPreview(bytes: Uint8Array, caps: WorkerCaps = docxPreviewCaps): Promise<DocxPreviewReading> {
  const outcome = await runCapped<{ blocks: DocumentBlock[]; truncated: boolean }>(
    { module: taskModule(import.meta.url, 'docx-preview-task'), exportName: 'previewDocx' },
    { bytes },
    caps,
  );
  if (outcome.ok) return { ok: true, ...outcome.value };
  return previewRefusal('Word', outcome.reason, caps);
}
