import { describe, expect, it } from 'vitest';

import { signingText } from '../../../shared/sheet/signing-text.ts';

describe('signingText', () => {
  it('is the canonical form of the sheet without its signature member', () => {
    const sheet = { version: 1, format: 'x', signature: { value: 'sig' }, expert: { name: '王明', id: 'E01' } };
    expect(signingText(sheet)).toBe('{"expert":{"id":"E01","name":"王明"},"format":"x","version":1}');
  });

  it('does not depend on the key order or layout of the file', () => {
    const a = JSON.parse('{"a": 1, "b": {"y": 2.50, "x": "中"}, "signature": {}}') as object;
    const b = JSON.parse('{"b":{"x":"\\u4e2d","y":2.5},"a":1}') as object;
    expect(signingText(a)).toBe(signingText(b));
  });

  it('keeps a nested "signature" member (only the top-level one is left out)', () => {
    expect(signingText({ x: { signature: 1 } })).toBe('{"x":{"signature":1}}');
  });
});
