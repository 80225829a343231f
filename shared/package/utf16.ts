/**
 * Spotting a manifest saved as UTF-16 (what Notepad calls "Unicode" and "Unicode big endian"),
 * so the clerk is told that rather than that it is ANSI/GBK.
 *
 * UTF-16 is known by its byte-order mark (FF FE little-endian, FE FF big-endian) or, without
 * one, by its NUL bytes: every ASCII character (and a manifest is mostly ASCII: braces, quotes,
 * keys, spaces) has a zero as its high byte, second in little-endian and first in big-endian.
 * UTF-8 JSON has no NUL byte at all, so this cannot mistake a UTF-8 manifest.
 */

export type Utf16Order = 'utf-16le' | 'utf-16be';

/** How many leading bytes the NUL pattern is looked for in. */
const SAMPLE_BYTES = 512;

export function utf16Order(bytes: Uint8Array): Utf16Order | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = Math.min(bytes.length - (bytes.length % 2), SAMPLE_BYTES);
  if (sample < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 1) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenNul += 1;
    else oddNul += 1;
  }
  // A quarter of the characters ASCII is plenty for JSON; a CJK character may have a zero
  // low byte (U+4E00), so the other position is allowed a few.
  const enough = sample / 2 / 4;
  if (oddNul >= enough && oddNul > 3 * evenNul) return 'utf-16le';
  if (evenNul >= enough && evenNul > 3 * oddNul) return 'utf-16be';
  return null;
}
