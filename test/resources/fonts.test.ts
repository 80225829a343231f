/**
 * The committed PDF fonts in resources/fonts: they are the files the checksums name, each has
 * exactly the characters its list says (the lists are what Noto Sans SC and Source Han Sans SC
 * had, the fonts the PDFs were set in before), together they have what Chinese administrative
 * text needs, and no name in them uses Adobe's reserved name 'Source'.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { CHECKOUT_FONTS_DIR, loadShippedFonts, SHIPPED_FONT_FILES } from '../../electron/export/fonts/shipped-fonts.ts';

const fonts = loadShippedFonts(CHECKOUT_FONTS_DIR);
const faces = [...fonts.regular, ...fonts.bold];

function listed(file: string): Set<number> {
  const chars = new Set<number>();
  for (const line of readFileSync(join(CHECKOUT_FONTS_DIR, file), 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [first = '', last = first] = line.trim().split('..');
    for (let code = parseInt(first, 16); code <= parseInt(last, 16); code++) chars.add(code);
  }
  return chars;
}

/** The characters a two-byte legacy encoding decodes to, as the WHATWG decoder reads it. */
function twoByteRepertoire(encoding: string): number[] {
  const decoder = new TextDecoder(encoding);
  const chars = new Set<number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      for (const char of decoder.decode(new Uint8Array([lead, trail]))) {
        const code = char.codePointAt(0) ?? 0;
        // U+FFFD: no character there; private use: no glyph in any font, set as 〓 and reported.
        if (code > 0x7f && code !== 0xfffd && !(code >= 0xe000 && code <= 0xf8ff)) chars.add(code);
      }
    }
  }
  return [...chars];
}

function inAnyFace(code: number): boolean {
  return fonts.regular.some((face) => face.font.hasGlyphForCodePoint(code));
}

const hex = (code: number): string => `U+${code.toString(16).toUpperCase()}`;

describe('resources/fonts', () => {
  it('holds the files SHA256SUMS names, with those checksums', () => {
    const sums = readFileSync(join(CHECKOUT_FONTS_DIR, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => /^([0-9a-f]{64}) [ *](.+)$/.exec(line));
    const named = sums.map((match) => match?.[2]);
    expect(named.sort()).toEqual([...SHIPPED_FONT_FILES].sort());
    expect(readdirSync(CHECKOUT_FONTS_DIR).filter((file) => file.endsWith('.otf')).sort()).toEqual([...SHIPPED_FONT_FILES].sort());
    for (const match of sums) {
      const [, sum = '', file = ''] = match ?? [];
      expect(createHash('sha256').update(readFileSync(join(CHECKOUT_FONTS_DIR, file))).digest('hex'), file).toBe(sum);
    }
    expect(readFileSync(join(CHECKOUT_FONTS_DIR, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it.each([
    ['main', 'main-characters.txt'],
    ['fallback', 'fallback-characters.txt'],
  ])('gives the %s font, in both weights, exactly the characters of its list', (part, list) => {
    const expected = [...listed(list)].sort((a, b) => a - b);
    for (const face of faces.filter((entry) => entry.name.startsWith(`${part}-`))) {
      expect([...new Set(face.font.characterSet)].sort((a, b) => a - b), face.name).toEqual(expected);
    }
  });

  it('keeps the main and the fallback lists apart, and their union what the old pair had', () => {
    const main = listed('main-characters.txt');
    const fallback = listed('fallback-characters.txt');
    expect([...fallback].filter((code) => main.has(code))).toEqual([]);
    // Noto Sans SC 2.004 had 30 890 characters, Source Han Sans SC 2.001 44 808; 44 811 together.
    expect([main.size, fallback.size, main.size + fallback.size]).toEqual([30890, 13921, 44811]);
  });

  it("covers GB 18030's two-byte part (GB 2312, GBK) and CJK Extension A", () => {
    const extensionA = Array.from({ length: 0x4db5 - 0x3400 + 1 }, (_, i) => 0x3400 + i);
    const gb18030 = twoByteRepertoire('gb18030');
    expect(gb18030.length).toBeGreaterThan(21000);
    expect([...gb18030, ...extensionA].filter((code) => !inAnyFace(code)).map(hex)).toEqual([]);
  });

  it('covers every Han character of Big5 (with the HKSCS additions) and 2 108 of CJK Extension B, 𠮷 among them', () => {
    const big5Han = twoByteRepertoire('big5').filter((code) => /\p{Script=Han}/u.test(String.fromCodePoint(code)));
    expect(big5Han.length).toBeGreaterThan(13000);
    expect(big5Han.filter((code) => !inAnyFace(code)).map(hex)).toEqual([]);
    const extensionB = [...listed('fallback-characters.txt'), ...listed('main-characters.txt')].filter((code) => code >= 0x20000 && code <= 0x2a6df);
    expect(extensionB.length).toBe(2108);
    expect(extensionB.every(inAnyFace)).toBe(true);
    expect(inAnyFace(0x20bb7)).toBe(true);
  });

  it("names every face Noto Sans CJK SC Main or Fallback, never with Adobe's reserved name 'Source'", () => {
    expect(faces.map((face) => face.font.postscriptName)).toEqual([
      'NotoSansCJKscMain-Regular',
      'NotoSansCJKscFallback-Regular',
      'NotoSansCJKscMain-Bold',
      'NotoSansCJKscFallback-Bold',
    ]);
    for (const face of faces) {
      for (const name of [face.font.postscriptName, face.font.familyName, face.font.fullName, face.font.subfamilyName]) {
        expect(name, face.path).not.toMatch(/source/i);
      }
    }
  });
});
