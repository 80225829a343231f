/**
 * 自查表 files made by other programs: real files written by openpyxl and LibreOffice
 * (test/fixtures/workbook/make-fixtures.sh made them), read as the alliance meant them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { buildTemplate } from '../../../../electron/package-reader/workbook/build-template.ts';
import { workbookToManifest } from '../../../../electron/package-reader/workbook/workbook-to-manifest.ts';
import { loadRubric } from '../../../../electron/rubrics/load-rubric.ts';
import type { Rubric } from '../../../../shared/rubric/types.ts';
import { patchXlsx, sheetPart } from '../../../helpers/patch-xlsx.ts';
import { WorkbookFiller } from '../../../helpers/workbook-filler.ts';

const rubric = (await loadRubric('hefei-2017')) as Rubric;
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../fixtures/workbook/${name}`, import.meta.url)));

describe('a 自查表 from another program', () => {
  it('reads one openpyxl wrote, with cell comments linked by absolute targets and ISO date cells', async () => {
    const conversion = await workbookToManifest(fixture('openpyxl-filled.xlsx'), rubric);
    expect(conversion.problems).toEqual([]);
    expect(conversion.manifest?.alliance).toEqual({
      id: 'HFA-031',
      name: '合肥市智能语音产业技术创新战略联盟',
      kind: 'general',
      leadOrganization: '科大讯飞股份有限公司',
      contact: { name: '周敏', phone: '13905510000' },
    });
    // The date cell is t="d" 2026-05-12, not serial 2026 (1905-07-18).
    expect(conversion.manifest?.claims['I4.techContracts']).toEqual({
      items: [{ id: 'row-5', title: '语音识别技术许可合同', date: '2026-05-12', evidence: ['证明材料/技术合同.pdf'] }],
    });
  });

  it('reads ISO date cells as the dates they are, also date-times and in the 1904 date system', async () => {
    const f = new WorkbookFiller(buildTemplate(rubric));
    const [row] = f.items('I4.techContracts', [{ title: '语音识别技术许可合同', date: 46154, evidence: '证明材料/技术合同.pdf' }]);
    const date = (iso: string) => (xml: string) => xml.replace(new RegExp(`<c r="H${row}"([^>]*)><v>46154</v>`), `<c r="H${row}"$1 t="d"><v>${iso}</v>`);
    const read = async (bytes: Uint8Array) => {
      const conversion = await workbookToManifest(bytes, rubric);
      const claim = conversion.manifest?.claims['I4.techContracts'] as { items: { date?: string }[] } | undefined;
      return { date: claim?.items[0]?.date, problems: conversion.problems.map((p) => p.code) };
    };
    const bytes = await f.bytes();
    expect(await read(await patchXlsx(bytes, { [sheetPart(4)]: date('2026-05-12') }))).toEqual({ date: '2026-05-12', problems: [] });
    expect(await read(await patchXlsx(bytes, { [sheetPart(4)]: date('2026-05-12T00:00:00') }))).toEqual({ date: '2026-05-12', problems: [] });
    const in1904 = await patchXlsx(bytes, {
      [sheetPart(4)]: date('2026-05-12'),
      'xl/workbook.xml': (xml) => xml.replace(/<workbookPr\b/, '<workbookPr date1904="1"'),
    });
    expect(await read(in1904)).toEqual({ date: '2026-05-12', problems: [] });
    // A t="d" cell that holds no date is the text it is: refused as a date, at its cell.
    const conversion = await workbookToManifest(await patchXlsx(bytes, { [sheetPart(4)]: date('下周一') }), rubric);
    expect(conversion.problems).toEqual([expect.objectContaining({ code: 'workbook-cell-invalid', path: `联盟工作任务!H${row}` })]);
  });

  it('refuses a formula in an input cell (LibreOffice saved its cached result), naming the cell', async () => {
    const conversion = await workbookToManifest(fixture('libreoffice-formula.xlsx'), rubric);
    expect(conversion.problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'workbook-cell-formula', path: '联盟工作任务!J5', message: expect.stringContaining('联盟工作任务!J5 是公式') }),
    ]);
    // The row is not imported as the cached result.
    expect(conversion.manifest?.claims['I4.techContracts']).toBeUndefined();
  });

  it('refuses a formula in a 联盟信息 value, and reads the rest', async () => {
    const f = new WorkbookFiller(buildTemplate(rubric));
    f.info('alliance.name', { formula: 'CONCAT("合肥市","智能语音联盟")', result: '合肥市智能语音联盟' });
    f.info('alliance.id', 'HFA-031');
    const conversion = await workbookToManifest(await f.bytes(), rubric);
    expect(conversion.problems.map((p) => [p.code, p.path])).toEqual([['workbook-cell-formula', '联盟信息!C5']]);
    expect(conversion.manifest?.alliance).toEqual({ id: 'HFA-031' });
  });

  it('says once that an .ods file is under the .xlsx name, instead of ten misleading errors', async () => {
    const conversion = await workbookToManifest(fixture('libreoffice.ods'), rubric, { fileName: '自查表.xlsx' });
    expect(conversion.manifest).toBeNull();
    expect(conversion.problems).toEqual([
      expect.objectContaining({ code: 'workbook-unreadable', path: '自查表.xlsx', message: expect.stringContaining('OpenDocument 表格（.ods') }),
    ]);
  });

  it('reports a deleted 键 column of 联盟信息 once, naming the sheet and its header row', async () => {
    const f = new WorkbookFiller(buildTemplate(rubric));
    f.info('year', 2026);
    f.info('alliance.id', 'HFA-031');
    f.sheet('联盟信息').spliceColumns(2, 1);
    const conversion = await workbookToManifest(await f.bytes(), rubric);
    expect(conversion.manifest).toBeNull();
    expect(conversion.problems).toEqual([
      expect.objectContaining({ code: 'workbook-header-missing', path: '联盟信息', message: expect.stringMatching(/工作表“联盟信息”找不到“键 key”列（第 1 行表头/) }),
    ]);
  });
});
