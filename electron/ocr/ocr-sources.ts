/**
 * Which stored files OCR reads, and where their page pictures come from: the seam
 * `(sha256) → page images`. The type is the one the file's content says (inspect-evidence.ts
 * on its first bytes), never its name.
 *
 * - PDF: its pages through pdf.js (a page with its own text is skipped page by page, so a
 *   document that is partly scanned is read where it needs it).
 * - JPEG, PNG, WebP, GIF, BMP: the file itself, one page, decoded by sharp.
 * - TIFF and HEIC: their page pictures, made by the converter that shows them in the viewer
 *   (image-pages-previewer.ts, kept as renditions), one a page.
 * - anything else: nothing to read (Word, Excel and text files carry their own text).
 * - a zip of the package: nothing of its own, but its scan members
 *   (electron/evidence/zip/zip-scan-members.ts) are files of their own here, each by its own
 *   hash, read from where the store keeps them (zip-member-file.ts).
 */
import { open, readFile } from 'node:fs/promises';
import { imagePagesConverter, imagePagesPreviewer } from '../evidence/image-pages-previewer.ts';
import { storedRendition } from '../evidence/renditions.ts';
import type { EvidenceType } from '../../shared/evidence/evidence-type.ts';
import { storedEvidencePath } from '../evidence/evidence-path.ts';
import { storedZipMember } from '../evidence/zip/zip-member-file.ts';
import { zipScanMembers } from '../evidence/zip/zip-scan-members.ts';
import { inspectEvidence } from '../package-reader/inspect-evidence.ts';
import type { OcrSource } from './ocr-task.ts';

export interface OcrSourceInput {
  readonly dataDir: string;
  readonly sha256: string;
  /** The stored file. */
  readonly file: string;
}

export type OcrSourceFinder = (input: OcrSourceInput) => Promise<OcrSource | null>;

const wholeFile: OcrSourceFinder = ({ file }) => Promise.resolve({ kind: 'image', file });

/**
 * A TIFF's pages or a HEIC photo: the page pictures the viewer shows (made once per content
 * hash by the image-pages converter, so OCR reads the pages upright as the expert sees them);
 * made here if nobody has opened the file yet. A file the converter refuses has nothing to read.
 */
const imagePages =
  (type: 'tiff' | 'heic'): OcrSourceFinder =>
  async ({ dataDir, sha256, file }) => {
    try {
      const preview = await imagePagesPreviewer(type)({ bytes: new Uint8Array(await readFile(file)), sha256, fileName: sha256, dataDir });
      const stored = storedRendition(dataDir, sha256, imagePagesConverter);
      const files = stored === null ? [] : preview.pages.map((page) => stored.file(page.image.name)).filter((path): path is string => path !== null);
      return files.length === 0 ? null : { kind: 'images', files };
    } catch {
      return null;
    }
  };

export const ocrSources: Partial<Record<EvidenceType, OcrSourceFinder>> = {
  pdf: ({ file }) => Promise.resolve({ kind: 'pdf', file }),
  jpeg: wholeFile,
  png: wholeFile,
  webp: wholeFile,
  gif: wholeFile,
  bmp: wholeFile,
  tiff: imagePages('tiff'),
  heic: imagePages('heic'),
};

const HEAD_BYTES = 4096;

/** The type a file's first bytes announce (no parsing of the rest). */
export async function headType(file: string): Promise<EvidenceType> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    // A size past the head makes the inspection tell the type from the head alone.
    return (await inspectEvidence({ path: '', bytes: head.subarray(0, bytesRead), size: bytesRead + 1 })).type;
  } finally {
    await handle.close();
  }
}

/** Where the page pictures of a stored file come from; null when OCR has nothing to read in it. */
export async function ocrSourceOf(dataDir: string, sha256: string): Promise<OcrSource | null> {
  const file = storedEvidencePath(dataDir, sha256) ?? storedZipMember(dataDir, sha256);
  if (file === null) return null;
  const finder = ocrSources[await headType(file)];
  return finder === undefined ? null : finder({ dataDir, sha256, file });
}

/** The hashes of the scan members of a stored zip (listed and kept once); none for any other file. */
export async function scanMembersOf(dataDir: string, sha256: string): Promise<string[]> {
  const file = storedEvidencePath(dataDir, sha256);
  if (file === null || (await headType(file)) !== 'zip') return [];
  return (await zipScanMembers(dataDir, sha256, file)).map((m) => m.sha256);
}
