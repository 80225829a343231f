import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { generateExpertKeyPair, privateKeyFromPem, privateKeyToPem, publicKeyBase64, rawPublicKey } from '../../../electron/experts/expert-key.ts';
import { fingerprintOfBase64, fingerprintOfKey } from '../../../electron/experts/key-fingerprint.ts';
import { readSheetFile } from '../../../electron/sheets/read-sheet-file.ts';
import { SheetNotSignableError, signSheet } from '../../../electron/sheets/sign-sheet.ts';
import { verifySheet, verifySheetText } from '../../../electron/sheets/verify-sheet.ts';
import { writeSheetFile } from '../../../electron/sheets/write-sheet-file.ts';
import { FINGERPRINT_PATTERN } from '../../../shared/sheet/fingerprint-text.ts';
import type { Sheet } from '../../../shared/sheet/sheet-schema.ts';
import { sheetText } from '../../../shared/sheet/sheet-text.ts';
import { signingText } from '../../../shared/sheet/signing-text.ts';
import { makeExpert, makeSignedSheet, unsignedSheet } from '../../helpers/expert-sheet.ts';
import { pngDataUrl } from '../../helpers/png.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';

const tempDir = useTempDir('sheets-');

const pkg = {
  allianceId: 'HFA-012',
  digest: 'c'.repeat(64),
  claims: {
    'I1.office': { claimed: true, evidence: ['a.pdf'] },
    'I4.techContracts': { items: [{ id: 'tc-1', title: '技术合同', evidence: ['b.pdf'] }] },
    'I10.status': { value: 2.5 },
  },
};

function signed(expert = makeExpert()): Sheet {
  return makeSignedSheet(hefei, expert, [
    {
      package: pkg,
      decisions: { 'I1.office': { accept: false, reason: '无照片' }, 'I10.status': { value: 2.5, note: '写得清楚' } },
      overrides: { I2: { score: 3, reason: '仅有年度计划' } },
      comment: '总体良好',
    },
  ]);
}

