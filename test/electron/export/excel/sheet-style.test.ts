import { describe, expect, it } from 'vitest';
import { displayWidth, wrappedLines } from '../../../../electron/export/excel/sheet-style.ts';

describe('row heights for wrapped cells', () => {
  it('counts a Han character (Extension B too) and a full-width form as two widths, ASCII as one', () => {
    expect(displayWidth('HFA-001')).toBe(7);
    expect(displayWidth('合肥市')).toBe(6);
    expect(displayWidth('𠮷（）')).toBe(6);
    expect(displayWidth('E03 吉田')).toBe(8);
  });

  it('counts the lines of a text in a column, each newline starting one', () => {
    expect(wrappedLines('', 20)).toBe(1);
    expect(wrappedLines('短', 20)).toBe(1);
    // 20 wide holds 16 widths: 8 Han characters a line.
    expect(wrappedLines('一二三四五六七八', 20)).toBe(1);
    expect(wrappedLines('一二三四五六七八九', 20)).toBe(2);
    expect(wrappedLines('一\n二\n三', 20)).toBe(3);
  });
});
