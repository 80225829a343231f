/**
 * Scan members: the files inside a zip of the package that have pages to read with OCR (PDFs,
 * photos, TIFF and HEIC scans), so the background OCR (electron/ocr/ocr-queue.ts) and the
 * searches read a scan inside a zip as they read one the package holds directly.
 *
 * - listed once per zip (a rendition of the zip, `zip-scans-v1/members.json`): each member's
 *   path inside the zip, its type by content and its own content hash. The zip's path is not in
 *   it: the same zip in two packages is listed once.
 * - bounded as the viewer opens members (zip-in-package.ts): the package's limits, each member
 *   within `maxPreviewBytes`, a zip larger than the reader inspects not opened, a zip in the
 *   zip not opened. A damaged zip has no scan members.
 * - never unpacked outside the store: each scan member's bytes are kept once by their own hash
 *   (zip-member-file.ts), where OCR reads them, so a scan loose and zipped is read once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { EvidenceType } from '../../../shared/evidence/evidence-type.ts';
import { AppError } from '../../errors/app-error.ts';
import { inspectEvidence } from '../../package-reader/inspect-evidence.ts';
import { defaultLimits } from '../../package-reader/limits.ts';
import { maxPreviewBytes } from '../previewers.ts';
import { rendition, storedRendition, type Converter } from '../renditions.ts';
import type { ZipInMemory } from '../../package-reader/inspect/zip-members.ts';
import { listMembers, openPackageZip } from './zip-in-package.ts';
import { storeZipMember } from './zip-member-file.ts';

export const zipScansConverter: Converter = { name: 'zip-scans', version: 1 };

export interface ScanMember {
  /** The member's path inside the zip. */
  readonly path: string;
  readonly sha256: string;
  readonly type: EvidenceType;
}

const scanTypes: ReadonlySet<EvidenceType> = new Set<EvidenceType>(['pdf', 'jpeg', 'png', 'webp', 'gif', 'bmp', 'tiff', 'heic']);

/** How much of a member is read to tell its type (as the zip's list does). */
const HEAD_BYTES = 64 * 1024;

async function listScanMembers(dataDir: string, zipFile: string): Promise<ScanMember[]> {
  if ((await stat(zipFile)).size > defaultLimits.maxInspectBytes) return [];
  let zip: ZipInMemory;
  try {
    zip = await openPackageZip(new Uint8Array(await readFile(zipFile)), '');
  } catch (error) {
    // A damaged zip, or a document that is a zip (OFD, Office): no members to read.
    if (error instanceof AppError) return [];
    throw error;
  }
  try {
    const members: ScanMember[] = [];
    for (const listed of listMembers(zip, defaultLimits, maxPreviewBytes)) {
      if (listed.refusal !== null) continue;
      const head = await zip.hashed(listed.member, HEAD_BYTES);
      if (head === null) continue;
      const { type } = await inspectEvidence({ path: listed.path, bytes: head.head, size: listed.member.size });
      if (!scanTypes.has(type)) continue;
      const bytes = await zip.read(listed.member, maxPreviewBytes);
      if (bytes === null) continue;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await storeZipMember(dataDir, sha256, type, bytes);
      members.push({ path: listed.path, sha256, type });
    }
    return members;
  } finally {
    zip.close();
  }
}

/** The scan members of the stored zip `zipSha256` (at `zipFile`), listed and kept once. */
export async function zipScanMembers(dataDir: string, zipSha256: string, zipFile: string): Promise<readonly ScanMember[]> {
  const made = await rendition(dataDir, zipSha256, zipScansConverter, async () => new Map([['members.json', JSON.stringify(await listScanMembers(dataDir, zipFile))]]));
  return JSON.parse((await made.read('members.json')).toString('utf8')) as ScanMember[];
}

// The list of a zip never changes (it is named by the zip's content): read once per process.
const known = new Map<string, readonly ScanMember[]>();

/**
 * The scan members of a file already listed by `zipScanMembers`; none when it was not (not a
 * zip, or not looked at yet). Synchronous and cached, for the packages screen's progress poll.
 */
export function listedZipScanMembers(dataDir: string, sha256: string): readonly ScanMember[] {
  const key = `${dataDir}\0${sha256}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const stored = storedRendition(dataDir, sha256, zipScansConverter);
  const file = stored?.file('members.json') ?? null;
  if (file === null) return [];
  const members = JSON.parse(readFileSync(file, 'utf8')) as ScanMember[];
  known.set(key, members);
  return members;
}
