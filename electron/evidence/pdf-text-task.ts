/**
 * PDF text task: pdf-text.ts as it runs in a resident capped worker (read-pdf-text.ts).
 */
import { readPdfText, type PdfTextReading } from './pdf-text.ts';

export function readPdfTextTask(input: { readonly bytes: Uint8Array }): Promise<PdfTextReading> {
  return readPdfText(input.bytes);
}
