/**
 * Signing text: exactly what an expert's key signs (sheets-and-results.md "Signature").
 *
 * - signed object: the whole sheet object without its `signature` member.
 * - signing text: the RFC 8785 (JSON Canonicalization Scheme, JCS) form of the signed object:
 *   no whitespace, object keys sorted by their UTF-16 code units, strings escaped as ES
 *   `JSON.stringify` does, numbers printed as ES `Number.prototype.toString` (2.5, 1e+21).
 *   The signature is over its UTF-8 bytes (the Node layer encodes it; shared/ has no encoder).
 *
 * Because the text is computed from the parsed JSON, how the file is laid out (indentation,
 * key order, a BOM) does not matter; what the values are does. The `canonicalize` package
 * implements JCS; its number output is `JSON.stringify(number)`, which for finite numbers is
 * `Number.prototype.toString` as JCS requires, and it refuses NaN, Infinity and lone surrogates
 * (tests in test/shared/sheet/signing-text.test.ts pin these cases).
 */
import canonicalize from 'canonicalize';

/** The JCS text of any JSON value. Throws on values JSON cannot carry (NaN, lone surrogates). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}

/** The signing text of a sheet: JCS of the sheet object without `signature`. */
export function signingText(sheet: object): string {
  const { signature: _signature, ...signed } = sheet as Record<string, unknown>;
  return canonicalJson(signed);
}
