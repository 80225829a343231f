/**
 * Verifying a signed result PDF: is every byte of the file what the signer signed, and who is
 * the signer?
 *
 * - signature dictionary: the `/ByteRange [a b c d]` and the `/Contents <hex>` it leaves out.
 *   The byte range must start at 0, leave out exactly the `<…>` of the contents, and end at
 *   the end of the file: then no byte of the file escapes the signature, and nothing was
 *   appended after signing (an incremental update would be).
 * - contents: the CMS signature (DER) followed only by zero padding; a changed padding byte is
 *   a changed file too.
 * - checks: the signing certificate's hash (ESS signingCertificateV2), when present, equals
 *   the hash of the certificate carried, so the certificate inside /Contents is the one that
 *   signed; the message digest attribute equals the SHA-256 (or SHA-384/512) of the signed
 *   bytes; the content type is data; the signer's certificate is in the signature and named by
 *   its issuer's and serial number's exact bytes; the signature over the signed attributes
 *   verifies with that certificate's public key.
 * - trust is not decided here: a self-signed certificate verifies; whether it is the bureau's
 *   or this meeting's is for a person to see from the subject and fingerprint we report.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DIGEST_NAMES, OID } from './oids.ts';
import type { CertificateSummary } from './result-signer.ts';
import { summarizeCertificate } from './result-signer.ts';

export interface PdfSignatureReport {
  /** Every check passed. */
  readonly ok: boolean;
  /** What failed, in Chinese with the English key words. */
  readonly problems: readonly string[];
  readonly signer: CertificateSummary | null;
  readonly signingTime: Date | null;
  /** The result digest the document names (its /Keywords), when it names one. */
  readonly resultDigest: string | null;
  readonly byteRange: readonly number[] | null;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

export function verifyPdfSignature(pdf: Uint8Array): PdfSignatureReport {
  try {
    return check(pdf);
  } catch (error) {
    // A changed byte inside the signature can make any part of it unreadable (a certificate
    // that no longer parses, a key of no known kind): that is a failed verification too.
    return {
      ok: false,
      problems: [`签名内容无法解析，文件可能被改动 (unreadable signature)：${(error as Error).message}`],
      signer: null,
      signingTime: null,
      resultDigest: null,
      byteRange: null,
    };
  }
}

