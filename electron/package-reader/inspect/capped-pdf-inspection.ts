/**
 * PDF inspection under a cap: pdf.js reads every PDF of every package the clerk imports, so a
 * crafted PDF that makes it allocate without end or loop must cost that file, not the app. It
 * runs in one resident capped worker (resident-worker.ts) kept for the next file, so the
 * library loads once, not once a file. A file that hits the cap is reported as damaged, with
 * the reason, and the experts are warned (`file-not-viewable`).
 */
import { ResidentWorker } from '../../files/resident-worker.ts';
import { taskModule, type WorkerCaps } from '../../files/capped-worker.ts';
import type { EvidenceBytes } from './evidence-bytes.ts';
import type { PdfInspection } from './pdf-inspection.ts';
import { assertNever } from '../../../shared/rubric/assert-never.ts';

export const pdfInspectionCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 60_000 };

let shared: ResidentWorker<{ source: EvidenceBytes }, PdfInspection> | null = null;

/** `source`: bytes (copied to the worker) or a stored file (the worker reads its ranges). */
export async function inspectPdfCapped(source: EvidenceBytes, caps?: WorkerCaps): Promise<PdfInspection> {
  const worker =
    caps === undefined
      ? (shared ??= new ResidentWorker({ module: taskModule(import.meta.url, 'pdf-inspection-task'), exportName: 'inspectPdfTask' }, pdfInspectionCaps))
      : new ResidentWorker<{ source: EvidenceBytes }, PdfInspection>({ module: taskModule(import.meta.url, 'pdf-inspection-task'), exportName: 'inspectPdfTask' }, caps);
  try {
    const outcome = await worker.run({ source });
    if (outcome.ok) return outcome.value;
    switch (outcome.reason) {
      case 'memory':
        return { kind: 'damaged', detail: '文件过于复杂，读取它所需的内存超过了上限' };
      case 'timeout':
        return { kind: 'damaged', detail: `文件过于复杂，${Math.round((caps ?? pdfInspectionCaps).timeoutMs / 1000)} 秒内没能读完` };
      case 'failed':
        return { kind: 'damaged', detail: '文件结构无法读取' };
      default:
        return assertNever(outcome.reason);
    }
  } finally {
    if (worker !== shared) await worker.close();
  }
}
