import { describe, expect, it } from 'vitest';

import { parseStrictJson } from '../../../shared/json/strict-json.ts';

describe('parseStrictJson', () => {
  it.each([
    ['{}', {}],
    ['[1, 2.5, -0.5e3, true, false, null]', [1, 2.5, -500, true, false, null]],
    ['{"a": {"b": ["c", {"d": "\\u0065\\n"}]}}', { a: { b: ['c', { d: 'e\n' }] } }],
    ['\uFEFF{"名称": "王明"}', { 名称: '王明' }],
    ['  \r\n\t"x"  ', 'x'],
  ])('reads %j like JSON.parse', (text, expected) => {
    expect(parseStrictJson(text)).toEqual({ ok: true, value: expected });
  });

  it('keeps "__proto__" as an own key, as JSON.parse does', () => {
    const result = parseStrictJson('{"__proto__": {"x": 1}}');
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.value as object)).toEqual(['__proto__']);
  });

  it.each([
    ['{"a": 1, "a": 2}', 1, 10],
    ['{"a": 1,\n "b": {"c": 1, "c": 1}}', 2, 16],
    // Equal after decoding: "a" and "\u0061" are the same key.
    ['{"a": 1, "\\u0061": 2}', 1, 10],
  ])('refuses a repeated key in %j at line %i column %i', (text, line, column) => {
    const result = parseStrictJson(text);
    expect(result).toMatchObject({ ok: false, code: 'duplicate-key', position: { line, column } });
    if (!result.ok) expect(result.message).toContain('duplicate key');
  });

  it('allows the same key in different objects', () => {
    expect(parseStrictJson('[{"a": 1}, {"a": 2}]').ok).toBe(true);
  });

  it.each([
    ['', 1, 1],
    ['{', 1, 2],
    ['{"a" 1}', 1, 6],
    ['{"a": 1,}', 1, 9],
    ['[1 2]', 1, 4],
    ['{"a": 01}', 1, 8],
    ['{"a": .5}', 1, 7],
    ["{'a': 1}", 1, 2],
    ['{"a": "x\ny"}', 1, 9],
    ['{"a": "\\x"}', 1, 8],
    ['{"a": NaN}', 1, 7],
    ['{"a": 1} x', 1, 10],
    ['{\n  "a": tru\n}', 2, 8],
    ['"abc', 1, 1],
  ])('refuses %j as not JSON at line %i column %i', (text, line, column) => {
    expect(parseStrictJson(text)).toMatchObject({ ok: false, code: 'not-json', position: { line, column } });
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    expect(parseStrictJson('['.repeat(100_000))).toMatchObject({ ok: false, code: 'not-json' });
  });
});
