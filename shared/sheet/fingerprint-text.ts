/**
 * Key fingerprint, as people read it (sheets-and-results.md "Signature").
 *
 * - fingerprint: the first 16 hex digits of the SHA-256 of an expert's raw 32-byte public key,
 *   lowercase, in four groups of four: `3f9a 0c11 7be2 d405`. The expert reads it out; the chair
 *   compares it with the sheet, the paper sign-in sheet or last time's import.
 *
 * Hashing needs node:crypto, so electron/experts/key-fingerprint.ts computes the digest and
 * this module only shapes it, for every layer that shows one.
 */

export const FINGERPRINT_PATTERN = /^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/;

/** `3f9a0c117be2d405…` (at least 16 hex digits of a SHA-256) → `3f9a 0c11 7be2 d405`. */
export function formatFingerprint(sha256Hex: string): string {
  const digits = sha256Hex.toLowerCase().slice(0, 16);
  if (!/^[0-9a-f]{16}$/.test(digits)) throw new RangeError('a fingerprint needs 16 hex digits');
  return digits.match(/.{4}/g)?.join(' ') ?? digits;
}
