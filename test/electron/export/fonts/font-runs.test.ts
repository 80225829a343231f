import { describe, expect, it } from 'vitest';

import { MISSING_MARK, splitRuns } from '../../../../electron/export/fonts/font-runs.ts';
import { loadShippedFonts } from '../../../../electron/export/fonts/shipped-fonts.ts';

const fonts = loadShippedFonts();

function runs(text: string): { runs: string[]; missing: string[] } {
  const missing = new Set<string>();
  const result = splitRuns(text, fonts.regular, missing, fonts.emojiNames);
  return { runs: result.map((run) => `${run.face.name}:${run.text}`), missing: [...missing] };
}

describe('splitRuns', () => {
  it.each([
    ['plain Chinese and digits stay in the main font', '合肥市 87.33 分', ['main-regular:合肥市 87.33 分'], []],
    ['Extension A (䶮) and 喆 are in the main font', '刘䶮 张喆', ['main-regular:刘䶮 张喆'], []],
    ['Extension B (𠮷) goes to the fallback font, and back', '𠮷田春华', ['fallback-regular:𠮷', 'main-regular:田春华'], []],
    ['a character no shipped font has becomes 〓 and is reported', '刘𪚥', [`main-regular:刘${MISSING_MARK}`], ['𪚥']],
    ['line breaks and tabs become spaces; variation selectors are dropped', '甲\n乙\t丙\uFE0F', ['main-regular:甲 乙 丙'], []],
    ['control characters are dropped, not reported as missing', '甲\u0000乙\u0007丙\u001b\u007f\u0085', ['main-regular:甲乙丙'], []],
    ['an emoji is printed as its Chinese name, not reported missing', '很好👍', ['main-regular:很好〔拇指向上〕'], []],
    ['a skin tone, a flag and a joined sequence are named whole', '👍🏻🇨🇳👨‍👩‍👧', ['main-regular:〔拇指向上: 较浅肤色〕〔旗: 中国〕〔家庭: 男人女人女孩〕'], []],
    ['an emoji with a variation selector is named like the plain one', '❤️', ['main-regular:〔红心〕'], []],
  ])('%s', (_name, text, expectedRuns, expectedMissing) => {
    expect(runs(text)).toEqual({ runs: expectedRuns, missing: expectedMissing });
  });

  it('uses the bold faces for bold text', () => {
    const missing = new Set<string>();
    expect(splitRuns('𠮷田', fonts.bold, missing).map((run) => run.face.name)).toEqual(['fallback-bold', 'main-bold']);
  });
});
