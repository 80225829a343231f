/**
 * Certificate parts: the raw DER of the fields of an X.509 certificate (RFC 5280 §4.1) that a
 * CMS signer info names (issuer, serial number), cut out of the certificate's own bytes.
 */
import * as asn1js from 'asn1js';

export interface CertificateParts {
  readonly issuer: Buffer;
  readonly serialNumber: Buffer;
  readonly subject: Buffer;
}

function raw(block: asn1js.AsnType): Buffer {
  return Buffer.from(block.valueBeforeDecodeView);
}

export function certificateParts(der: Uint8Array): CertificateParts {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) throw new Error('not a DER certificate');
  const tbs = parsed.result.valueBlock.value[0];
  if (!(tbs instanceof asn1js.Sequence)) throw new Error('certificate without tbsCertificate');
  const fields = tbs.valueBlock.value;
  // version is `[0] EXPLICIT` and absent for v1 certificates.
  const first = fields[0];
  const at = first !== undefined && first.idBlock.tagClass === 3 && first.idBlock.tagNumber === 0 ? 1 : 0;
  const serialNumber = fields[at];
  const issuer = fields[at + 2];
  const subject = fields[at + 4];
  if (serialNumber === undefined || issuer === undefined || subject === undefined) throw new Error('truncated certificate');
  return { issuer: raw(issuer), serialNumber: raw(serialNumber), subject: raw(subject) };
}
