/**
 * JSON text parsing for manifest.json, written by hand because the clerk needs more than
 * `JSON.parse` gives:
 *
 * - syntax error: the first place the text stops being JSON (RFC 8259), with its line and
 *   column (1-based; a column counts UTF-16 units, as editors do) and what was expected there,
 *   in Chinese. Mistakes people make typing JSON in a Chinese editor get their own words:
 *   Chinese punctuation (`，` `：` `“`), single quotes, trailing commas, comments.
 * - position: where each value starts, by JSON path, so every later problem can say "第 12 行".
 * - duplicate key: a key given twice in one object. `JSON.parse` silently keeps the last one,
 *   which would drop a claim without anyone noticing, so they are reported.
 *
 * - number too large: `1e309` is JSON but no double; `JSON.parse` turns it into Infinity.
 *   It is refused as a syntax error naming the field, since no field of the format wants it.
 *
 * - ill-formed string: a key or value with a lone UTF-16 surrogate (`"\ud800"`), which no
 *   UTF-8 file, database or signature can carry (shared/format/text-safety.ts). The text is
 *   refused like a syntax error, so no caller can take such a value by mistake; the failure
 *   also lists every such string by JSON path, with the value, for a message naming the field.
 *
 * Otherwise the value produced equals what `JSON.parse` produces for the same text. A leading BOM is
 * skipped (package-format.md tolerates one).
 */
import { describeCharacter, findLoneSurrogate } from '../format/text-safety.ts';
import { formatJsonPath, type JsonPathSegment } from './json-path.ts';

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

export interface DuplicateKey {
  readonly path: string;
  readonly key: string;
  readonly position: TextPosition;
}

export interface IllFormedString {
  /** The JSON path of the value, or of the key's member when `isKey`. */
  readonly path: string;
  readonly segments: readonly JsonPathSegment[];
  readonly isKey: boolean;
  /** The lone surrogate, e.g. 0xd800. */
  readonly codePoint: number;
  readonly position: TextPosition;
  /** Offset of the string's opening quote in the input. */
  readonly offset: number;
}

export type JsonParseResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** JSON path (formatJsonPath) → where its value starts. */
      readonly positions: ReadonlyMap<string, TextPosition>;
      readonly duplicateKeys: readonly DuplicateKey[];
    }
  | {
      readonly ok: false;
      readonly position: TextPosition;
      readonly offset: number;
      readonly message: string;
      /**
       * Set when the text is JSON but has strings that are not well-formed: each of them, and
       * the value read (for naming a field by its neighbours; never to be used as data).
       */
      readonly illFormed?: { readonly strings: readonly IllFormedString[]; readonly value: unknown } | undefined;
    };

/** Deep enough for any manifest; deeper input would only exhaust the stack. */
const MAX_DEPTH = 256;

class SyntaxProblem extends Error {
  readonly offset: number;
  constructor(offset: number, message: string) {
    super(message);
    this.offset = offset;
  }
}

const chinesePunctuation: Readonly<Record<string, string>> = {
  '，': ',',
  '：': ':',
  '“': '"',
  '”': '"',
  '‘': '"',
  '’': '"',
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
};

