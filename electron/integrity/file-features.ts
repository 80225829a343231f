/**
 * File features under a cap (file-features-task.ts in one resident capped worker, like the PDF
 * inspection: sharp and pdf.js load once for file after file), merged with the page texts OCR
 * found, which come from outside (`withOcrPages`): the OCR store gives them to the app's check,
 * the command line reads them itself (read-checked-packages.ts).
 *
 * A file that hits the cap has no features: nothing of it is compared, and the package check
 * has already warned about a file that cannot be read.
 *
 * OCR text stands in for pages without a text layer. Its identifiers count for same-identifier
 * findings but never for check-character findings (the page is marked `ocr`): a misread
 * character is the OCR's error, not the alliance's.
 */
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { FileFeatures, PageFeatures } from '../../shared/integrity/cross-check.ts';
import { extractIdentifiers } from '../../shared/integrity/identifiers.ts';
import { pageFingerprint } from '../../shared/integrity/page-fingerprint.ts';
import { taskModule, type WorkerCaps } from '../files/capped-worker.ts';
import { ResidentWorker } from '../files/resident-worker.ts';
import { inspectPdfCapped, pdfInspectionCaps } from '../package-reader/inspect/capped-pdf-inspection.ts';
import type { EvidenceBytes } from '../package-reader/inspect/evidence-bytes.ts';
import type { PdfInspection } from '../package-reader/inspect/pdf-inspection.ts';
import type { FileFeaturesInput, ImportFeatures, ImportFeaturesInput } from './file-features-task.ts';

/** Features by content hash: a Map in the CLI, the feature table in the app (feature-store.ts). */
export interface FeatureCache {
  get(sha256: string): FileFeatures | undefined;
  set(sha256: string, features: FileFeatures): void;
}

export const fileFeaturesCaps: WorkerCaps = { maxOldGenerationSizeMb: 512, timeoutMs: 120_000 };

/** One page's text as OCR read it (the shape of electron/ocr's `OcrPage`, as much as is used here). */
export interface OcrPageText {
  readonly page: number;
  readonly text: string;
}

export const noFeatures: FileFeatures = { pageCount: null, imageHash: null, photoDate: null, pages: [] };

let shared: ResidentWorker<FileFeaturesInput, FileFeatures> | null = null;

/** The features of one file: its bytes (copied to the worker) or its stored file (read there). */
export async function readFileFeatures(source: EvidenceBytes, type: EvidenceType): Promise<FileFeatures> {
  shared ??= new ResidentWorker<FileFeaturesInput, FileFeatures>({ module: taskModule(import.meta.url, 'file-features-task'), exportName: 'fileFeaturesTask' }, fileFeaturesCaps);
  const outcome = await shared.run({ source, type });
  return outcome.ok ? outcome.value : noFeatures;
}

let importing: ResidentWorker<ImportFeaturesInput, ImportFeatures> | null = null;

/**
 * The importer's worker (file-features-task.ts `importFeaturesTask`), one thread for the PDFs'
 * inspection and every file's features, under the PDF inspection's caps. A PDF that hits them
 * is inspected again as it would have been alone (capped-pdf-inspection.ts, which reports the
 * cap); a file that hits them gets no features here, and the cross-check reads it later under
 * its own caps.
 */
function importWorker(): ResidentWorker<ImportFeaturesInput, ImportFeatures> {
  importing ??= new ResidentWorker<ImportFeaturesInput, ImportFeatures>({ module: taskModule(import.meta.url, 'file-features-task'), exportName: 'importFeaturesTask' }, pdfInspectionCaps);
  return importing;
}

/** A PDF's inspection for the package check and, when `features`, its features from the same opening. */
export async function inspectPdfWithFeatures(source: EvidenceBytes, features: boolean): Promise<{ inspection: PdfInspection; features: FileFeatures | null }> {
  const outcome = await importWorker().run({ kind: 'pdf', source, features });
  return outcome.ok && outcome.value.inspection !== null ? { inspection: outcome.value.inspection, features: outcome.value.features } : { inspection: await inspectPdfCapped(source), features: null };
}

/** An image's features as the importer reads them, or null when it hit the caps. */
export async function importImageFeatures(source: EvidenceBytes, type: EvidenceType): Promise<FileFeatures | null> {
  const outcome = await importWorker().run({ kind: 'image', source, type });
  return outcome.ok ? outcome.value.features : null;
}

/** Ends the workers (a command that is done; the next call starts new ones). */
export async function closeFileFeatures(): Promise<void> {
  const workers = [shared, importing];
  shared = null;
  importing = null;
  await Promise.all(workers.map((w) => w?.close()));
}

/** The features with OCR pages added where the document has no text of its own. */
export function withOcrPages(features: FileFeatures, ocr: readonly OcrPageText[] | null): FileFeatures {
  if (ocr === null || ocr.length === 0) return features;
  const own = new Set(features.pages.map((p) => p.page));
  const added: PageFeatures[] = ocr
    .filter((p) => !own.has(p.page) && p.text.trim() !== '')
    .map((p) => ({ page: p.page, fingerprint: pageFingerprint(p.text), identifiers: extractIdentifiers(p.text), text: 'ocr' as const }));
  if (added.length === 0) return features;
  return { ...features, pages: [...features.pages, ...added].sort((a, b) => a.page - b.page) };
}
