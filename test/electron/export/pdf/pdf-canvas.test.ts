import { describe, expect, it } from 'vitest';

import { breakUnits } from '../../../../electron/export/pdf/pdf-canvas.ts';

describe('breakUnits (where a Chinese line may break)', () => {
  it.each([
    ['between any two Han characters', '合肥市', ['合', '肥', '市']],
    ['never inside a Latin word or a number', 'HFA-012 得分 87.33', ['HFA-012', ' ', '得', '分', ' ', '87.33']],
    ['never before closing punctuation', '认定，不认定。', ['认', '定，', '不', '认', '定。']],
    ['never after opening punctuation', '见（附件）', ['见', '（附', '件）']],
    ['keeps quotes and a full stop with the word they enclose', '说“好”。', ['说', '“好”。']],
  ])('%s', (_name, text, units) => {
    expect(breakUnits(text)).toEqual(units);
    expect(breakUnits(text).join('')).toBe(text);
  });
});
