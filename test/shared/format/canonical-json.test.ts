import { describe, expect, it } from 'vitest';

import { canonicalJson } from '../../../shared/format/canonical-json.ts';

describe('canonicalJson (RFC 8785, JCS)', () => {
  it('matches the example of RFC 8785 section 3.2.2', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, not code points (RFC 8785 section 3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // JS objects list integer-like keys ("1") first, so compare positions in the text.
    const text = canonicalJson(input);
    const order = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'].map((key) =>
      text.indexOf(JSON.stringify(key)),
    );
    expect(order.every((position) => position >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The emoji (U+1F600, code units D83D DE00) sorts before U+FB33 although its code point is larger.
    expect(text.indexOf('\ud83d\ude00')).toBeLessThan(text.indexOf('\ufb33'));
  });

  it.each([
    [2.5, '2.5'],
    [2, '2'],
    [0.1, '0.1'],
    [87.33, '87.33'],
    [-0, '0'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [1.5e-7, '1.5e-7'],
    [0.000001, '0.000001'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('prints the number %d as Number.prototype.toString does: %s', (value, expected) => {
    expect(canonicalJson({ n: value })).toBe(`{"n":${expected}}`);
    expect(expected).toBe(value === 0 ? '0' : String(value));
  });

  it('keeps Chinese text as it is (UTF-8, not \\u escapes) and escapes only what JSON requires', () => {
    expect(canonicalJson({ reason: '无理事会会议纪要', tab: '\t', del: '\u007f', nul: '\u0000' })).toBe(
      '{"del":"\u007f","nul":"\\u0000","reason":"无理事会会议纪要","tab":"\\t"}',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 2 }, 3], a: { d: null, c: true } })).toBe(
      '{"a":{"c":true,"d":null},"b":[{"a":2,"z":1},3]}',
    );
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['a lone surrogate', { s: '\ud800' }],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow();
  });
});
