/**
 * PDF inspection task: pdf-inspection.ts as it runs in a resident capped worker
 * (capped-pdf-inspection.ts).
 */
import { inspectPdf, type PdfInspection } from './pdf-inspection.ts';

export function inspectPdfTask(input: { readonly bytes: Uint8Array }): Promise<PdfInspection> {
  return inspectPdf(input.bytes);
}
