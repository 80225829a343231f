import { describe, expect, it } from 'vitest';

import { findWorkbook } from '../../../../electron/package-reader/workbook/find-workbook.ts';

describe('findWorkbook', () => {
  it.each<[string, string[], ReturnType<typeof findWorkbook>]>([
    ['自查表.xlsx at the root', ['自查报告.pdf', '自查表.xlsx', '证明材料/a.pdf'], { kind: 'found', path: '自查表.xlsx' }],
    ['a prefixed name, when it is the only one', ['智能语音联盟自查表.xlsx', 'a.pdf'], { kind: 'found', path: '智能语音联盟自查表.xlsx' }],
    ['an upper-case extension', ['自查表.XLSX'], { kind: 'found', path: '自查表.XLSX' }],
    ['the exact name before prefixed ones', ['旧版自查表.xlsx', '自查表.xlsx'], { kind: 'found', path: '自查表.xlsx' }],
    ['none in a subfolder', ['证明材料/自查表.xlsx'], { kind: 'none' }],
    ["none for Excel's lock file", ['~$自查表.xlsx'], { kind: 'none' }],
    ['none for another workbook', ['经费明细.xlsx'], { kind: 'none' }],
    ['ambiguous between two prefixed names', ['b自查表.xlsx', 'a自查表.xlsx'], { kind: 'ambiguous', paths: ['a自查表.xlsx', 'b自查表.xlsx'] }],
  ])('finds %s', (_, paths, expected) => {
    expect(findWorkbook(paths)).toEqual(expected);
  });
});
