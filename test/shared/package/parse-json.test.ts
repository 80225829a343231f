import { describe, expect, it } from 'vitest';
import { lineLocator, parseJson } from '../../../shared/package/parse-json.ts';

function syntaxError(text: string) {
  const result = parseJson(text);
  if (result.ok) throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
  return result;
}

describe('parseJson: values', () => {
  it.each([
    ['{}'],
    ['[]'],
    ['{"a":1,"b":[true,false,null],"c":{"d":"e"}}'],
    ['  {\n\t"年度": 2026 ,\r\n "x" : -0.5e+3 }  '],
    ['"\\u4e2d\\n\\"\\\\\\/\\b\\f\\r\\t"'],
    ['0'],
    ['-12.25E-2'],
    ['[{"a":[{"b":[]}]}]'],
  ])('gives what JSON.parse gives for %j', (text) => {
    const result = parseJson(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(JSON.parse(text));
  });

  it('skips a UTF-8 byte order mark', () => {
    const result = parseJson('\ufeff{"year":2026}');
    expect(result).toMatchObject({ ok: true, value: { year: 2026 } });
  });

  it('records where each value starts, by JSON path', () => {
    const result = parseJson('{\n  "claims": {\n    "I4.techContracts": { "items": [ {"id": "tc-1"} ] }\n  }\n}');
    if (!result.ok) throw new Error('expected valid JSON');
    expect(result.positions.get('claims.I4.techContracts.items[0].id')).toEqual({ line: 3, column: 45 });
    expect(result.positions.get('')).toEqual({ line: 1, column: 1 });
  });

  it('reports a duplicate key with its place, keeping the last value as JSON.parse does', () => {
    const result = parseJson('{"claims": {"I1.office": 1,\n "I1.office": 2}}');
    if (!result.ok) throw new Error('expected valid JSON');
    expect(result.value).toEqual({ claims: { 'I1.office': 2 } });
    expect(result.duplicateKeys).toEqual([{ path: 'claims.I1.office', key: 'I1.office', position: { line: 2, column: 2 } }]);
  });

  it('keeps a "__proto__" key as data, never as the prototype', () => {
    const result = parseJson('{"__proto__": {"polluted": true}}');
    if (!result.ok) throw new Error('expected valid JSON');
    const value = result.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseJson: syntax errors with line and column', () => {
  it.each([
    ['a trailing comma in an object', '{\n  "a": 1,\n}', 2, 9, '多了一个逗号'],
    ['a trailing comma in an array', '[1,2,]', 1, 5, '多了一个逗号'],
    ['a Chinese comma', '{\n  "a": 1，\n  "b": 2\n}', 2, 9, '中文标点“，”'],
    ['a Chinese colon', '{"a"：1}', 1, 5, '中文标点“：”'],
    ['Chinese quotes', '{“a”: 1}', 1, 2, '中文标点““”'],
    ['single quotes', "{'a': 1}", 1, 2, '单引号'],
    ['a comment', '{\n// 说明\n"a": 1}', 2, 1, '注释'],
    ['a missing colon', '{"a" 1}', 1, 6, '冒号'],
    ['a missing comma', '{"a": 1 "b": 2}', 1, 9, '“,”或“}”'],
    ['an unquoted key', '{year: 2026}', 1, 2, '双引号括起来的属性名'],
    ['a line break inside a string', '{"a": "第一行\n第二行"}', 1, 11, '不能直接换行'],
    ['an unfinished text', '{"a": "abc', 1, 7, '缺少结尾的英文双引号'],
    ['a cut-off file', '{"a": [1, 2', 1, 12, '没有写完'],
    ['True in capitals', '{"a": True}', 1, 7, '一个值'],
    ['a leading zero', '{"a": 012}', 1, 7, '数字格式'],
    ['a bad escape (a Windows path)', '{"a": "证明材料\\合同.pdf"}', 1, 12, '反斜杠'],
    ['text after the object', '{"a": 1} {"b": 2}', 1, 10, '文件结尾'],
    ['CRLF line ends', '{\r\n"a": 1,\r\n}', 2, 7, '多了一个逗号'],
  ])('%s', (_what, text, line, column, words) => {
    const error = syntaxError(text);
    expect(error.position).toEqual({ line, column });
    expect(error.message).toContain(words);
  });

  it('names the field of a number too large to represent, instead of reading it as Infinity', () => {
    const error = syntaxError('{\n  "year": 1e309\n}');
    expect(error.position).toEqual({ line: 2, column: 11 });
    expect(error.message).toMatch(/^year 的数字 1e309 太大/);
    expect(syntaxError('[-1e400]').message).toMatch(/^\[0\] 的数字 -1e400 太大/);
    expect(syntaxError('1e309').message).toMatch(/^数字 1e309 太大/);
  });

  it('counts the column after a BOM from the first visible character', () => {
    expect(syntaxError('\ufeff{,}').position).toEqual({ line: 1, column: 2 });
  });

  it('refuses nesting deep enough to exhaust the stack, without throwing', () => {
    const error = syntaxError('['.repeat(100_000));
    expect(error.message).toContain('嵌套');
  });
});

describe('lineLocator', () => {
  it('treats \\n, \\r\\n and a lone \\r as line ends', () => {
    const locate = lineLocator('a\nb\r\nc\rd');
    expect([0, 2, 5, 7].map(locate)).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});

describe('parseJson: strings that are not well-formed', () => {
  it('refuses a lone surrogate like a syntax error, listing every one with its path', () => {
    const result = parseJson('{\n "a": "x\\ud800",\n "b": ["ok", "\\udfff"],\n "\\ud801k": 1\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toEqual({ line: 2, column: 7 });
    expect(result.message).toMatch(/“a”的文字含有无法显示的字符：不成对的 UTF-16 代理项（\\u\{d800\}）/);
    expect(result.illFormed?.strings.map((s) => [s.path, s.isKey, s.codePoint.toString(16)])).toEqual([
      ['a', false, 'd800'],
      ['b[1]', false, 'dfff'],
      ['["\\ud801k"]', true, 'd801'],
    ]);
  });

  it('accepts a surrogate pair, escaped or not', () => {
    const result = parseJson('["\\ud83d\\ude00", "😀"]');
    expect(result.ok && result.value).toEqual(['😀', '😀']);
  });
});
