/**
 * Reading a word-processor document safely: document-preview/ in a capped worker
 * (capped-worker.ts), as the Excel preview is read, so a document whose XML inflates to
 * gigabytes, or an RTF that takes a parser forever, costs its preview, never the shell. A
 * refused preview says why, in Chinese, for the viewer to show.
 *
 * - `readDocumentPreview`: the preview the viewer shows (previewers.ts keeps it as a rendition).
 * - `readDocumentText`: the document's whole text, headers and footers included, for search
 *   and `alliance-review evidence --text`.
 */
import type { DocumentFormat, DocumentPreview } from '../../shared/api/evidence-preview-types.ts';
import { runCapped, taskModule, type WorkerCaps } from '../files/capped-worker.ts';
import { previewRefusal, type PreviewRefusal } from './preview-refusal.ts';

export const documentPreviewCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 30_000 };

export type DocumentPreviewReading = { readonly ok: true; readonly preview: DocumentPreview } | PreviewRefusal;
export type DocumentTextReading = { readonly ok: true; readonly text: string } | PreviewRefusal;

/** The word for the file in a refusal: the format's family name as the expert knows it. */
function kindName(format: DocumentFormat): 'Word' | 'WPS' | 'RTF' | 'OpenDocument' {
  switch (format) {
    case 'docx':
    case 'doc':
      return 'Word';
    case 'wps':
    case 'et':
      return 'WPS';
    case 'rtf':
      return 'RTF';
    case 'odt':
      return 'OpenDocument';
  }
}

const task = (exportName: string) => ({ module: taskModule(import.meta.url, 'document-preview-task'), exportName });

export async function readDocumentPreview(bytes: Uint8Array, format: DocumentFormat, caps: WorkerCaps = documentPreviewCaps): Promise<DocumentPreviewReading> {
  const outcome = await runCapped<DocumentPreview>(task('previewDocument'), { bytes, format }, caps);
  if (outcome.ok) return { ok: true, preview: outcome.value };
  return previewRefusal(kindName(format), outcome.reason, caps);
}

export async function readDocumentText(bytes: Uint8Array, format: DocumentFormat, caps: WorkerCaps = documentPreviewCaps): Promise<DocumentTextReading> {
  const outcome = await runCapped<string>(task('textOfDocument'), { bytes, format }, caps);
  if (outcome.ok) return { ok: true, text: outcome.value };
  return previewRefusal(kindName(format), outcome.reason, caps);
}
