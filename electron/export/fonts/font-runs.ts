/**
 * Font runs: pdfkit has no glyph fallback, so text is split into runs, each set in the first
 * face that has all of its characters.
 *
 * - run: consecutive characters set in one face.
 * - missing character: one that no shipped face has. It is set as 〓 (U+3013 GETA MARK, the
 *   typesetter's sign for a character the type case lacks) rather than an empty box, and
 *   reported, so the clerk can correct the name by hand on the printed sheet.
 * - invisible characters (variation selectors, zero-width joiners, other format characters)
 *   are dropped: they have no glyph of their own and would otherwise become boxes.
 */
import type { FontFace } from './shipped-fonts.ts';

export const MISSING_MARK = '〓';

export interface TextRun {
  readonly face: FontFace;
  readonly text: string;
}

const INVISIBLE = /[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;
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
export function splitRuns(text: string, faces: readonly FontFace[], missing: Set<string>): TextRun[] {
  const main = faces[0];
  if (main === undefined) throw new Error('no font face');
  const runs: TextRun[] = [];
  let face: FontFace | null = null;
  let buffer = '';
  for (const raw of text.replace(LINE_BREAKS, ' ')) {
    if (INVISIBLE.test(raw)) continue;
    const char = raw === '\t' ? ' ' : raw;
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
