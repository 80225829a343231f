/**
 * Font runs: pdfkit has no glyph fallback, so text is split into runs, each set in the first
 * face that has all of its characters.
 *
 * - run: consecutive characters set in one face.
 * - missing character: one that no shipped face has. It is set as 〓 (U+3013 GETA MARK, the
 *   typesetter's sign for a character the type case lacks) rather than an empty box, and
 *   reported, so the clerk can correct the name by hand on the printed sheet.
 * - invisible characters (variation selectors, zero-width joiners, other format characters)
 *   and control characters are dropped: they have no glyph of their own and would otherwise
 *   become boxes, or be reported as characters the clerk must write in by hand.
 * - emoji: the fonts have none (a colour emoji font would add tens of megabytes), so an emoji
 *   (with its skin tone, flag or joined sequence) is printed as its Chinese name from Unicode
 *   CLDR, 〔拇指向上〕, and is not reported missing: nothing of the comment is lost.
 */
import type { EmojiNames, FontFace } from './shipped-fonts.ts';

export const MISSING_MARK = '〓';

export interface TextRun {
  readonly face: FontFace;
  readonly text: string;
}

const INVISIBLE = /[\p{Cf}\p{Cc}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;
const PICTOGRAPHIC = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });


function emojiName(grapheme: string, names: EmojiNames): string {
  const plain = grapheme.replace(/\uFE0F/g, '');
  const first = String.fromCodePoint(grapheme.codePointAt(0) ?? 0x3013);
  return names.get(grapheme) ?? names.get(plain) ?? names.get(first) ?? names.get(`${first}\uFE0F`) ?? '表情符号';
}
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/** Whether `face` can set `char` (one code point). */
export function faceHas(face: FontFace, char: string): boolean {
  const codePoint = char.codePointAt(0);
  return codePoint !== undefined && face.font.hasGlyphForCodePoint(codePoint);
}

/**
 * Runs for `text` (one line: line breaks become spaces). `missing` collects the characters no
 * face has; `faces` are tried in order and the first is the default.
 */
export function splitRuns(text: string, faces: readonly FontFace[], missing: Set<string>, emoji: EmojiNames = new Map()): TextRun[] {
  const main = faces[0];
  if (main === undefined) throw new Error('no font face');
  const settable = (char: string) => faces.some((candidate) => faceHas(candidate, char));
  // An emoji no face has becomes its name before the characters are set.
  let named = '';
  for (const { segment } of graphemes.segment(text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' '))) {
    const unset = PICTOGRAPHIC.test(segment) && [...segment].some((char) => !INVISIBLE.test(char) && !settable(char));
    named += unset ? `〔${emojiName(segment, emoji)}〕` : segment;
  }
  const runs: TextRun[] = [];
  let face: FontFace | null = null;
  let buffer = '';
  for (const char of named) {
    if (INVISIBLE.test(char)) continue;
    let chosen = faces.find((candidate) => faceHas(candidate, char));
    let shown = char;
    if (chosen === undefined) {
      missing.add(char);
      shown = MISSING_MARK;
      chosen = faces.find((candidate) => faceHas(candidate, MISSING_MARK)) ?? main;
    }
    if (chosen !== face && buffer !== '' && face !== null) {
      runs.push({ face, text: buffer });
      buffer = '';
    }
    face = chosen;
    buffer += shown;
  }
  if (face !== null && buffer !== '') runs.push({ face, text: buffer });
  return runs;
}
