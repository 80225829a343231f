/**
 * Signing text: exactly what an expert's key signs (sheets-and-results.md "Signature").
 *
 * - signed object: the whole sheet object without its `signature` member.
 * - signing text: the RFC 8785 (JCS) form of the signed object (shared/format/canonical-json.ts).
 *   The signature is over its UTF-8 bytes (the Node layer encodes it; shared/ has no encoder).
 *
 * Because the text is computed from the parsed JSON, how the file is laid out (indentation,
 * key order, a BOM) does not matter; what the values are does.
 */
import { canonicalJson } from '../format/canonical-json.ts';

/** The signing text of a sheet: JCS of the sheet object without `signature`. */
export function signingText(sheet: object): string {
  const { signature: _signature, ...signed } = sheet as Record<string, unknown>;
  return canonicalJson(signed);
}
