/**
 * Expert keys: the Ed25519 key pair that signs an expert's sheets (sheets-and-results.md).
 *
 * - key pair: made on the expert's laptop, where the private key stays; only the public key
 *   travels, inside every sheet.
 * - raw public key: the 32 bytes of the Ed25519 public key (RFC 8032), carried in a sheet as
 *   standard base64 (`signature.publicKey`) and hashed for the fingerprint.
 * - PEM: how a private key is stored on the laptop (PKCS #8); the app decides where.
 */
import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';

export interface ExpertKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export const RAW_PUBLIC_KEY_BYTES = 32;

export function generateExpertKeyPair(): ExpertKeyPair {
  return generateKeyPairSync('ed25519');
}

/** The raw 32-byte public key of an Ed25519 public or private key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  assertEd25519(publicKey);
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new TypeError('Ed25519 key without x');
  return Buffer.from(jwk.x, 'base64url');
}

/** Standard base64 of the raw public key, as `signature.publicKey` carries it. */
export function publicKeyBase64(key: KeyObject): string {
  return rawPublicKey(key).toString('base64');
}

/**
 * The public key from its raw 32 bytes, or null when they are not one. Node accepts any 32
 * bytes as an Ed25519 key; bytes that are no point on the curve simply never verify.
 */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject | null {
  if (raw.length !== RAW_PUBLIC_KEY_BYTES) return null;
  try {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
      format: 'jwk',
    });
  } catch {
    return null;
  }
}

export function privateKeyToPem(privateKey: KeyObject): string {
  assertEd25519(privateKey);
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function privateKeyFromPem(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  assertEd25519(key);
  return key;
}

export function assertEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 key, got ${String(key.asymmetricKeyType)}`);
  }
}
