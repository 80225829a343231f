/**
 * Text safety: the checks every parser applies to strings read from files, and the escaping
 * every command applies to what it prints (package-format.md, sheets-and-results.md, cli.md).
 *
 * - well-formed: a string with no lone UTF-16 surrogate. JSON's `\ud800` escape can make one;
 *   SQLite, UTF-8 encoders and canonical JSON cannot carry it (stored it becomes U+FFFD, so an
 *   item id no longer matches itself; hashed or signed it throws), so it is refused where read.
 * - control character: a character that changes how text is shown rather than showing itself:
 *   C0 (U+0000–U+001F) and DEL, C1 (U+0080–U+009F), the bidi embeddings, overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C), the line and paragraph
 *   separators (U+2028, U+2029), and the zero-width and invisible characters (U+200B–U+200D,
 *   U+2060–U+2065, U+FEFF).
 *   In a name, id or title one can make two different names look the same, or make a printed
 *   line say something else (an ESC sequence that erases the fingerprint line and prints
 *   another). Text that may span lines (a comment, a reason) keeps `\n`, `\r` and `\t`.
 * - terminal escaping: every such character, and a lone surrogate, printed as `\u{1b}`, so a
 *   line a command prints is exactly the lines the command meant.
 *
 * Pure: no Node, no DOM; `String.prototype.isWellFormed` is not in every runtime this runs in
 * (the compiler's ES2023 library has none), so the surrogates are checked by hand.
 */

/** Index of the first lone surrogate in `text`, or -1 when it is well-formed. */
export function findLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/** Whether `text` has no lone surrogate (String.prototype.isWellFormed). */
export function isWellFormed(text: string): boolean {
  return findLoneSurrogate(text) === -1;
}

export interface TextRules {
  /** Text that may span lines (comments, reasons, notes): `\n`, `\r` and `\t` are allowed. */
  readonly multiLine?: boolean | undefined;
}

export interface FoundCharacter {
  /** UTF-16 index in the text. */
  readonly index: number;
  readonly codePoint: number;
}

const LINE_BREAKS: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0d]);

/** Whether a code point is a control character in the sense above (line breaks included). */
export function isControlCodePoint(codePoint: number): boolean {
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x061c ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x2069) ||
    codePoint === 0xfeff
  );
}

/** The first control character `text` may not hold under `rules`, or null. */
export function findControlCharacter(text: string, rules: TextRules = {}): FoundCharacter | null {
  for (let i = 0; i < text.length; i += 1) {
    const codePoint = text.charCodeAt(i);
    // Every control character is in the BMP, so code units suffice (a surrogate is none).
    if (!isControlCodePoint(codePoint)) continue;
    if (rules.multiLine === true && LINE_BREAKS.has(codePoint)) continue;
    return { index: i, codePoint };
  }
  return null;
}

/** The first character of `text` the rules refuse: a lone surrogate or a control character. */
export function findUnsafeCharacter(text: string, rules: TextRules = {}): FoundCharacter | null {
  const surrogate = findLoneSurrogate(text);
  const control = findControlCharacter(text, rules);
  if (surrogate === -1) return control;
  if (control !== null && control.index < surrogate) return control;
  return { index: surrogate, codePoint: text.charCodeAt(surrogate) };
}

/** `\u{1b}`: how a refused character is written in messages and printed output. */
export function escapedCodePoint(codePoint: number): string {
  return `\\u{${codePoint.toString(16)}}`;
}

const NAMES: Readonly<Record<number, string>> = {
  0x00: '空字符 NUL',
  0x09: '制表符 Tab',
  0x0a: '换行符',
  0x0d: '回车符',
  0x1b: '终端控制符 ESC',
  0x7f: '删除符 DEL',
  0x200b: '零宽空格',
  0x200c: '零宽不连字',
  0x200d: '零宽连字',
  0x2060: '零宽不换行符',
  0xfeff: '零宽不换行空格（BOM）',
  0x2028: '行分隔符',
  0x2029: '段分隔符',
};

/** A refused character in people's words: `终端控制符 ESC（\u{1b}）`. */
export function describeCharacter(codePoint: number): string {
  const escaped = escapedCodePoint(codePoint);
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `不成对的 UTF-16 代理项（${escaped}）`;
  const name = NAMES[codePoint];
  if (name !== undefined) return `${name}（${escaped}）`;
  if ((codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069) || codePoint === 0x200e || codePoint === 0x200f || codePoint === 0x061c) {
    return `改变文字方向的控制符（${escaped}）`;
  }
  return `控制字符（${escaped}）`;
}

/**
 * `text` with every control character (line breaks included) and every lone surrogate written
 * as `\u{…}`: safe to print on one line of a terminal, and different texts stay different.
 */
export function escapeForTerminal(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    let unsafe = isControlCodePoint(unit);
    if (!unsafe && unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      unsafe = true;
    }
    if (!unsafe) continue;
    out += text.slice(start, i) + escapedCodePoint(unit);
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** A string found somewhere in a JSON value: where, and whether it is a key or a value. */
export interface FoundString {
  readonly path: readonly (string | number)[];
  readonly isKey: boolean;
}

/**
 * The first string (key or value) of a JSON value that is not well-formed, depth first in
 * document order, or null. For values that did not come through the strict JSON parser.
 */
export function findIllFormedString(value: unknown, path: readonly (string | number)[] = []): FoundString | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : { path, isKey: false };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findIllFormedString(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    if (!isWellFormed(key)) return { path: [...path, key], isKey: true };
    const found = findIllFormedString(inner, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}
