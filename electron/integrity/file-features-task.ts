/**
 * File features task: what the cross-check keeps of one evidence file (shared/integrity/
 * cross-check.ts `FileFeatures`), read from its bytes in a resident capped worker
 * (file-features.ts), because the bytes come from alliances.
 *
 * - images: decoded with sharp (libvips), turned upright by their EXIF orientation, reduced to
 *   32 × 32 grey levels for the perceptual hash; `limitInputPixels` refuses an image that
 *   claims more pixels than a camera makes, before it is decoded (libvips' memory is outside
 *   the worker's heap cap). The EXIF date taken by exifr, as written (no time zone guessed).
 * - PDFs: each page's text layer through pdf.js (the same legacy build the inspection uses),
 *   the first `MAX_PAGES` pages: fingerprint and identifiers of each page with text.
 * - other kinds: nothing yet (a Word file's text would come the same way).
 */
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import type { FileFeatures, PageFeatures } from '../../shared/integrity/cross-check.ts';
import { extractIdentifiers } from '../../shared/integrity/identifiers.ts';
import { pageFingerprint } from '../../shared/integrity/page-fingerprint.ts';
import { HASH_SIZE, perceptualHash } from '../../shared/integrity/perceptual-hash.ts';

export const MAX_PAGES = 1000;
/** 100 megapixels: more than any camera or scanner in the room makes. */
export const MAX_IMAGE_PIXELS = 100_000_000;

const imageTypes: ReadonlySet<EvidenceType> = new Set<EvidenceType>(['jpeg', 'png', 'gif', 'bmp', 'webp', 'tiff', 'heic']);

export interface FileFeaturesInput {
  readonly bytes: Uint8Array;
  readonly type: EvidenceType;
}

export async function fileFeaturesTask(input: FileFeaturesInput): Promise<FileFeatures> {
  if (imageTypes.has(input.type)) {
    return { pageCount: 1, imageHash: await imageHash(input.bytes), photoDate: await photoDate(input.bytes), pages: [] };
  }
  if (input.type === 'pdf') return { imageHash: null, photoDate: null, ...(await pdfPages(input.bytes)) };
  return { pageCount: null, imageHash: null, photoDate: null, pages: [] };
}

async function imageHash(bytes: Uint8Array): Promise<string | null> {
  const { default: sharp } = await import('sharp');
  // One thread and no cache: the worker holds one image at a time.
  sharp.concurrency(1);
  sharp.cache(false);
  try {
    const grey = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'none' })
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

async function photoDate(bytes: Uint8Array): Promise<string | null> {
  const { default: exifr } = await import('exifr');
  try {
    const tags = (await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
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

async function pdfPages(bytes: Uint8Array): Promise<{ pageCount: number | null; pages: PageFeatures[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const pages: PageFeatures[] = [];
  let pageCount: number | null = null;
  try {
    const document = await task.promise;
    pageCount = document.numPages;
    for (let n = 1; n <= Math.min(document.numPages, MAX_PAGES); n += 1) {
      let text = '';
      try {
        const page = await document.getPage(n);
        const content = await page.getTextContent();
        for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
        page.cleanup();
      } catch {
        continue; // A page that cannot be read has no text to compare.
      }
      if (text.trim() === '') continue;
      pages.push({ page: n, fingerprint: pageFingerprint(text), identifiers: extractIdentifiers(text), text: 'document' });
    }
  } catch {
    // Damaged or password-protected: the package check already says so.
  } finally {
    await task.destroy();
  }
  return { pageCount, pages };
}
