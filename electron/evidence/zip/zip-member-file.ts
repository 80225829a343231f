/**
 * A zip member kept in the store: the bytes of a file inside a zip of the package, written once
 * as a rendition named by the member's own content hash (`<sha256>/zip-member-v1/file.<ext>`),
 * so the viewer can serve it, the search and OCR can read it from disk like a stored file, and
 * the same file in two zips (or loose and zipped) is kept once. It is written only inside the
 * store's renditions, never beside the package or in a temporary folder.
 */
import type { EvidenceType } from '../../../shared/evidence/evidence-type.ts';
import { rendition, storedRendition, type Converter } from '../renditions.ts';

export const zipMemberConverter: Converter = { name: 'zip-member', version: 1 };

/** The extension a member of this type is served by (the viewer's PDF and image types keep theirs). */
const extensions: Partial<Record<EvidenceType, string>> = { pdf: 'pdf', jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', bmp: 'bmp', tiff: 'tif', heic: 'heic' };

export function zipMemberFileName(type: EvidenceType): string {
  return `file.${extensions[type] ?? type}`;
}

/** Keeps the member's bytes (once per hash) and says where they are on disk. */
export async function storeZipMember(dataDir: string, sha256: string, type: EvidenceType, bytes: Uint8Array): Promise<string> {
  const name = zipMemberFileName(type);
  const made = await rendition(dataDir, sha256, zipMemberConverter, () => Promise.resolve(new Map([[name, bytes]])));
  // The same hash is the same bytes, hence the same type and name, whoever stored it first.
  const file = made.file(name) ?? made.names.map((n) => made.file(n)).find((f) => f !== null);
  if (file === undefined || file === null) throw new Error(`zip member ${sha256} has no stored file`);
  return file;
}

/** The stored member with this hash on disk; null when no zip member with it was kept. */
export function storedZipMember(dataDir: string, sha256: string): string | null {
  const stored = storedRendition(dataDir, sha256, zipMemberConverter);
  const name = stored?.names.find((n) => n.startsWith('file.'));
  return stored === null || name === undefined ? null : stored.file(name);
}
