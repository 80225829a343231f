/**
 * CMS signed data (RFC 5652), detached: the signature a PDF carries in `/Contents` under
 * `/SubFilter /adbe.pkcs7.detached` (ISO 32000-1 §12.8.3.3).
 *
 * - content: the PDF's bytes outside `/Contents` (its byte range); not included ("detached").
 * - signed attributes: content type, signing time, message digest (SHA-256 of the content) and
 *   the signing certificate's hash (ESS signingCertificateV2, RFC 5035), which binds the
 *   certificate to the signature. They are what is signed; DER wants them sorted (SET OF), and
 *   OpenSSL re-encodes them sorted before it checks the signature, so unsorted ones fail there.
 * - signer identifier: issuer and serial number of the signing certificate, both copied byte
 *   for byte from the certificate (der.ts says why).
 * - signature: RSA PKCS#1 v1.5 or ECDSA over the DER of the signed attributes, with SHA-256.
 */
import { createHash, sign } from 'node:crypto';
import { certificateParts } from './certificate-parts.ts';
import type { Der } from './der.ts';
import {
  algorithm,
  contextConstructed,
  nullValue,
  octetString,
  oid,
  retag,
  sequence,
  setOf,
  smallInteger,
  time,
} from './der.ts';
import { OID } from './oids.ts';
import type { ResultSigner } from './result-signer.ts';

function attribute(type: string, value: Der): Der {
  return sequence(oid(type), setOf(value));
}

export function signedAttributes(content: Uint8Array, certificate: Uint8Array, signingTime: Date): Der {
  const digest = createHash('sha256').update(content).digest();
  const certificateHash = createHash('sha256').update(certificate).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256) left out, as DER requires.
  const signingCertificate = sequence(sequence(sequence(octetString(certificateHash))));
  // `[0] IMPLICIT SET OF Attribute`: the SET's contents under tag [0].
  return retag(
    setOf(
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.signingTime, time(signingTime)),
      attribute(OID.messageDigest, octetString(digest)),
      attribute(OID.signingCertificateV2, signingCertificate),
    ),
    0xa0,
  );
}

function signatureAlgorithm(signer: ResultSigner): Der {
  switch (signer.privateKey.asymmetricKeyType) {
    case 'rsa':
      return algorithm(OID.rsaEncryption, nullValue());
    case 'ec':
      return algorithm(OID.ecdsaWithSha256);
    default:
      throw new Error(`unsupported key type ${String(signer.privateKey.asymmetricKeyType)}`);
  }
}

/** The DER of a ContentInfo holding the detached signed data of `content`. */
export function buildDetachedSignature(content: Uint8Array, signer: ResultSigner, signingTime: Date): Der {
  const parts = certificateParts(signer.certificate);
  const attributes = signedAttributes(content, signer.certificate, signingTime);
  // The signature covers the attributes as a SET (tag 0x31), not as the [0] they are stored as.
  const signatureValue = sign('sha256', retag(attributes, 0x31), signer.privateKey);
  const issuerAndSerialNumber = sequence(parts.issuer, parts.serialNumber);
  const signerInfo = sequence(
    smallInteger(1),
    issuerAndSerialNumber,
    algorithm(OID.sha256),
    attributes,
    signatureAlgorithm(signer),
    octetString(signatureValue),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf(algorithm(OID.sha256)),
    sequence(oid(OID.data)),
    retag(setOf(signer.certificate, ...signer.chain), 0xa0),
    setOf(signerInfo),
  );
  return sequence(oid(OID.signedData), contextConstructed(0, signedData));
}
