/**
 * Canonical JSON: the RFC 8785 (JSON Canonicalization Scheme, JCS) text of a JSON value, the
 * one form every hash and signature of the program is taken over (a sheet's signing text, a
 * meeting file's content hash, the audit chain, flag keys, sameness of two typed-in paper
 * sheets).
 *
 * - JCS text: no whitespace, object keys sorted by their UTF-16 code units, strings escaped as
 *   ES `JSON.stringify` does, numbers printed as ES `Number.prototype.toString` (2.5, 1e+21).
 *   Whoever hashes or signs it takes its UTF-8 bytes (the Node layer encodes; shared/ has no
 *   encoder).
 *
 * Because the text is computed from the parsed JSON, how a file is laid out (indentation, key
 * order, a BOM) does not matter; what the values are does. The `canonicalize` package
 * implements JCS; its number output is `JSON.stringify(number)`, which for finite numbers is
 * `Number.prototype.toString` as JCS requires, and it refuses NaN, Infinity and lone surrogates
 * (tests in test/shared/format/canonical-json.test.ts pin these cases).
 */
import canonicalize from 'canonicalize';

/** The JCS text of any JSON value. Throws on values JSON cannot carry (NaN, lone surrogates). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON form');
  return text;
}
