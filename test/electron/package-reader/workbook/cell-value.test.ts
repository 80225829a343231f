import type { CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';

import { cellDate, cellNumber, cellText, cellWholeNumber } from '../../../../electron/package-reader/workbook/cell-value.ts';

describe('cell values', () => {
  it.each<[string, CellValue, string]>([
    ['plain text, trimmed', '  证明材料/a.pdf \n', '证明材料/a.pdf'],
    ['a phone number typed as a number', 13905510000, '13905510000'],
    ['rich text', { richText: [{ text: '证明' }, { text: '材料' }] }, '证明材料'],
    ['a hyperlink pasted from Explorer', { text: '证明材料/a.pdf', hyperlink: 'file:///C:/x/a.pdf' }, '证明材料/a.pdf'],
    ['a formula result', { formula: 'A1', result: '结果' }, '结果'],
    ['an error value', { error: '#N/A' }, ''],
    ['empty', null, ''],
  ])('reads %s as text', (_, value, text) => {
    expect(cellText(value)).toBe(text);
  });

  it.each<[CellValue, string | null]>([
    [new Date(Date.UTC(2026, 4, 12)), '2026-05-12'],
    [new Date(Date.UTC(2026, 4, 12, 23, 30)), '2026-05-12'],
    [46154, '2026-05-12'],
    ['2026-05-12', '2026-05-12'],
    ['2026/5/2', '2026-05-02'],
    ['2026.12.31', '2026-12-31'],
    ['2026年5月12日', '2026-05-12'],
    ['２０２６－０５－１２', '2026-05-12'],
    ['2026-02-29', null],
    ['2024-02-29', '2024-02-29'],
    ['2026-13-01', null],
    ['5月12日', null],
    [46154.5, null],
    [12, null],
  ])('reads the date %j as %j', (value, date) => {
    expect(cellDate(value)).toEqual(date === null ? { ok: false } : { ok: true, value: date });
  });

  it.each<[CellValue, number | null]>([
    [52000, 52000],
    ['52,000', 52000],
    ['５２０００', 52000],
    ['2.5', 2.5],
    [{ formula: 'A1*2', result: 5 }, 5],
    ['5亿', null],
    ['', null],
  ])('reads the number %j as %j', (value, number) => {
    expect(cellNumber(value)).toEqual(number === null ? { ok: false } : { ok: true, value: number });
  });

  it.each<[CellValue, number | null]>([
    [2026, 2026],
    ['2026', 2026],
    ['2026年', 2026],
    ['二〇二六', null],
    ['2026.5', null],
  ])('reads the whole number %j as %j', (value, number) => {
    expect(cellWholeNumber(value)).toEqual(number === null ? { ok: false } : { ok: true, value: number });
  });
});
