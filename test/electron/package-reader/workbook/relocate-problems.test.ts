import { describe, expect, it } from 'vitest';

import { cellOfPath, relocateProblems } from '../../../../electron/package-reader/workbook/relocate-problems.ts';
import type { WorkbookConversion } from '../../../../electron/package-reader/workbook/workbook-to-manifest.ts';

const conversion: WorkbookConversion = {
  manifest: null,
  problems: [{ severity: 'error', code: 'workbook-cell-invalid', path: '联盟工作任务!H5', message: '日期', field: 'claims.I4.techContracts.items[0].date' }],
  cells: {
    'alliance.name': '联盟信息!C5',
    'claims.I4.techContracts': '联盟工作任务!G5',
    'claims.I4.techContracts.items[0]': '联盟工作任务!G5',
    'claims.I4.techContracts.items[0].evidence': '联盟工作任务!K5',
    'claims.I4.techContracts.items[0].evidence[1]': '联盟工作任务!K5',
  },
};

describe('relocating validator problems onto cells', () => {
  it.each<[string, string | undefined]>([
    ['alliance.name', '联盟信息!C5'],
    ['claims.I4.techContracts.items[0].evidence[1]', '联盟工作任务!K5'],
    ['claims.I4.techContracts.items[0].title', '联盟工作任务!G5'],
    ['claims.I4.techContracts', '联盟工作任务!G5'],
    ['claims.I9.unknown', undefined],
    ['证明材料/无关文件.pdf', undefined],
  ])('finds the cell of %s', (path, cell) => {
    expect(cellOfPath(conversion.cells, path)).toBe(cell);
  });

  it('moves paths onto cells, keeps file paths, and drops what the conversion already reported', () => {
    const problems = [
      { code: 'evidence-not-found', path: 'claims.I4.techContracts.items[0].evidence[1]' },
      { code: 'field-invalid', path: 'claims.I4.techContracts.items[0].date' },
      { code: 'file-not-referenced', path: '证明材料/无关文件.pdf' },
    ];
    expect(relocateProblems(conversion, problems)).toEqual([
      { code: 'evidence-not-found', path: '联盟工作任务!K5（claims.I4.techContracts.items[0].evidence[1]）' },
      { code: 'file-not-referenced', path: '证明材料/无关文件.pdf' },
    ]);
  });
});
