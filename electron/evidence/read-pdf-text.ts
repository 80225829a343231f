/**
 * Reading a PDF's text layer under a cap (pdf-text.ts in a resident capped worker, like the PDF
 * inspection): a PDF that makes pdf.js allocate without end or loop costs its text, not the
 * app. The thread stays for the next file, so searching every PDF of a package loads pdf.js
 * once. A file that hits a cap is `too-complex`.
 */
import { ResidentWorker } from '../files/resident-worker.ts';
import { taskModule, type WorkerCaps } from '../files/capped-worker.ts';
import type { PdfTextReading } from './pdf-text.ts';

export const pdfTextCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 120_000 };

export type CappedPdfText = PdfTextReading | { readonly kind: 'too-complex' };

let shared: ResidentWorker<{ bytes: Uint8Array }, PdfTextReading> | null = null;

export async function readPdfTextCapped(bytes: Uint8Array): Promise<CappedPdfText> {
  shared ??= new ResidentWorker({ module: taskModule(import.meta.url, 'pdf-text-task'), exportName: 'readPdfTextTask' }, pdfTextCaps);
  const outcome = await shared.run({ bytes });
  if (outcome.ok) return outcome.value;
  return outcome.reason === 'failed' ? { kind: 'damaged' } : { kind: 'too-complex' };
}

/** Ends the worker thread (tests; a later call starts a new one). */
export async function closePdfTextWorker(): Promise<void> {
  await shared?.close();
}
