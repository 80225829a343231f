/**
 * CMS signed data (RFC 5652), detached: the signature a PDF carries in `/Contents` under
 * `/SubFilter /adbe.pkcs7.detached` (ISO 32000-1 §12.8.3.3). The structures are pkijs's.
 *
 * - content: the PDF's bytes outside `/Contents` (its byte range); not included ("detached").
 * - signed attributes: content type, signing time, message digest (SHA-256 of the content) and
 *   the signing certificate's hash (ESS signingCertificateV2, RFC 5035), which binds the
 *   certificate to the signature. They are what is signed; DER wants them sorted (SET OF), and
 *   OpenSSL re-encodes them sorted before it checks the signature, so unsorted ones fail there
 *   (pkijs keeps them in the order given, so we sort them).
 * - signer identifier: issuer and serial number of the signing certificate. pkijs keeps a parsed
 *   certificate's issuer as the bytes it read and writes those bytes back; node-forge, which
 *   @signpdf/signer-p12 uses, decodes the name and encodes it again, and in doing so encodes
 *   non-ASCII names twice (CN=合肥市科学技术局 becomes mojibake), so its signer info names an
 *   issuer no certificate has and every verifier rejects the signature.
 * - signature: RSA PKCS#1 v1.5 or ECDSA over the DER of the signed attributes, with SHA-256,
 *   made by node:crypto with the signer's key as it is (no WebCrypto key is made from it).
 */
import { createHash, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids.ts';
import type { ResultSigner } from './result-signer.ts';

function der(schema: { toBER(sizeOnly?: boolean): ArrayBuffer }): Buffer {
  return Buffer.from(schema.toBER(false));
}

function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5652 §11.3). */
function signingTimeValue(date: Date): asn1js.AsnType {
  return date.getUTCFullYear() < 2050 ? new asn1js.UTCTime({ valueDate: date }) : new asn1js.GeneralizedTime({ valueDate: date });
}

function signedAttributes(content: Uint8Array, certificate: Uint8Array, signingTime: Date): pkijs.SignedAndUnsignedAttributes {
  // ESSCertIDv2 with the default hash algorithm (SHA-256) left out, as DER requires.
  const signingCertificate = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certificate) })] })] })],
  });
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [signingTimeValue(signingTime)] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(content) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificate] }),
  ];
  // SET OF in DER order: the elements sorted as octet strings (X.690 §11.6).
  const sorted = attributes.map((attribute) => ({ attribute, bytes: der(attribute.toSchema()) })).sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  return new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted.map((entry) => entry.attribute) });
}

function signatureAlgorithm(signer: ResultSigner): pkijs.AlgorithmIdentifier {
  switch (signer.privateKey.asymmetricKeyType) {
    case 'rsa':
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() });
    case 'ec':
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
    default:
      throw new Error(`unsupported key type ${String(signer.privateKey.asymmetricKeyType)}`);
  }
}

/** The DER of a ContentInfo holding the detached signed data of `content`. */
export function buildDetachedSignature(content: Uint8Array, signer: ResultSigner, signingTime: Date): Buffer {
  const certificate = pkijs.Certificate.fromBER(signer.certificate);
  const attributes = signedAttributes(content, signer.certificate, signingTime);
  // The signature covers the attributes as a SET (tag 0x31), not as the [0] they are stored as.
  const signed = der(attributes.toSchema());
  signed[0] = 0x31;
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: attributes,
    signatureAlgorithm: signatureAlgorithm(signer),
    signature: new asn1js.OctetString({ valueHex: sign('sha256', signed, signer.privateKey) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    // A SET OF too: in DER order.
    certificates: [signer.certificate, ...signer.chain]
      .toSorted((a, b) => Buffer.compare(a, b))
      .map((bytes) => (bytes === signer.certificate ? certificate : pkijs.Certificate.fromBER(bytes))),
    signerInfos: [signerInfo],
  });
  return der(new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() }).toSchema());
}
