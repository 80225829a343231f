/**
 * Result signer: the certificate and private key that sign result PDFs.
 *
 * - bureau certificate: the 合肥市科学技术局 certificate the clerk imports as a PKCS#12 file
 *   (pkcs12-signer.ts); its issuer is a certification authority.
 * - local certificate: when there is none, a self-signed certificate made once on this computer
 *   and kept in the data folder (local-certificate.ts). Nobody else vouches for it, so its
 *   fingerprint is printed on the summary sheet: a reader compares that with what
 *   `alliance-review verify` or a PDF viewer shows.
 * - certificate fingerprint: SHA-256 of the certificate's DER bytes, as `openssl x509
 *   -fingerprint -sha256` and PDF viewers print it (`29:CC:86:…`).
 * - chain: further certificates (intermediate CAs) carried in the signature so a verifier can
 *   build the path to a CA it trusts.
 */
import type { KeyObject } from 'node:crypto';
import { X509Certificate } from 'node:crypto';

export type SignerOrigin = 'bureau' | 'local';

export interface ResultSigner {
  readonly origin: SignerOrigin;
  /** DER of the signing certificate. */
  readonly certificate: Buffer;
  readonly privateKey: KeyObject;
  /** DER of further certificates of the chain (may be empty). */
  readonly chain: readonly Buffer[];
}

export interface CertificateSummary {
  /** The subject's common name (CN), or the whole subject when it has none. */
  readonly commonName: string;
  /** Subject and issuer as `C=CN, O=…, CN=…`. */
  readonly subject: string;
  readonly issuer: string;
  readonly selfSigned: boolean;
  /** `29:CC:86:…` (SHA-256 of the DER). */
  readonly fingerprint: string;
  /** Hex, upper case, as viewers show it. */
  readonly serialNumber: string;
  readonly validFrom: Date;
  readonly validTo: Date;
}

function nameText(lines: string): string {
  return lines.split('\n').filter((line) => line !== '').join(', ');
}

export function summarizeCertificate(der: Uint8Array): CertificateSummary {
  const certificate = new X509Certificate(der);
  const commonName = certificate.subject
    .split('\n')
    .find((line) => line.startsWith('CN='))
    ?.slice(3);
  return {
    commonName: commonName ?? nameText(certificate.subject),
    subject: nameText(certificate.subject),
    issuer: nameText(certificate.issuer),
    selfSigned: certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey),
    fingerprint: certificate.fingerprint256,
    serialNumber: certificate.serialNumber.toUpperCase(),
    validFrom: certificate.validFromDate,
    validTo: certificate.validToDate,
  };
}

/** Refuses a signer whose key is not the certificate's, or whose certificate has expired. */
export function checkSigner(signer: ResultSigner, now: Date): void {
  const certificate = new X509Certificate(signer.certificate);
  if (!certificate.checkPrivateKey(signer.privateKey)) {
    throw new SignerError('私钥与证书不匹配 (the private key does not belong to the certificate)');
  }
  const type = signer.privateKey.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') {
    throw new SignerError(`不支持的密钥类型 ${String(type)}，只支持 RSA 和 ECDSA (unsupported key type)`);
  }
  if (now < certificate.validFromDate || now > certificate.validToDate) {
    throw new SignerError(
      `证书不在有效期内（${certificate.validFrom} 至 ${certificate.validTo}）(certificate not valid now)`,
    );
  }
}

/** A problem with the signing certificate, in words for the clerk. */
export class SignerError extends Error {
  override name = 'SignerError';
}
