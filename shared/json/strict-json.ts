/**
 * Strict JSON: parsing a file that carries a signature or a score, where "the last key wins"
 * is not good enough.
 *
 * - strict JSON text: RFC 8259 JSON (what `JSON.parse` accepts) with no object holding the
 *   same key twice. `JSON.parse` silently keeps the last of two equal keys, so a sheet could
 *   show a reader `"accept": false` and score `"accept": true`; we refuse such text instead.
 * - position: 1-based line and column (in UTF-16 code units) of the first problem, so a person
 *   can find it in an editor.
 *
 * A leading UTF-8 byte order mark (U+FEFF) is tolerated, as Windows editors write one.
 */

export interface JsonPosition {
  readonly line: number;
  readonly column: number;
}

export type StrictJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly code: 'not-json' | 'duplicate-key';
      /** Chinese, with the English key word. */
      readonly message: string;
      readonly position: JsonPosition;
    };

/** RFC 8259 number grammar, sticky so it matches exactly at the scanner's offset. */
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Deepest nesting we follow; far beyond any sheet or result, and keeps the scanner's stack small. */
const MAX_DEPTH = 256;

export function parseStrictJson(text: string): StrictJsonResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const scanner = new Scanner(source);
  const failure = scanner.run();
  if (failure !== null) {
    return { ok: false, code: failure.code, message: failure.message, position: positionAt(source, failure.offset) };
  }
  // The scanner accepted exactly the JSON grammar, so JSON.parse cannot throw here; it builds
  // the value (with `__proto__` as an own key, as JSON.parse does).
  return { ok: true, value: JSON.parse(source) as unknown };
}

interface ScanFailure {
  readonly code: 'not-json' | 'duplicate-key';
  readonly message: string;
  readonly offset: number;
}

class ScanError extends Error {
  readonly failure: ScanFailure;
  constructor(failure: ScanFailure) {
    super(failure.message);
    this.failure = failure;
  }
}

class Scanner {
  private offset = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  run(): ScanFailure | null {
    try {
      this.skipSpace();
      this.value(0);
      this.skipSpace();
      if (this.offset < this.text.length) this.fail('JSON 之后还有多余内容 (unexpected content after JSON)');
      return null;
    } catch (error) {
      if (error instanceof ScanError) return error.failure;
      throw error;
    }
  }

  private fail(message: string, offset = this.offset, code: ScanFailure['code'] = 'not-json'): never {
    throw new ScanError({ code, message, offset });
  }

  private skipSpace(): void {
    while (this.offset < this.text.length) {
      const c = this.text.charCodeAt(this.offset);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.offset += 1;
      else return;
    }
  }

  private value(depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`嵌套超过 ${MAX_DEPTH} 层 (nested too deeply)`);
    const c = this.text[this.offset];
    switch (c) {
      case '{':
        this.object(depth);
        return;
      case '[':
        this.array(depth);
        return;
      case '"':
        this.string();
        return;
      case 't':
        this.literal('true');
        return;
      case 'f':
        this.literal('false');
        return;
      case 'n':
        this.literal('null');
        return;
      case undefined:
        this.fail('JSON 不完整 (unexpected end of JSON)');
        break;
      default:
        if (c === '-' || (c >= '0' && c <= '9')) {
          this.number();
          return;
        }
        this.fail(`意外的字符 ${JSON.stringify(c)} (unexpected character)`);
    }
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.offset)) this.fail('意外的字符 (unexpected token)');
    this.offset += word.length;
  }

  private number(): void {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail('数字格式不对 (malformed number)');
    this.offset += match[0].length;
  }

  /** Scans a string and returns its decoded value (keys are compared decoded: "a" equals "\u0061"). */
  private string(): string {
    const start = this.offset;
    this.offset += 1;
    while (this.offset < this.text.length) {
      const c = this.text.charCodeAt(this.offset);
      if (c === 0x22) {
        this.offset += 1;
        return JSON.parse(this.text.slice(start, this.offset)) as string;
      }
      if (c < 0x20) this.fail('字符串中有未转义的控制字符 (control character in string)');
      if (c === 0x5c) {
        const next = this.text[this.offset + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6))) {
            this.fail('\\u 转义格式不对 (malformed \\u escape)');
          }
          this.offset += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          this.offset += 2;
        } else {
          this.fail('转义字符不对 (malformed escape)');
        }
      } else {
        this.offset += 1;
      }
    }
    return this.fail('字符串没有结束 (unterminated string)', start);
  }

  private object(depth: number): void {
    this.offset += 1;
    const keys = new Set<string>();
    this.skipSpace();
    if (this.text[this.offset] === '}') {
      this.offset += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.offset] !== '"') this.fail('此处应为用双引号括起的键名 (expected a key in double quotes)');
      const keyOffset = this.offset;
      const key = this.string();
      if (keys.has(key)) this.fail(`键 ${JSON.stringify(key)} 重复 (duplicate key)`, keyOffset, 'duplicate-key');
      keys.add(key);
      this.skipSpace();
      if (this.text[this.offset] !== ':') this.fail('此处应为冒号 (expected ":")');
      this.offset += 1;
      this.skipSpace();
      this.value(depth + 1);
      this.skipSpace();
      const c = this.text[this.offset];
      if (c === ',') {
        this.offset += 1;
        continue;
      }
      if (c === '}') {
        this.offset += 1;
        return;
      }
      this.fail('此处应为逗号或 } (expected "," or "}")');
    }
  }

  private array(depth: number): void {
    this.offset += 1;
    this.skipSpace();
    if (this.text[this.offset] === ']') {
      this.offset += 1;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value(depth + 1);
      this.skipSpace();
      const c = this.text[this.offset];
      if (c === ',') {
        this.offset += 1;
        continue;
      }
      if (c === ']') {
        this.offset += 1;
        return;
      }
      this.fail('此处应为逗号或 ] (expected "," or "]")');
    }
  }
}

function positionAt(text: string, offset: number): JsonPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