describe('expert keys and fingerprints', () => {
  it('makes Ed25519 keys whose raw public key is 32 bytes, in standard base64 in the sheet', () => {
    const keys = generateExpertKeyPair();
    expect(rawPublicKey(keys.publicKey)).toHaveLength(32);
    expect(rawPublicKey(keys.privateKey)).toEqual(rawPublicKey(keys.publicKey));
    // The raw key is the last 32 bytes of the SPKI encoding.
    const spki = keys.publicKey.export({ format: 'der', type: 'spki' });
    expect(rawPublicKey(keys.publicKey)).toEqual(spki.subarray(spki.length - 32));
    expect(publicKeyBase64(keys.publicKey)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('prints the fingerprint as the first 16 hex digits of SHA-256(raw key) in groups of four', () => {
    const keys = generateExpertKeyPair();
    const hex = createHash('sha256').update(rawPublicKey(keys.publicKey)).digest('hex');
    const fingerprint = fingerprintOfKey(keys.publicKey);
    expect(fingerprint).toMatch(FINGERPRINT_PATTERN);
    expect(fingerprint).toBe(`${hex.slice(0, 4)} ${hex.slice(4, 8)} ${hex.slice(8, 12)} ${hex.slice(12, 16)}`);
    expect(fingerprintOfBase64(publicKeyBase64(keys.publicKey))).toBe(fingerprint);
  });

  it('gives a known fingerprint for a known key (RFC 8032 test 1 public key)', () => {
    const raw = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex');
    const hex = createHash('sha256').update(raw).digest('hex');
    expect(fingerprintOfBase64(raw.toString('base64'))).toBe(hex.slice(0, 16).replace(/(.{4})(?!$)/g, '$1 '));
    expect(fingerprintOfBase64(raw.toString('base64'))).toBe('21fe 31df a154 a261');
  });

  it('stores a private key as PKCS #8 PEM and reads it back', () => {
    const keys = generateExpertKeyPair();
    const pem = privateKeyToPem(keys.privateKey);
    expect(pem).toContain('BEGIN PRIVATE KEY');
    expect(fingerprintOfKey(privateKeyFromPem(pem))).toBe(fingerprintOfKey(keys.publicKey));
  });
});

describe('signSheet and verifySheet', () => {
  it('signs the canonical form and verifies, naming the expert and the fingerprint', () => {
    const expert = makeExpert('E07', '李华');
    const sheet = signed(expert);
    expect(sheet.signature.alg).toBe('Ed25519');
    expect(sheet.signature.publicKey).toBe(expert.publicKey);
    expect(Buffer.from(sheet.signature.value, 'base64')).toHaveLength(64);
    expect(verifySheet(sheet)).toEqual({
      ok: true,
      sheet,
      expert: { id: 'E07', name: '李华' },
      fingerprint: expert.fingerprint,
      problems: [],
    });
  });

  it('signs exactly the UTF-8 bytes of the JCS text (checked with an independent verifier)', async () => {
    const { verify } = await import('node:crypto');
    const expert = makeExpert();
    const sheet = signed(expert);
    const { signature: _s, ...rest } = sheet;
    const text = signingText(rest);
    expect(text.startsWith('{"expert":{"id":"E01","name":"王明"},"format":"alliance-review/sheet"')).toBe(true);
    expect(verify(null, Buffer.from(text, 'utf8'), expert.keys.publicKey, Buffer.from(sheet.signature.value, 'base64'))).toBe(true);
  });

  it('verifies whatever the layout: the sheet text, compact JSON, or re-ordered keys', () => {
    const sheet = signed();
    expect(verifySheetText(sheetText(sheet)).ok).toBe(true);
    expect(verifySheetText(JSON.stringify(sheet)).ok).toBe(true);
    const reordered = Object.fromEntries(Object.entries(sheet).reverse());
    expect(verifySheetText(JSON.stringify(reordered, null, 4)).ok).toBe(true);
    expect(verifySheetText(`\uFEFF${sheetText(sheet)}`).ok).toBe(true);
  });

  it('includes a hand signature in what is signed', () => {
    const expert = makeExpert();
    const sheet = makeSignedSheet(hefei, expert, [{ package: pkg }], { handSignature: pngDataUrl() });
    expect(verifySheet(sheet).ok).toBe(true);
    const changed = { ...sheet, expert: { ...sheet.expert, handSignature: pngDataUrl(3) } };
    expect(verifySheet(changed).problems).toMatchObject([{ code: 'signature-invalid' }]);
  });

  it.each<[string, (sheet: Sheet) => unknown]>([
    ['a changed decision', (s) => ({ ...s, reviews: [{ ...s.reviews[0], decisions: { ...s.reviews[0]?.decisions, 'I1.office': { accept: true } } }] })],
    ['a changed name', (s) => ({ ...s, expert: { ...s.expert, name: '王朋' } })],
    ['a changed year', (s) => ({ ...s, year: 2025 })],
    ['2.5 written as 2.50000001', (s) => JSON.parse(JSON.stringify(s).replace('"value":2.5', '"value":2.50000001')) as unknown],
    ['a removed override', (s) => ({ ...s, reviews: [{ ...s.reviews[0], overrides: {} }] })],
    ['an added note', (s) => ({ ...s, reviews: [{ ...s.reviews[0], comment: '总体良好。' }] })],
  ])('refuses %s (signature-invalid)', (_name, tamper) => {
    const result = verifySheet(tamper(signed()));
    expect(result.ok).toBe(false);
    expect(result.problems).toMatchObject([{ code: 'signature-invalid', path: 'signature.value' }]);
  });

  it('refuses a sheet re-signed under another key it does not carry', () => {
    const sheet = signed();
    const other = makeExpert();
    const result = verifySheet({ ...sheet, signature: { ...sheet.signature, publicKey: other.publicKey } });
    expect(result.ok).toBe(false);
    expect(result.fingerprint).toBe(other.fingerprint);
    expect(result.problems).toMatchObject([{ code: 'signature-invalid' }]);
  });

  it('refuses an all-zero signature', () => {
    const sheet = signed();
    const result = verifySheet({ ...sheet, signature: { ...sheet.signature, value: Buffer.alloc(64).toString('base64') } });
    expect(result.problems).toMatchObject([{ code: 'signature-invalid' }]);
  });

  it('refuses to sign a malformed sheet, listing the problems', () => {
    const expert = makeExpert();
    const bad = { ...unsignedSheet(hefei, expert, [{ package: pkg }]), year: 2026.5 };
    expect(() => signSheet(bad, expert.keys.privateKey)).toThrow(SheetNotSignableError);
    expect(() => signSheet(bad, expert.keys.privateKey)).toThrow(/year/);
  });

  it('refuses to sign with a public key', () => {
    const expert = makeExpert();
    expect(() => signSheet(unsignedSheet(hefei, expert, [{ package: pkg }]), expert.keys.publicKey)).toThrow();
  });
});

describe('verifySheetText', () => {
  it('refuses JSON that repeats a key, with line and column', () => {
    const text = sheetText(signed()).replace('"version": 1,', '"version": 1,\n  "version": 1,');
    const result = verifySheetText(text);
    expect(result.ok).toBe(false);
    expect(result.problems).toMatchObject([{ code: 'duplicate-key', line: 4, column: 3 }]);
  });

  it('refuses text that is not JSON', () => {
    expect(verifySheetText('{"format": ').problems).toMatchObject([{ code: 'not-json', line: 1 }]);
  });
});

describe('sheet files', () => {
  it('writes a sheet atomically and reads it back verified', async () => {
    const dir = tempDir();
    const path = join(dir, 'E01.sheet.json');
    const sheet = signed();
    await writeSheetFile(path, sheet);
    const text = await readFile(path, 'utf8');
    expect(text).toBe(sheetText(sheet));
    expect(text.endsWith('}\n')).toBe(true);
    expect((await readSheetFile(path)).verification).toMatchObject({ ok: true, expert: { id: 'E01' } });
  });

  it('detects a single changed byte in the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'E01.sheet.json');
    await writeSheetFile(path, signed());
    const bytes = await readFile(path);
    const at = bytes.indexOf(Buffer.from('无照片'));
    bytes[at + 2] = (bytes[at + 2] ?? 0) ^ 0x01; // still valid UTF-8: another character of the same block
    await writeFile(path, bytes);
    const { verification } = await readSheetFile(path);
    expect(verification.ok).toBe(false);
    expect(verification.problems).toMatchObject([{ code: 'signature-invalid' }]);
  });

  it.each<[string, Buffer | null, string]>([
    ['a missing file', null, 'file-unreadable'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'not-utf8'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'not-json'],
  ])('reports %s', async (_name, bytes, code) => {
    const dir = tempDir();
    const path = join(dir, 'x.sheet.json');
    if (bytes !== null) await writeFile(path, bytes);
    expect((await readSheetFile(path)).verification.problems).toMatchObject([{ code }]);
  });
});
