/**
 * File features task: what the cross-check keeps of one evidence file (shared/integrity/
 * cross-check.ts `FileFeatures`), read from its bytes in a resident capped worker
 * (file-features.ts), because the bytes come from alliances.
 *
 * - images: decoded with sharp (libvips), turned upright by their EXIF orientation, reduced to
 *   32 × 32 grey levels for the perceptual hash; `limitInputPixels` refuses an image that
 *   claims more pixels than a camera makes, before it is decoded (libvips' memory is outside
 *   the worker's heap cap). The EXIF date taken by exifr, as written (no time zone guessed).
 * - PDFs: each page's text layer through pdf.js, the first `MAX_PAGES` pages, read by the
 *   package check's own inspection (pdf-inspection.ts), so the import opens a PDF once for
 *   both: fingerprint and identifiers of each page with text.
 * - other kinds: nothing yet (a Word file's text would come the same way).
 *
 * The bytes are in memory or a stored file (evidence-bytes.ts): sharp and exifr read a stored
 * file themselves, pdf.js by range, so a large file is never held here whole.
 */
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { FileFeatures, PageFeatures } from '../../shared/integrity/cross-check.ts';
import { extractIdentifiers } from '../../shared/integrity/identifiers.ts';
import { pageFingerprint } from '../../shared/integrity/page-fingerprint.ts';
import { HASH_SIZE, perceptualHash } from '../../shared/integrity/perceptual-hash.ts';
import { isStored, type EvidenceBytes } from '../package-reader/inspect/evidence-bytes.ts';
import { inspectPdf, type PdfInspection } from '../package-reader/inspect/pdf-inspection.ts';

export const MAX_PAGES = 1000;
/** 100 megapixels: more than any camera or scanner in the room makes. */
export const MAX_IMAGE_PIXELS = 100_000_000;

const imageTypes: ReadonlySet<EvidenceType> = new Set<EvidenceType>(['jpeg', 'png', 'gif', 'bmp', 'webp', 'tiff', 'heic']);

export interface FileFeaturesInput {
  readonly source: EvidenceBytes;
  readonly type: EvidenceType;
}

export async function fileFeaturesTask(input: FileFeaturesInput): Promise<FileFeatures> {
  if (imageTypes.has(input.type)) {
    return { pageCount: 1, imageHash: await imageHash(input.source), photoDate: await photoDate(input.source), pages: [] };
  }
  if (input.type === 'pdf') {
    const { pageCount, pages } = await pdfPages(input.source);
    return { pageCount, imageHash: null, photoDate: null, pages };
  }
  return { pageCount: null, imageHash: null, photoDate: null, pages: [] };
}

async function imageHash(source: EvidenceBytes): Promise<string | null> {
  const { default: sharp } = await import('sharp');
  // One thread and no cache: the worker holds one image at a time.
  sharp.concurrency(1);
  sharp.cache(false);
  try {
    const grey = await sharp(isStored(source) ? source.file : source, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'none' })
      .rotate()
      .greyscale()
      .resize(HASH_SIZE, HASH_SIZE, { fit: 'fill' })
      .raw()
      .toBuffer();
    return grey.length === HASH_SIZE * HASH_SIZE ? perceptualHash(grey) : null;
  } catch {
    // A format libvips cannot decode (a HEVC HEIC) or a damaged image: nothing to compare.
    return null;
  }
}

async function photoDate(source: EvidenceBytes): Promise<string | null> {
  const { default: exifr } = await import('exifr');
  try {
    // exifr reads a stored file's segments by range itself.
    const tags = (await exifr.parse(isStored(source) ? source.file : Buffer.from(source.buffer, source.byteOffset, source.byteLength), {
      pick: ['DateTimeOriginal', 'CreateDate'],
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
    const raw = tags?.['DateTimeOriginal'] ?? tags?.['CreateDate'];
    const match = typeof raw === 'string' ? /^(\d{4})[:-](\d{2})[:-](\d{2})/.exec(raw) : null;
    if (match === null) return null;
    const date = `${match[1] ?? ''}-${match[2] ?? ''}-${match[3] ?? ''}`;
    // A camera never set writes 0000:00:00; such a date says nothing.
    return Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || date.startsWith('0000') ? null : date;
  } catch {
    return null;
  }
}

/** What the importer asks of one file (import-features.ts). */
export type ImportFeaturesInput =
  | { readonly kind: 'pdf'; readonly source: EvidenceBytes; /** false: the inspection alone (features already kept). */ readonly features: boolean }
  | { readonly kind: 'image'; readonly source: EvidenceBytes; readonly type: EvidenceType };

export interface ImportFeatures {
  /** A PDF's inspection for the package check; null for an image. */
  readonly inspection: PdfInspection | null;
  /** null when not asked for. */
  readonly features: FileFeatures | null;
}

/**
 * What the importer reads of a file in one worker: for a PDF, the package check's inspection
 * (pdf-inspection.ts) and, from the same opening of the file, its pages' features, so a PDF is
 * opened once; for an image, its features.
 */
export async function importFeaturesTask(input: ImportFeaturesInput): Promise<ImportFeatures> {
  if (input.kind === 'image') return { inspection: null, features: await fileFeaturesTask({ source: input.source, type: input.type }) };
  if (!input.features) return { inspection: await inspectPdf(input.source), features: null };
  const { inspection, pageCount, pages } = await pdfPages(input.source);
  return { inspection, features: { pageCount, imageHash: null, photoDate: null, pages } };
}

async function pdfPages(source: EvidenceBytes): Promise<{ inspection: PdfInspection; pageCount: number | null; pages: PageFeatures[] }> {
  const texts: { page: number; text: string }[] = [];
  // Damaged or password-protected: no pages (the package check already says so).
  const inspection = await inspectPdf(source, { maxPages: MAX_PAGES, pageText: (page, text) => texts.push({ page, text }) });
  const pages = texts
    .filter((t) => t.text.trim() !== '')
    .map((t): PageFeatures => ({ page: t.page, fingerprint: pageFingerprint(t.text), identifiers: extractIdentifiers(t.text), text: 'document' }));
  return { inspection, pageCount: inspection.kind === 'ok' ? inspection.pages : null, pages };
}
