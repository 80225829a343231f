/**
 * DER building blocks (ITU-T X.690) for the few structures signing writes: CMS signed data and
 * a self-signed certificate.
 *
 * - element: one encoded TLV (tag, length, value) as bytes.
 * - raw element: an element taken byte for byte from another encoding (a certificate's issuer
 *   name), never decoded and re-encoded. That is the point of this module: node-forge decodes a
 *   certificate's names and encodes them again, and in doing so encodes non-ASCII names twice
 *   (CN=合肥市科学技术局 becomes mojibake), so the signer info names an issuer no certificate has
 *   and every verifier rejects the signature. Composing raw elements cannot change them.
 *
 * Primitive values (object identifiers, integers, times, strings) are encoded by asn1js.
 */
import * as asn1js from 'asn1js';

export type Der = Buffer;

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** An element with the given tag byte around the concatenated contents. */
export function element(tag: number, ...contents: readonly Uint8Array[]): Der {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

export const sequence = (...contents: readonly Uint8Array[]): Der => element(0x30, ...contents);

/** SET OF in DER order: the elements sorted as octet strings (X.690 §11.6). */
export function setOf(...contents: readonly Uint8Array[]): Der {
  return element(0x31, ...[...contents].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
}

/** `[n]` context-specific, constructed: EXPLICIT tagging, or IMPLICIT of a constructed type. */
export const contextConstructed = (n: number, ...contents: readonly Uint8Array[]): Der => element(0xa0 | n, ...contents);

/** The same element with another tag byte (IMPLICIT re-tagging, e.g. `[0]` SET → SET). */
export function retag(der: Uint8Array, tag: number): Der {
  const copy = Buffer.from(der);
  copy[0] = tag;
  return copy;
}

function encoded(block: { toBER(sizeOnly?: boolean): ArrayBuffer }): Der {
  return Buffer.from(block.toBER(false));
}

export const oid = (value: string): Der => encoded(new asn1js.ObjectIdentifier({ value }));
export const nullValue = (): Der => encoded(new asn1js.Null());
export const octetString = (bytes: Uint8Array): Der => encoded(new asn1js.OctetString({ valueHex: bytes }));
export const utf8String = (value: string): Der => encoded(new asn1js.Utf8String({ value }));
export const printableString = (value: string): Der => encoded(new asn1js.PrintableString({ value }));
export const bitString = (bytes: Uint8Array): Der => encoded(new asn1js.BitString({ valueHex: bytes, unusedBits: 0 }));
export const boolean = (value: boolean): Der => encoded(new asn1js.Boolean({ value }));
export const smallInteger = (value: number): Der => encoded(new asn1js.Integer({ value }));

/** A positive INTEGER from big-endian magnitude bytes (a serial number). */
export function unsignedInteger(bytes: Uint8Array): Der {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const magnitude = Buffer.from(bytes.subarray(start));
  const body = (magnitude[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), magnitude]) : magnitude;
  return element(0x02, body);
}

/** UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
export function time(date: Date): Der {
  return date.getUTCFullYear() < 2050
    ? encoded(new asn1js.UTCTime({ valueDate: date }))
    : encoded(new asn1js.GeneralizedTime({ valueDate: date }));
}

export function algorithm(id: string, parameters: Der | null = null): Der {
  return parameters === null ? sequence(oid(id)) : sequence(oid(id), parameters);
}
