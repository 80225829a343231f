/** A spreadsheet's text for search and `evidence --text`: the texts shown, a tab between cells, a line per row. */
import { describe, expect, it } from 'vitest';

import { sheetsText } from '../../../shared/evidence/spreadsheet-text.ts';

describe('sheetsText', () => {
  it.each([
    ['cells joined by tabs, rows by line breaks', [['编号', '金额'], ['tc-1', '¥12,345.68']], '编号\t金额\ntc-1\t¥12,345.68'],
    ['a cell’s own line breaks and tabs become one space each, so a row stays a line', [['第一行\n第二行', 'a\tb']], '第一行 第二行\ta b'],
    ['empty cells (what a merged range covers) keep their place', [['标题', '', ''], ['a', 'b', 'c']], '标题\t\t\na\tb\tc'],
    ['an empty sheet is empty text', [], ''],
  ])('%s', (_, rows, text) => {
    expect(sheetsText([{ name: '合同清单', rows }])).toEqual([{ sheet: '合同清单', text }]);
  });
});
