import { describe, expect, it } from 'vitest';

import { formatFingerprint } from '../../../shared/sheet/fingerprint-text.ts';
import type { Sheet } from '../../../shared/sheet/sheet-schema.ts';
import { sheetText } from '../../../shared/sheet/sheet-text.ts';

describe('sheetText', () => {
  it('writes the members in the order of the format, indented, with a final newline', () => {
    const sheet = {
      signature: { value: 'v', publicKey: 'k', alg: 'Ed25519' },
      reviews: [{ comment: '好', recused: false, decisions: {}, packageDigest: 'd', allianceId: 'A' }],
      signedAt: 't',
      expert: { name: '王明', id: 'E01' },
      rubric: 'r',
      year: 2026,
      version: 1,
      format: 'alliance-review/sheet',
    } as const satisfies Sheet;
    const text = sheetText(sheet);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['format', 'version', 'year', 'rubric', 'expert', 'signedAt', 'reviews', 'signature']);
    expect(text).toContain('"expert": {\n    "id": "E01",\n    "name": "王明"\n  }');
    expect(text).toContain('"allianceId": "A",\n      "packageDigest": "d",\n      "recused": false');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('handSignature');
    expect(text).not.toContain('overrides');
  });
});

describe('formatFingerprint', () => {
  it('takes the first 16 hex digits in four groups of four', () => {
    expect(formatFingerprint('3F9A0C117BE2D405aaaaaaaa')).toBe('3f9a 0c11 7be2 d405');
  });

  it('refuses fewer than 16 hex digits', () => {
    expect(() => formatFingerprint('3f9a0c11')).toThrow(RangeError);
    expect(() => formatFingerprint('zz9a0c117be2d405')).toThrow(RangeError);
  });
});
