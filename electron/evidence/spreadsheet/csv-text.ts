/**
 * The text of a .csv file: CSV has no header saying its encoding, so it is told from the bytes
 * the way Excel and WPS on Chinese Windows read it.
 *
 * - a byte-order mark says it: UTF-8 (`EF BB BF`, what Excel's "CSV UTF-8" writes), UTF-16LE
 *   (`FF FE`, Excel's "Unicode 文本") or UTF-16BE (`FE FF`);
 * - otherwise text that is valid UTF-8 is UTF-8 (what LibreOffice and most programs write);
 * - anything else is GB18030, the superset of GBK, which is what Excel's plain "CSV (逗号分隔)"
 *   writes on Chinese Windows (code page 936). GBK bytes are almost never valid UTF-8.
 *
 * The WHATWG decoders (Node's and the browser's `TextDecoder`) do the decoding; a byte no
 * encoding can read becomes U+FFFD, never an error.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function csvText(bytes: Uint8Array): { readonly text: string; readonly encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
