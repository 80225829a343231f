/**
 * Evidence files are kept once each, named by the SHA-256 of their bytes, under
 * `<data>/evidence/<first two hex digits>/<hash>`. The renderer names a file only by its
 * hash; a hash is 64 lowercase hex digits, so no request can name a path outside the store.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const hashPattern = /^[0-9a-f]{64}$/;

export function isContentHash(value: string): boolean {
  return hashPattern.test(value);
}

export function evidenceDir(dataDir: string): string {
  return join(dataDir, 'evidence');
}

/** The stored file of `hash`, or null when the hash is malformed or nothing is stored under it. */
export function storedEvidencePath(dataDir: string, hash: string): string | null {
  if (!isContentHash(hash)) return null;
  const file = join(evidenceDir(dataDir), hash.slice(0, 2), hash);
  return existsSync(file) ? file : null;
}

/** Content type from the first bytes: the store keeps bytes, not names, and must not trust an extension. */
export function sniffContentType(head: Uint8Array): string {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) return 'image/webp';
  return 'application/octet-stream';
}
