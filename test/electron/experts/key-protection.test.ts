import { sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealPrivateKey, unsealPrivateKey, WrongPassphraseError } from '../../../electron/experts/key-protection.ts';
import { generateExpertKeyPair, publicKeyBase64 } from '../../../electron/experts/expert-key.ts';

const binding = 'E01 key';

describe('sealing an expert key with a passphrase', () => {
  const keys = generateExpertKeyPair();
  const sealed = sealPrivateKey(keys.privateKey, '正确的口令 horse', binding);

  it('opens with the right passphrase and signs as the same key', () => {
    const opened = unsealPrivateKey(sealed, '正确的口令 horse', binding);
    expect(publicKeyBase64(opened)).toBe(publicKeyBase64(keys.publicKey));
    const message = Buffer.from('评分表');
    expect(verify(null, message, keys.publicKey, sign(null, message, opened))).toBe(true);
  });

  it('keeps no readable key material: neither the PEM nor the raw key appears in the sealed bytes', () => {
    const text = sealed.toString('utf8');
    expect(text).not.toContain('PRIVATE KEY');
    const raw = keys.privateKey.export({ format: 'jwk' }).d;
    expect(text).not.toContain(raw);
  });

  it.each([
    ['a wrong passphrase', '错误的口令 horse', binding],
    ['an empty passphrase', '', binding],
    ['the right passphrase for another profile', '正确的口令 horse', 'E02 key'],
  ])('refuses %s', (_label, passphrase, bindingUsed) => {
    expect(() => unsealPrivateKey(sealed, passphrase, bindingUsed)).toThrow(WrongPassphraseError);
  });

  it('accepts the passphrase typed in another Unicode normal form (NFD from an input method)', () => {
    const withAccent = sealPrivateKey(keys.privateKey, 'café-口令-2026', binding);
    expect(() => unsealPrivateKey(withAccent, 'café-口令-2026'.normalize('NFD'), binding)).not.toThrow();
  });

  it('refuses a sealed key whose ciphertext was changed', () => {
    const envelope = JSON.parse(sealed.toString('utf8')) as { data: string };
    const bytes = Buffer.from(envelope.data, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const changed = Buffer.from(JSON.stringify({ ...envelope, data: bytes.toString('base64') }));
    expect(() => unsealPrivateKey(changed, '正确的口令 horse', binding)).toThrow(WrongPassphraseError);
  });

  it('refuses an envelope that asks for a cheaper key derivation', () => {
    const envelope = JSON.parse(sealed.toString('utf8')) as { kdf: { N: number } };
    const cheaper = Buffer.from(JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, N: 2 } }));
    expect(() => unsealPrivateKey(cheaper, '正确的口令 horse', binding)).toThrow(/not understood/);
  });

  it('uses a fresh salt and IV each time: two seals of one key differ', () => {
    expect(sealPrivateKey(keys.privateKey, 'p', binding).equals(sealPrivateKey(keys.privateKey, 'p', binding))).toBe(false);
  });
});
