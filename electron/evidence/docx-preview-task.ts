/**
 * Word preview task: docx-preview.ts as it runs in a capped worker (read-docx-preview.ts).
 * The blocks cross the thread as a structured clone; any failure as the worker's error.
 */
import { docxPreview } from './docx-preview.ts';

export function previewDocx(input: { readonly bytes: Uint8Array }): ReturnType<typeof docxPreview> {
  return docxPreview(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
}
