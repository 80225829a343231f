import { spawnSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadShippedFonts } from '../../../electron/export/fonts/shipped-fonts.ts';
import { renderResultPdf } from '../../../electron/export/pdf/result-pdf.ts';
import { buildDetachedSignature } from '../../../electron/export/signing/cms-signed-data.ts';
import { localSigner } from '../../../electron/export/signing/local-certificate.ts';
import { signerFromPkcs12 } from '../../../electron/export/signing/pkcs12-signer.ts';
import type { ResultSigner } from '../../../electron/export/signing/result-signer.ts';
import { checkSigner, SignerError, summarizeCertificate } from '../../../electron/export/signing/result-signer.ts';
import { signPdf } from '../../../electron/export/signing/sign-pdf.ts';
import { verifyPdfSignature } from '../../../electron/export/signing/verify-pdf-signature.ts';
import { openssl, opensslVerify, pdfsig } from './pdf-tools.ts';

const BUREAU = '合肥市科学技术局';
// A minute ahead: the certificates below are made after this line runs, valid from the second
// they are made, so "now" taken before them could fall a second before their validity.
const NOW = new Date(Date.now() + 60_000);

let dir: string;
let certificatePem: string;
let keyPem: string;
let unsigned: Buffer;

function run(args: readonly string[]): void {
  const result = openssl(args);
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'result-signing-'));
  // The bureau's certificate as a CA would issue it: UTF8String names in Chinese.
  run([
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-subj', `/C=CN/O=${BUREAU}/CN=${BUREAU}`,
    '-days', '365', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ]);
  certificatePem = readFileSync(join(dir, 'cert.pem'), 'utf8');
  keyPem = readFileSync(join(dir, 'key.pem'), 'utf8');
  run(['pkcs12', '-export', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'), '-out', join(dir, 'bureau.p12'), '-passout', 'pass:s3cret']);
  run(['pkcs12', '-export', '-legacy', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'), '-out', join(dir, 'legacy.p12'), '-passout', 'pass:s3cret']);
  run(['pkcs12', '-export', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'), '-out', join(dir, 'chinese-password.p12'), '-passout', 'pass:密码123']);
  const rendered = await renderResultPdf(
    loadShippedFonts(),
    { title: '考核结果汇总表', year: 2026, meetingName: '测试会议', resultDigest: 'a'.repeat(64), generatedAt: NOW, layout: 'portrait', signerName: BUREAU },
    (canvas) => canvas.paragraph('专家 刘䶮、𠮷田春华、张喆', { size: 12 }),
  );
  unsigned = rendered.bytes;
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The issuer name's DER as the certificate holds it: tbsCertificate's field after [0] version, serial and algorithm. */
function issuerBytes(certificate: Uint8Array): Buffer {
  const tbs = (asn1js.fromBER(certificate).result as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
  return Buffer.from(tbs.valueBlock.value[3]!.valueBeforeDecodeView);
}

function bureauSigner(): ResultSigner {
  return { origin: 'bureau', certificate: new X509Certificate(certificatePem).raw, privateKey: createPrivateKey(keyPem), chain: [] };
}

describe('CMS signatures of a certificate with a Chinese name (CN=合肥市科学技术局)', () => {
  it('node-forge PKCS#7 names an issuer the certificate does not have; ours copies it byte for byte', () => {
    const content = Buffer.from('the signed bytes of a PDF');
    writeFileSync(join(dir, 'content.bin'), content);
    const certificate = forge.pki.certificateFromPem(certificatePem);
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content.toString('binary'));
    p7.addCertificate(certificate);
    p7.addSigner({
      key: forge.pki.privateKeyFromPem(keyPem),
      certificate,
      digestAlgorithm: forge.pki.oids['sha256'] ?? '',
      authenticatedAttributes: [
        { type: forge.pki.oids['contentType'] ?? '', value: forge.pki.oids['data'] ?? '' },
        { type: forge.pki.oids['messageDigest'] ?? '' },
      ],
    });
    p7.sign({ detached: true });
    writeFileSync(join(dir, 'forge.der'), Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary'));
    const args = (file: string) => [
      'cms', '-verify', '-inform', 'DER', '-in', join(dir, file), '-content', join(dir, 'content.bin'), '-binary',
      '-CAfile', join(dir, 'cert.pem'), '-purpose', 'any', '-out', join(dir, 'out.bin'),
    ];
    const forgeCheck = openssl(args('forge.der'));
    expect(forgeCheck.status).not.toBe(0);
    expect(forgeCheck.stderr).toContain('signer certificate not found');

    const ours = buildDetachedSignature(content, bureauSigner(), NOW);
    writeFileSync(join(dir, 'ours.der'), ours);
    expect(ours.includes(issuerBytes(bureauSigner().certificate))).toBe(true);
    const oursCheck = openssl(args('ours.der'));
    expect(oursCheck.stderr).toContain('Verification successful');
  });

  it('signs a PDF that pdfsig shows valid, signed by 合肥市科学技术局, over the whole document', async () => {
    const signed = await signPdf(unsigned, bureauSigner(), NOW);
    const path = join(dir, 'bureau.pdf');
    writeFileSync(path, signed);
    const check = pdfsig(path);
    expect(check.valid, check.text).toBe(true);
    expect(check.wholeDocument).toBe(true);
    expect(check.commonName).toBe(BUREAU);
    expect(check.text).toContain('adbe.pkcs7.detached');
    expect(opensslVerify(signed, certificatePem, dir).ok).toBe(true);
    const ours = verifyPdfSignature(signed);
    expect(ours.ok).toBe(true);
    expect(ours.signer?.commonName).toBe(BUREAU);
    expect(ours.signer?.selfSigned).toBe(true);
  });
});

describe('the bureau certificate from a PKCS#12 file', () => {
  it.each([
    ['OpenSSL 3 (AES-256, PBKDF2)', 'bureau.p12'],
    ['legacy (3DES and RC2, as Windows and OpenSSL 1.x export)', 'legacy.p12'],
  ])('opens %s and signs with the very certificate of the file', async (_name, file) => {
    const signer = signerFromPkcs12(readFileSync(join(dir, file)), 's3cret');
    expect(signer.origin).toBe('bureau');
    expect(signer.certificate.equals(new X509Certificate(certificatePem).raw)).toBe(true);
    checkSigner(signer, NOW);
    const signed = await signPdf(unsigned, signer, NOW);
    expect(verifyPdfSignature(signed).ok).toBe(true);
    const path = join(dir, `from-${file}.pdf`);
    writeFileSync(path, signed);
    expect(pdfsig(path).valid).toBe(true);
  });

  it('says so when the password is wrong, or not ASCII on an AES-encrypted file', () => {
    expect(() => signerFromPkcs12(readFileSync(join(dir, 'bureau.p12')), 'wrong')).toThrow(/证书密码不对/);
    expect(() => signerFromPkcs12(readFileSync(join(dir, 'chinese-password.p12')), '密码123')).toThrow(/只含字母、数字的密码/);
    expect(() => signerFromPkcs12(Buffer.from('not a certificate'), 'x')).toThrow(SignerError);
  });

  it.each([
    ['legacy', ['-legacy']],
    ['AES', []],
  ])('refuses an ECDSA certificate (%s encryption) with the only-RSA message, not a stack trace', (_label, extra) => {
    const ec = mkdtempSync(join(tmpdir(), 'result-signing-ec-'));
    try {
      run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=EC', '-days', '30',
        '-keyout', join(ec, 'key.pem'), '-out', join(ec, 'cert.pem')]);
      run(['pkcs12', '-export', ...extra, '-inkey', join(ec, 'key.pem'), '-in', join(ec, 'cert.pem'), '-out', join(ec, 'ec.p12'), '-passout', 'pass:s3cret']);
      let thrown: unknown;
      try {
        signerFromPkcs12(readFileSync(join(ec, 'ec.p12')), 's3cret');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SignerError);
      expect((thrown as Error).message).toMatch(/只支持 RSA/);
    } finally {
      rmSync(ec, { recursive: true, force: true });
    }
  });
});

describe('the local certificate', () => {
  it('is made once, kept in the data folder with a private key only its owner reads, and reused', async () => {
    const data = join(dir, 'data');
    const first = await localSigner(data, { now: NOW });
    const again = await localSigner(data, { now: NOW });
    expect(again.certificate.equals(first.certificate)).toBe(true);
    expect(statSync(join(data, 'result-signing', 'private-key.pem')).mode & 0o777).toBe(0o600);
    const summary = summarizeCertificate(first.certificate);
    expect(summary.commonName).toBe(`${BUREAU} 考核结果签名（本机自签名）`);
    expect(summary.selfSigned).toBe(true);
    expect(first.privateKey.asymmetricKeyType).toBe('rsa');
    expect(first.privateKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    checkSigner(first, NOW);
    const later = new Date(NOW);
    later.setUTCFullYear(later.getUTCFullYear() + 11);
    expect(() => checkSigner(first, later)).toThrow(/证书不在有效期内/);
    // openssl reads the certificate as we describe it.
    const text = spawnSync('openssl', ['x509', '-noout', '-subject', '-nameopt', 'utf8'], { input: readFileSync(join(data, 'result-signing', 'certificate.pem')), encoding: 'utf8' });
    expect(text.stdout).toContain(`CN=${BUREAU} 考核结果签名（本机自签名）`);
  });
});

describe('verifying a result PDF', () => {
  it('refuses an unsigned PDF, and one with bytes appended after signing', async () => {
    expect(verifyPdfSignature(unsigned).problems[0]).toContain('没有数字签名');
    const signed = await signPdf(unsigned, bureauSigner(), NOW);
    const path = join(dir, 'appended.pdf');
    writeFileSync(path, signed);
    appendFileSync(path, '\n% an incremental update would go here\n');
    const report = verifyPdfSignature(readFileSync(path));
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toContain('签名没有覆盖整个文件');
    expect(pdfsig(path).wholeDocument).toBe(false);
  });
});