function check(pdf: Uint8Array): PdfSignatureReport {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const problems: string[] = [];
  // pdfkit writes each /Info value as an object of its own, hence no `/Keywords (` anchor.
  const resultDigest = /\(alliance-review result ([0-9a-f]{64})\)/.exec(text)?.[1] ?? null;
  const ranges = [...text.matchAll(BYTE_RANGE)].map((match) => match.slice(1, 5).map(Number));
  const fail = (problem: string, byteRange: readonly number[] | null = null): PdfSignatureReport => ({
    ok: false,
    problems: [...problems, problem],
    signer: null,
    signingTime: null,
    resultDigest,
    byteRange,
  });
  if (ranges.length === 0) return fail('文件中没有数字签名 (no signature: no /ByteRange)');
  if (ranges.length > 1) return fail(`文件中有 ${ranges.length} 个签名，结果文件只应有一个 (more than one signature)`);
  const range = ranges[0] ?? [];
  const [start, gapStart, gapEnd, tailLength] = range as [number, number, number, number];
  if (start !== 0 || gapStart >= gapEnd || gapEnd + tailLength !== bytes.length) {
    return fail(
      `签名没有覆盖整个文件（签名范围 [${range.join(' ')}]，文件 ${bytes.length} 字节）：签名后文件被改动或追加 (the signature does not cover the whole file)`,
      range,
    );
  }
  if (bytes[gapStart] !== 0x3c || bytes[gapEnd - 1] !== 0x3e) {
    return fail('签名范围之外不是签名内容 /Contents <…> (byte range does not exclude exactly the signature)', range);
  }
  const hex = text.slice(gapStart + 1, gapEnd - 1);
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return fail('签名内容不是十六进制 (signature contents not hex)', range);
  const contents = Buffer.from(hex, 'hex');
  const parsed = asn1js.fromBER(contents);
  if (parsed.offset === -1) return fail('签名内容无法解析 (signature is not DER)', range);
  if (contents.subarray(parsed.offset).some((byte) => byte !== 0)) {
    return fail('签名内容之后的填充被改动 (signature padding changed)', range);
  }

  let signedData: pkijs.SignedData;
  try {
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    if (info.contentType !== OID.signedData) return fail('签名不是 CMS SignedData (not CMS signed data)', range);
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (error) {
    return fail(`签名内容无法解析 (malformed CMS)：${(error as Error).message}`, range);
  }
  const signerInfo = signedData.signerInfos[0];
  if (signerInfo === undefined || signedData.signerInfos.length !== 1) return fail('签名中应恰有一个签名者 (exactly one signer expected)', range);
  const sid = signerInfo.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return fail('签名者未以颁发者和序列号标识 (signer not named by issuer and serial)', range);
  const certificates = (signedData.certificates ?? []).filter((entry): entry is pkijs.Certificate => entry instanceof pkijs.Certificate);
  const same = (a: ArrayBuffer | ArrayBufferView, b: ArrayBuffer | ArrayBufferView): boolean =>
    Buffer.from(a instanceof ArrayBuffer ? a : a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength)).equals(
      Buffer.from(b instanceof ArrayBuffer ? b : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)),
    );
  const certificate = certificates.find(
    (entry) =>
      same(entry.issuer.valueBeforeDecode, sid.issuer.valueBeforeDecode) &&
      same(entry.serialNumber.valueBlock.valueHexView, sid.serialNumber.valueBlock.valueHexView),
  );
  if (certificate === undefined) {
    return fail('签名中找不到签名者的证书：颁发者或序列号与证书不一致 (signer certificate not found by issuer and serial number)', range);
  }
  const certificateDer = Buffer.from(certificate.toSchema().toBER(false));
  const signer = summarizeCertificate(certificateDer);

  const digestName = DIGEST_NAMES[signerInfo.digestAlgorithm.algorithmId];
  if (digestName === undefined) return fail(`不支持的摘要算法 ${signerInfo.digestAlgorithm.algorithmId} (unsupported digest)`, range);
  const signedBytes = Buffer.concat([bytes.subarray(0, gapStart), bytes.subarray(gapEnd, gapEnd + tailLength)]);
  const digest = createHash(digestName).update(signedBytes).digest();
  const attributes = signerInfo.signedAttrs;
  if (attributes === undefined) return fail('签名没有签名属性 (no signed attributes)', range);
  const attribute = (type: string) => attributes.attributes.find((entry) => entry.type === type)?.values[0];
  const messageDigest = attribute(OID.messageDigest);
  const contentType = attribute(OID.contentType);
  const timeValue = attribute(OID.signingTime);
  const signingTime =
    timeValue instanceof asn1js.UTCTime || timeValue instanceof asn1js.GeneralizedTime ? timeValue.toDate() : null;
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.data) {
    problems.push('签名的内容类型不是 data (content type is not data)');
  }
  if (!(messageDigest instanceof asn1js.OctetString) || !Buffer.from(messageDigest.valueBlock.valueHexView).equals(digest)) {
    problems.push('文件内容与签名不符：文件在签名后被改动 (message digest mismatch: the document was changed after signing)');
  }
  // The certificate's hash, signed (RFC 5035): the certificate in the file is the one signed with.
  const essCertificate = attribute(OID.signingCertificateV2);
  if (essCertificate !== undefined) {
    const certHash = essCertHash(essCertificate);
    if (certHash === null || !certHash.equals(createHash('sha256').update(certificateDer).digest())) {
      problems.push('签名中的证书与签名时的证书不符 (signing certificate hash mismatch)');
    }
  }
  const signedAttributes = Buffer.from(attributes.encodedValue);
  signedAttributes[0] = 0x31;
  const publicKey = new X509Certificate(certificateDer).publicKey;
  const signatureOk = verify(
    digestName,
    signedAttributes,
    publicKey,
    Buffer.from(signerInfo.signature.valueBlock.valueHexView),
  );
  if (!signatureOk) problems.push('签名值验证失败 (signature value does not verify with the certificate)');
  return { ok: problems.length === 0, problems, signer, signingTime, resultDigest, byteRange: range };
}

/** certHash of the first ESSCertIDv2 (RFC 5035) when its hash algorithm is SHA-256 (the default). */
function essCertHash(value: asn1js.AsnType): Buffer | null {
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return null;
  const [head] = first.valueBlock.value;
  // A present hashAlgorithm other than SHA-256 is beyond what we write; treat as a mismatch.
  if (!(head instanceof asn1js.OctetString)) return null;
  return Buffer.from(head.valueBlock.valueHexView);
}
