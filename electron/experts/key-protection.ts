/**
 * Key protection: how an expert's private key rests on disk (sheets-and-results.md: the key is
 * made on the expert's laptop and stays there).
 *
 * - passphrase seal: the PKCS #8 form of the private key encrypted with AES-256-GCM under a key
 *   derived from the expert's passphrase with scrypt (N = 2^15, r = 8, p = 1, a fresh 16-byte
 *   salt and 12-byte IV per seal). The associated data binds the seal to its expert and public
 *   key, so a sealed key moved to another profile's row does not open there.
 * - OS wrap: in the desktop shell, where Electron's safeStorage is available, the sealed bytes
 *   are wrapped once more by the operating system's keychain (`OsProtection`). It is an extra
 *   layer, never a replacement for the passphrase: experts share laptops and usually one OS
 *   account, so the OS alone would let one expert sign as another. The wrap keeps a copied
 *   database from being attacked offline on another machine.
 * - Passphrases are compared after Unicode NFC normalisation: an input method may compose the
 *   same characters differently on another day.
 */
import type { KeyObject } from 'node:crypto';
import { createCipheriv, createDecipheriv, createPrivateKey, randomBytes, scryptSync } from 'node:crypto';
import { assertEd25519 } from './expert-key.ts';

/** The operating system's protection of secrets (Electron safeStorage), supplied by the desktop shell. */
export interface OsProtection {
  protect(plain: Uint8Array): Buffer;
  unprotect(sealed: Uint8Array): Buffer;
}

const ENVELOPE_FORMAT = 'alliance-review/sealed-key';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
// 128 · N · r bytes are needed; Node's default limit is exactly that, so give room.
const SCRYPT_MAXMEM = 64 * 1024 * 1024;

interface Envelope {
  readonly format: typeof ENVELOPE_FORMAT;
  readonly version: 1;
  readonly kdf: { readonly name: 'scrypt'; readonly N: number; readonly r: number; readonly p: number; readonly salt: string };
  readonly cipher: { readonly name: 'aes-256-gcm'; readonly iv: string; readonly tag: string };
  readonly data: string;
}

/** The passphrase was wrong (or the sealed key was changed): nothing was unsealed. */
export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError';
  constructor() {
    super('口令不正确 (wrong passphrase)');
  }
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: SCRYPT_MAXMEM });
}

/** Seals a private key with the passphrase; `binding` is authenticated, not secret. */
export function sealPrivateKey(privateKey: KeyObject, passphrase: string, binding: string): Buffer {
  assertEd25519(privateKey);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = deriveKey(passphrase, salt, SCRYPT);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const data = Buffer.concat([cipher.update(der), cipher.final()]);
  const envelope: Envelope = {
    format: ENVELOPE_FORMAT,
    version: 1,
    kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  };
  return Buffer.from(JSON.stringify(envelope), 'utf8');
}

/** Opens a sealed key; throws WrongPassphraseError when the passphrase (or binding) is wrong. */
export function unsealPrivateKey(sealed: Uint8Array, passphrase: string, binding: string): KeyObject {
  const envelope = readEnvelope(sealed);
  const { N, r, p } = envelope.kdf;
  const key = deriveKey(passphrase, Buffer.from(envelope.kdf.salt, 'base64'), { N, r, p });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.cipher.iv, 'base64'));
  decipher.setAAD(Buffer.from(binding, 'utf8'));
  decipher.setAuthTag(Buffer.from(envelope.cipher.tag, 'base64'));
  let der: Buffer;
  try {
    der = Buffer.concat([decipher.update(Buffer.from(envelope.data, 'base64')), decipher.final()]);
  } catch {
    throw new WrongPassphraseError();
  }
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  assertEd25519(privateKey);
  return privateKey;
}

function readEnvelope(sealed: Uint8Array): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(sealed).toString('utf8'));
  } catch {
    throw new Error('sealed key is not an envelope');
  }
  const e = json as Partial<Envelope>;
  if (
    e.format !== ENVELOPE_FORMAT ||
    e.version !== 1 ||
    e.kdf?.name !== 'scrypt' ||
    e.cipher?.name !== 'aes-256-gcm' ||
    typeof e.data !== 'string' ||
    // A stored envelope must not be able to ask for a cheaper (or absurdly costly) derivation.
    e.kdf.N !== SCRYPT.N ||
    e.kdf.r !== SCRYPT.r ||
    e.kdf.p !== SCRYPT.p
  ) {
    throw new Error('sealed key envelope not understood');
  }
  return e as Envelope;
}
