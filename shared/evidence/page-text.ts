/**
 * Page text and finding words in it: the one way the viewer's search, the alliance-wide search
 * and 自动定位 compare what the expert (or the manifest) wrote with what a file says.
 *
 * - page text: the text of one page of a file as lines, each with its box where the source
 *   knows one (a PDF's text layer, OCR); a box is `[x0, y0, x1, y1]` in 0..1 of the page as
 *   shown with its own rotation applied and none of the expert's (0,0 top left).
 * - folded text: what is compared. Compatibility forms are folded (NFKC: full-width `２０２６`
 *   and `（` become `2026` and `(`), letters are lower-cased and whitespace is dropped, because
 *   the text layer of a Chinese PDF often splits one word into characters with spaces or line
 *   breaks between them, and an expert types half-width where the file has full-width.
 * - hit: one place on a page where the folded words occur, with a box for each line it touches
 *   (the part of the line it covers, by character position: a good enough guess for one line
 *   of text in one font) and a snippet of the text around it.
 */

export type TextBox = readonly [number, number, number, number];

export interface TextLine {
  readonly text: string;
  readonly box: TextBox | null;
}

export interface PageText {
  /** 1-based. */
  readonly page: number;
  readonly lines: readonly TextLine[];
}

export interface TextSnippet {
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

export interface TextHit {
  readonly page: number;
  readonly boxes: readonly TextBox[];
  readonly snippet: TextSnippet;
}

interface Folded {
  /** The folded characters. */
  readonly text: string;
  /** For each folded character, the index in the source string of the character it came from. */
  readonly from: readonly number[];
}

const space = /\s|\u200b|\ufeff/u;

/** The folded form of `source` with, for each folded character, where it came from. */
export function foldWithMap(source: string): Folded {
  let text = '';
  const from: number[] = [];
  let index = 0;
  for (const char of source) {
    if (!space.test(char)) {
      for (const out of char.normalize('NFKC').toLowerCase()) {
        if (space.test(out)) continue;
        text += out;
        for (let k = 0; k < out.length; k += 1) from.push(index);
      }
    }
    index += char.length;
  }
  return { text, from };
}

export function foldText(source: string): string {
  return foldWithMap(source).text;
}

/** How often the folded `needle` occurs in the folded `haystack` (not overlapping). */
export function countFolded(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/** A page's lines folded and laid end to end, with where each line starts. */
export interface FoldedPage {
  readonly page: number;
  readonly text: string;
  readonly lines: readonly { readonly start: number; readonly folded: Folded; readonly line: TextLine }[];
}

export function foldPage(page: PageText): FoldedPage {
  let text = '';
  const lines: FoldedPage['lines'][number][] = [];
  for (const line of page.lines) {
    const folded = foldWithMap(line.text);
    lines.push({ start: text.length, folded, line });
    text += folded.text;
  }
  return { page: page.page, text, lines };
}

const SNIPPET_CONTEXT = 18;

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

function hitAt(page: FoldedPage, start: number, end: number): TextHit {
  const boxes: TextBox[] = [];
  let before = '';
  let match = '';
  let after = '';
  for (const { start: lineStart, folded, line } of page.lines) {
    const lineEnd = lineStart + folded.text.length;
    if (lineEnd <= start) {
      before += `${line.text} `;
      continue;
    }
    if (lineStart >= end) {
      after += `${line.text} `;
      if (after.length > SNIPPET_CONTEXT * 2) break;
      continue;
    }
    if (folded.text.length === 0) {
      // Only whitespace (a text layer's space item) inside the hit: part of its text, no box.
      match += line.text;
      continue;
    }
    const from = Math.max(start, lineStart) - lineStart;
    const to = Math.min(end, lineEnd) - lineStart;
    const sourceFrom = folded.from[from] ?? 0;
    const sourceTo = (folded.from[to - 1] ?? sourceFrom) + 1;
    before += line.text.slice(0, sourceFrom);
    match += line.text.slice(sourceFrom, sourceTo);
    after += line.text.slice(sourceTo);
    if (lineEnd > end) after += ' ';
    if (line.box !== null) boxes.push(partOfLine(line.box, line.text, sourceFrom, sourceTo));
  }
  before = collapse(before);
  after = collapse(after);
  return {
    page: page.page,
    boxes,
    snippet: {
      before: before.length > SNIPPET_CONTEXT ? `…${before.slice(-SNIPPET_CONTEXT).trimStart()}` : before.trimStart(),
      match: collapse(match),
      after: after.length > SNIPPET_CONTEXT ? `${after.slice(0, SNIPPET_CONTEXT).trimEnd()}…` : after.trimEnd(),
    },
  };
}

/**
 * The part of a line's box that characters `from`..`to` of its `length` cover: along the box's
 * longer side (a line of vertical text is taller than wide).
 */
export function partOfBox(box: TextBox, from: number, to: number, length: number): TextBox {
  if (length <= 0) return box;
  const [x0, y0, x1, y1] = box;
  const a = from / length;
  const b = Math.min(1, to / length);
  if (x1 - x0 >= y1 - y0 || length === 1) return [x0 + (x1 - x0) * a, y0, x0 + (x1 - x0) * b, y1];
  return [x0, y0 + (y1 - y0) * a, x1, y0 + (y1 - y0) * b];
}

/**
 * How wide a character is set, in ems, roughly: Chinese and full-width forms take a whole em,
 * Latin letters and digits about half, a space less. An OCR line of `签订日期：2026 年 5 月 12 日`
 * is not cut at its 4th of 18 characters but where 签订日期 ends.
 */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (/\s/u.test(char)) return 0.3;
  return code >= 0x2e80 ? 1 : 0.55;
}

/** The part of a line's box that characters `from`..`to` of its text cover, by their widths. */
export function partOfLine(box: TextBox, text: string, from: number, to: number): TextBox {
  let before = 0;
  let inside = 0;
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const w = charWidth(text[i]!);
    if (i < from) before += w;
    else if (i < to) inside += w;
    total += w;
  }
  if (total === 0) return box;
  const scale = 1000;
  return partOfBox(box, Math.round((before / total) * scale), Math.round(((before + inside) / total) * scale), scale);
}

/** Every hit of `query` in the pages, in page order; at most `limit`. */
export function findInPages(pages: readonly PageText[], query: string, limit = 1000): TextHit[] {
  const needle = foldText(query);
  if (needle === '') return [];
  const hits: TextHit[] = [];
  for (const page of pages) {
    const folded = foldPage(page);
    for (let at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + needle.length)) {
      hits.push(hitAt(folded, at, at + needle.length));
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}
