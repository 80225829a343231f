import { describe, expect, it } from 'vitest';

import { checkHandSignature, HAND_SIGNATURE_MAX_CHARS } from '../../../shared/sheet/hand-signature.ts';
import { pngBytes, pngDataUrl, pngDataUrlOfLength } from '../../helpers/png.ts';

describe('checkHandSignature', () => {
  it('accepts a PNG data URL', () => {
    expect(checkHandSignature(pngDataUrl())).toEqual({ ok: true });
  });

  it('has a limit of 200 KB = 204 800 characters for the whole data URL', () => {
    expect(HAND_SIGNATURE_MAX_CHARS).toBe(204_800);
    // "data:image/png;base64," is 22 characters and base64 comes in fours: 204 798 is the
    // longest PNG data URL within the limit, 204 802 the shortest beyond it.
    expect(checkHandSignature(pngDataUrlOfLength(204_798))).toEqual({ ok: true });
    expect(checkHandSignature(pngDataUrlOfLength(204_802))).toMatchObject({ ok: false, code: 'hand-signature-too-large' });
  });

  it('counts the limit before anything else, so a huge string is refused as too large', () => {
    expect(checkHandSignature('x'.repeat(HAND_SIGNATURE_MAX_CHARS + 1))).toMatchObject({
      ok: false,
      code: 'hand-signature-too-large',
    });
  });

  it.each([
    ['a JPEG data URL', `data:image/jpeg;base64,${pngBytes().toString('base64')}`],
    ['a PNG that is no PNG (JPEG bytes)', `data:image/png;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]).toString('base64')}`],
    ['an SVG', `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`],
    ['a URL', 'https://example.com/sig.png'],
    ['base64 with spaces', `data:image/png;base64,${pngBytes().toString('base64').replace(/(.{8})/, '$1 ')}`],
    ['base64url', `data:image/png;base64,${pngBytes(10).toString('base64url')}__`],
    ['an empty image', 'data:image/png;base64,'],
    ['uppercase media type', `DATA:IMAGE/PNG;BASE64,${pngBytes().toString('base64')}`],
  ])('refuses %s', (_name, url) => {
    expect(checkHandSignature(url)).toMatchObject({ ok: false, code: 'hand-signature-invalid' });
  });
});
