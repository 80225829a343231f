/**
 * Entry name decoding: turning the raw bytes of a zip entry's name into text, exactly in the
 * order package-format.md gives ("Names inside zip files"):
 *
 * 1. the Info-ZIP Unicode Path extra field (0x7075), when present and valid: version 1, its
 *    CRC-32 equal to the CRC-32 of the raw name in the header (else the field is stale: a tool
 *    renamed the entry without updating it), and its text valid UTF-8;
 * 2. else UTF-8, when the entry's UTF-8 flag (general purpose bit 11) is set;
 * 3. else UTF-8, when the raw bytes are valid UTF-8 (macOS and most Linux tools write UTF-8
 *    without setting the flag);
 * 4. else GB18030, the superset of GBK/CP936 that Chinese Windows zip tools write.
 *
 * A step applies only when it yields valid text: a flag-marked name that is not valid UTF-8
 * falls through to GB18030, as step 3 would. A name no step can decode is refused.
 * The result is not yet normalised (see shared/package/package-path.ts).
 */
import { TextDecoder } from 'node:util';
import { crc32 } from 'node:zlib';

export type NameEncoding = 'unicode-path-extra-field' | 'utf8-flag' | 'utf8' | 'gb18030';

export interface ExtraField {
  readonly id: number;
  readonly data: Uint8Array;
}

export type DecodedName =
  | { readonly ok: true; readonly name: string; readonly encoding: NameEncoding }
  | { readonly ok: false };

export const UNICODE_PATH_EXTRA_FIELD = 0x7075;
export const UTF8_FLAG = 0x800;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The name carried by a valid Unicode Path extra field, or null. */
function unicodePathName(raw: Uint8Array, extraFields: readonly ExtraField[]): string | null {
  for (const field of extraFields) {
    if (field.id !== UNICODE_PATH_EXTRA_FIELD) continue;
    const data = field.data;
    // Version 1 is the only one defined; a field of another version must be ignored.
    if (data.length < 5 || data[0] !== 1) continue;
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (view.getUint32(1, true) !== crc32(raw)) continue;
    const name = tryDecode(utf8, data.subarray(5));
    if (name !== null) return name;
  }
  return null;
}

export function decodeEntryName(
  raw: Uint8Array,
  generalPurposeBitFlag: number,
  extraFields: readonly ExtraField[],
): DecodedName {
  const fromExtra = unicodePathName(raw, extraFields);
  if (fromExtra !== null) return { ok: true, name: fromExtra, encoding: 'unicode-path-extra-field' };
  const asUtf8 = tryDecode(utf8, raw);
  if (asUtf8 !== null) {
    return { ok: true, name: asUtf8, encoding: (generalPurposeBitFlag & UTF8_FLAG) !== 0 ? 'utf8-flag' : 'utf8' };
  }
  const asGb = tryDecode(gb18030, raw);
  if (asGb !== null) return { ok: true, name: asGb, encoding: 'gb18030' };
  return { ok: false };
}
