/**
 * PDF inspection task: pdf-inspection.ts as it runs in a resident capped worker
 * (capped-pdf-inspection.ts).
 */
import type { EvidenceBytes } from './evidence-bytes.ts';
import { inspectPdf, type PdfInspection } from './pdf-inspection.ts';

export function inspectPdfTask(input: { readonly source: EvidenceBytes }): Promise<PdfInspection> {
  return inspectPdf(input.source);
}
