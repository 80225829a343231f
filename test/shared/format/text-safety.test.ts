import { describe, expect, it } from 'vitest';
import {
  describeCharacter,
  escapeForTerminal,
  findControlCharacter,
  findIllFormedString,
  findLoneSurrogate,
  findUnsafeCharacter,
  isWellFormed,
} from '../../../shared/format/text-safety.ts';

describe('isWellFormed / findLoneSurrogate', () => {
  it.each([
    ['', -1],
    ['tc-2', -1],
    ['合肥联盟', -1],
    ['emoji 😀 ok', -1],
    ['\ud800', 0],
    ['tc-2\ud800', 4],
    ['\udc00x', 0],
    ['a\ud83d', 1],
    ['\ud83d\ud83d\ude00', 0],
    ['\ude00\ud83d', 0],
  ])('%j → %i', (text, index) => {
    expect(findLoneSurrogate(text)).toBe(index);
    expect(isWellFormed(text)).toBe(index === -1);
    // The runtime's own check agrees wherever it exists.
    const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
    if (native !== undefined) expect(native.call(text)).toBe(index === -1);
  });
});

describe('findControlCharacter', () => {
  it.each([
    ['张三', {}, null],
    ['王 五（副主任）', {}, null],
    ['a\u0000b', {}, 0x00],
    ['a\nb', {}, 0x0a],
    ['a\tb', {}, 0x09],
    ['a\rb', {}, 0x0d],
    ['张三\u001b[2K', {}, 0x1b],
    ['del\u007f', {}, 0x7f],
    ['c1\u0085', {}, 0x85],
    ['c1\u009b', {}, 0x9b],
    ['abc\u202eFDP.exe', {}, 0x202e],
    ['\u202a', {}, 0x202a],
    ['\u2066x\u2069', {}, 0x2066],
    ['x\u2069', {}, 0x2069],
    ['零\u200b宽', {}, 0x200b],
    ['零\u200d宽', {}, 0x200d],
    ['a\u2060b', {}, 0x2060],
    ['a\ufeffb', {}, 0xfeff],
    ['a\u2028b', {}, 0x2028],
    ['a\u200fb', {}, 0x200f],
    ['第一行\n第二行\r\n\t缩进', { multiLine: true }, null],
    ['理由\u001b[31m', { multiLine: true }, 0x1b],
    ['理由\u202e', { multiLine: true }, 0x202e],
    ['理由\u0000', { multiLine: true }, 0x00],
    ['\u00a0不换行空格 and é', {}, null],
  ])('%j %j → %s', (text, rules, codePoint) => {
    const found = findControlCharacter(text, rules);
    expect(found?.codePoint ?? null).toBe(codePoint);
    if (found !== null) expect(text.charCodeAt(found.index)).toBe(codePoint);
  });

  it('findUnsafeCharacter reports whichever comes first', () => {
    expect(findUnsafeCharacter('a\ud800\u001b')).toEqual({ index: 1, codePoint: 0xd800 });
    expect(findUnsafeCharacter('a\u001b\ud800')).toEqual({ index: 1, codePoint: 0x1b });
    expect(findUnsafeCharacter('a\nb', { multiLine: true })).toBeNull();
    expect(findUnsafeCharacter('ok')).toBeNull();
  });
});

describe('escapeForTerminal', () => {
  it.each([
    ['张三', '张三'],
    ['', ''],
    ['C:\\sheets\\E01.sheet.json', 'C:\\sheets\\E01.sheet.json'],
    ['😀', '😀'],
    ['a\nb', 'a\\u{a}b'],
    ['张三\n指纹 fingerprint：AAAA\u001b[1A\u001b[2K', '张三\\u{a}指纹 fingerprint：AAAA\\u{1b}[1A\\u{1b}[2K'],
    ['\r\t\u0000', '\\u{d}\\u{9}\\u{0}'],
    ['\u0085\u009b', '\\u{85}\\u{9b}'],
    ['abc\u202eexe', 'abc\\u{202e}exe'],
    ['\u2066\u2069', '\\u{2066}\\u{2069}'],
    ['a\u200bb\ufeff', 'a\\u{200b}b\\u{feff}'],
    ['tc-2\ud800', 'tc-2\\u{d800}'],
    ['\udc00\ud83d\ude00', '\\u{dc00}😀'],
  ])('%j → %j', (text, escaped) => {
    const out = escapeForTerminal(text);
    expect(out).toBe(escaped);
    expect(findUnsafeCharacter(out)).toBeNull();
  });
});

describe('describeCharacter', () => {
  it.each([
    [0x1b, '终端控制符 ESC（\\u{1b}）'],
    [0x0a, '换行符（\\u{a}）'],
    [0xd800, '不成对的 UTF-16 代理项（\\u{d800}）'],
    [0x202e, '改变文字方向的控制符（\\u{202e}）'],
    [0x85, '控制字符（\\u{85}）'],
    [0x200b, '零宽空格（\\u{200b}）'],
  ])('%i → %s', (codePoint, text) => {
    expect(describeCharacter(codePoint)).toBe(text);
  });
});

describe('findIllFormedString', () => {
  it.each([
    [{ a: ['x', { b: 'ok' }] }, null],
    [{ a: ['x', { b: 'bad\ud800' }] }, { path: ['a', 1, 'b'], isKey: false }],
    [{ a: { 'k\udfff': 1 } }, { path: ['a', 'k\udfff'], isKey: true }],
    ['\ud800', { path: [], isKey: false }],
    [42, null],
  ])('%j → %j', (value, found) => {
    expect(findIllFormedString(value)).toEqual(found);
  });
});