const simpleEscapes: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function parseJson(input: string): JsonParseResult {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const skipped = text.length === input.length ? 0 : 1;
  const positions = new Map<string, TextPosition>();
  const duplicateKeys: DuplicateKey[] = [];
  const illFormed: IllFormedString[] = [];
  let at = 0;

  const locate = lineLocator(text);
  const positionOf = (offset: number): TextPosition => locate(offset);

  function describe(offset: number): string {
    if (offset >= text.length) return '文件结尾';
    const char = text[offset] ?? '';
    if (char === '\n' || char === '\r') return '换行';
    return `“${char}”`;
  }

  function fail(offset: number, expected: string): never {
    const char = text[offset];
    if (char !== undefined) {
      const ascii = chinesePunctuation[char];
      if (ascii !== undefined) {
        throw new SyntaxProblem(offset, `这里用了中文标点“${char}”，JSON 只认英文标点“${ascii}”`);
      }
      if (char === "'") throw new SyntaxProblem(offset, '字符串和属性名必须用英文双引号 " 括起来，不能用单引号');
      if (char === '/' && (text[offset + 1] === '/' || text[offset + 1] === '*')) {
        throw new SyntaxProblem(offset, 'JSON 里不能写注释（// 或 /* */），请删除');
      }
    }
    if (offset >= text.length) {
      throw new SyntaxProblem(offset, `内容没有写完（应为${expected}），可能少了“}”或“]”`);
    }
    throw new SyntaxProblem(offset, `这里应为${expected}，实际是${describe(offset)}`);
  }

  function skipWhitespace(): void {
    while (at < text.length) {
      const char = text[at];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') at += 1;
      else break;
    }
  }

  function parseValue(path: JsonPathSegment[], depth: number): unknown {
    skipWhitespace();
    if (depth > MAX_DEPTH) throw new SyntaxProblem(at, `嵌套超过 ${MAX_DEPTH} 层，manifest.json 不应这样写`);
    positions.set(formatJsonPath(path), positionOf(at));
    const char = text[at];
    switch (char) {
      case '{':
        return parseObject(path, depth);
      case '[':
        return parseArray(path, depth);
      case '"':
        return parseString(path, false);
      case 't':
        return parseLiteral('true', true);
      case 'f':
        return parseLiteral('false', false);
      case 'n':
        return parseLiteral('null', null);
      default:
        if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return parseNumber(path);
        return fail(at, '一个值（对象 {…}、数组 […]、带双引号的文字、数字、true、false 或 null）');
    }
  }

  function parseLiteral(word: string, value: unknown): unknown {
    if (text.startsWith(word, at)) {
      at += word.length;
      return value;
    }
    return fail(at, `${word}（全小写）`);
  }

  function parseNumber(path: readonly JsonPathSegment[]): number {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (match === null) throw new SyntaxProblem(at, '数字格式不对（例如 12、2.5、-1；不能有前导的 0、“+”号或末尾的“.”）');
    const after = text[at + match[0].length];
    if (after !== undefined && /[0-9.eE+-]/.test(after)) {
      throw new SyntaxProblem(at, '数字格式不对（例如 12、2.5、-1；不能有前导的 0、“+”号或末尾的“.”）');
    }
    const value = Number(match[0]);
    // JSON.parse gives Infinity, which any later check would show as null (JSON.stringify's
    // word for it): say the number itself is too large, and for which field.
    if (!Number.isFinite(value)) {
      const field = path.length === 0 ? '' : `${formatJsonPath(path)} 的`;
      throw new SyntaxProblem(at, `${field}数字 ${match[0]} 太大，超出了程序能表示的范围（绝对值须小于约 1.8e308），请改成实际的数值`);
    }
    at += match[0].length;
    return value;
  }

  function parseString(path: readonly JsonPathSegment[], isKey: boolean): string {
    const start = at;
    const out = parseStringText();
    const lone = findLoneSurrogate(out);
    if (lone !== -1) {
      const segments = isKey ? [...path, out] : path;
      illFormed.push({ path: formatJsonPath(segments), segments, isKey, codePoint: out.charCodeAt(lone), position: positionOf(start), offset: start + skipped });
    }
    return out;
  }

  function parseStringText(): string {
    const start = at;
    at += 1; // opening quote
    let out = '';
    for (;;) {
      const char = text[at];
      if (char === undefined) throw new SyntaxProblem(start, '这段文字缺少结尾的英文双引号 "');
      if (char === '"') {
        at += 1;
        return out;
      }
      if (char === '\\') {
        const escape = text[at + 1];
        const unescaped = escape === undefined ? undefined : simpleEscapes[escape];
        if (unescaped !== undefined) {
          out += unescaped;
          at += 2;
          continue;
        }
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(at + 2, at + 6), 16));
          at += 6;
          continue;
        }
        throw new SyntaxProblem(at, '反斜杠“\\”后的转义不对；文件路径请用“/”分隔，或把“\\”写成“\\\\”');
      }
      if (char < ' ') {
        if (char === '\n' || char === '\r') {
          throw new SyntaxProblem(at, '文字里不能直接换行（可能少了结尾的英文双引号 "）；需要换行请写 \\n');
        }
        throw new SyntaxProblem(at, '文字里有不可见的控制字符，请删除');
      }
      out += char;
      at += 1;
    }
  }

  function parseArray(path: JsonPathSegment[], depth: number): unknown[] {
    at += 1; // [
    const out: unknown[] = [];
    skipWhitespace();
    if (text[at] === ']') {
      at += 1;
      return out;
    }
    for (;;) {
      out.push(parseValue([...path, out.length], depth + 1));
      skipWhitespace();
      const char = text[at];
      if (char === ',') {
        const comma = at;
        at += 1;
        skipWhitespace();
        if (text[at] === ']') throw new SyntaxProblem(comma, '“]”前面多了一个逗号，请删除最后一个逗号');
        continue;
      }
      if (char === ']') {
        at += 1;
        return out;
      }
      fail(at, '“,”或“]”');
    }
  }

  function parseObject(path: JsonPathSegment[], depth: number): Record<string, unknown> {
    at += 1; // {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    skipWhitespace();
    if (text[at] === '}') {
      at += 1;
      return out;
    }
    for (;;) {
      skipWhitespace();
      if (text[at] !== '"') fail(at, '用英文双引号括起来的属性名（如 "year"）');
      const keyOffset = at;
      const key = parseString(path, true);
      skipWhitespace();
      if (text[at] !== ':') fail(at, '冒号“:”');
      at += 1;
      const value = parseValue([...path, key], depth + 1);
      if (seen.has(key)) {
        duplicateKeys.push({ path: formatJsonPath([...path, key]), key, position: positionOf(keyOffset) });
      }
      seen.add(key);
      // defineProperty, not assignment: a key "__proto__" must become data, not a prototype.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      skipWhitespace();
      const char = text[at];
      if (char === ',') {
        const comma = at;
        at += 1;
        skipWhitespace();
        if (text[at] === '}') throw new SyntaxProblem(comma, '“}”前面多了一个逗号，请删除最后一个逗号');
        continue;
      }
      if (char === '}') {
        at += 1;
        return out;
      }
      fail(at, '“,”或“}”');
    }
  }

  try {
    const value = parseValue([], 0);
    skipWhitespace();
    if (at < text.length) fail(at, '文件结尾（JSON 只能有一个最外层的 {…}，后面不能再有内容）');
    const first = illFormed[0];
    if (first !== undefined) {
      const where = first.path === '' ? '' : `“${first.path}”的`;
      return {
        ok: false,
        position: first.position,
        offset: first.offset,
        message: `${where}${first.isKey ? '键名' : '文字'}含有无法显示的字符：${describeCharacter(first.codePoint)}，请删除或改正`,
        illFormed: { strings: illFormed, value },
      };
    }
    return { ok: true, value, positions, duplicateKeys };
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    // The trailing-comma message points at the comma itself, which is where the fix goes.
    const offset = Math.min(error.offset, text.length);
    return { ok: false, position: positionOf(offset), offset: offset + skipped, message: error.message };
  }
}

/**
 * Line and column (1-based) of offsets in `text`; `\r\n`, `\n` and a lone `\r` each end a
 * line. The line starts are found once, so locating every value of a large manifest stays linear.
 */
export function lineLocator(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}
