/**
 * Key fingerprint: the short text people compare to know a key (sheets-and-results.md): the
 * first 16 hex digits of the SHA-256 of the raw 32-byte public key, in groups of four
 * (`3f9a 0c11 7be2 d405`). The shaping is shared/sheet/fingerprint-text.ts; this hashes.
 */
import type { KeyObject } from 'node:crypto';
import { createHash } from 'node:crypto';
import { formatFingerprint } from '../../shared/sheet/fingerprint-text.ts';
import { rawPublicKey } from './expert-key.ts';

/** Fingerprint of raw public key bytes. */
export function fingerprintOfRaw(raw: Uint8Array): string {
  return formatFingerprint(createHash('sha256').update(raw).digest('hex'));
}

/** Fingerprint of `signature.publicKey` (standard base64 of the raw key). */
export function fingerprintOfBase64(publicKey: string): string {
  return fingerprintOfRaw(Buffer.from(publicKey, 'base64'));
}

/** Fingerprint of an Ed25519 key object (public or private). */
export function fingerprintOfKey(key: KeyObject): string {
  return fingerprintOfRaw(rawPublicKey(key));
}
