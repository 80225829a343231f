import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { templateBytes } from '../../../../electron/package-reader/workbook/build-template.ts';
import { loadRubric } from '../../../../electron/rubrics/load-rubric.ts';
import { criteriaOf, indicatorsOf } from '../../../../shared/rubric/rubric-index.ts';
import type { Rubric } from '../../../../shared/rubric/types.ts';

const rubric = (await loadRubric('hefei-2017')) as Rubric;

/** The template as Excel will see it: written to bytes and read back. */
async function readBack(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await templateBytes(rubric, { created: new Date(Date.UTC(2026, 0, 1)) })) as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
}

function columnText(ws: ExcelJS.Worksheet, column: number): string[] {
  const values: string[] = [];
  ws.eachRow((row) => values.push(String(row.getCell(column).value ?? '')));
  return values;
}

describe('the self-check workbook template', () => {
  it('has the sheets 说明, 联盟信息, one per rubric group, and the very hidden marker sheet', async () => {
    const workbook = await readBack();
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['说明', 'visible'],
      ['联盟信息', 'visible'],
      ['制度建设', 'visible'],
      ['联盟工作任务', 'visible'],
      ['加分项', 'visible'],
      ['_meta', 'veryHidden'],
    ]);
    expect(columnText(sheet(workbook, '_meta'), 2)).toEqual(['alliance-review/workbook', '1', 'hefei-2017']);
  });

  it('explains in Chinese how to fill it, where evidence goes, and that paths are relative with /', async () => {
    const text = columnText(sheet(await readBack(), '说明'), 1).join('\n');
    for (const phrase of ['自查表.xlsx', '证明材料/成果转化/技术合同1.pdf', '用 / 分隔', '分号 ;', '是否申报', '自评分', '万元', '90 分以上为优秀']) {
      expect(text).toContain(phrase);
    }
  });

  it('lists every criterion of the rubric once, under its indicator, with the rule text experts see', async () => {
    const workbook = await readBack();
    const rows: string[][] = [];
    for (const group of rubric.groups) {
      const ws = sheet(workbook, group.label);
      ws.eachRow((row, n) => {
        if (n > 2) rows.push([String(row.getCell(1).value ?? ''), String(row.getCell(3).value ?? '')]);
      });
    }
    const headings = rows.filter(([id], i) => id !== '' && rows.findIndex(([other]) => other === id) === i);
    expect(headings.map(([id]) => id)).toEqual(indicatorsOf(rubric).flatMap((ind) => [ind.id, ...ind.criteria.map((c) => c.id)]));
    for (const criterion of criteriaOf(rubric)) {
      expect(headings.find(([id]) => id === criterion.id)?.[1]).toContain(criterion.rule);
    }
    for (const indicator of indicatorsOf(rubric)) {
      expect(headings.find(([id]) => id === indicator.id)?.[1]).toBe(indicator.rule);
    }
  });

  it('has two header rows (Chinese, then the English key), frozen, and A4 print setup with repeated titles', async () => {
    const ws = sheet(await readBack(), '联盟工作任务');
    expect(ws.getRow(1).values).toEqual([undefined, '评分项编号', '评分项', '评分标准', '是否申报', '自评分', '事项编号', '事项名称', '日期', '金额（万元）', '说明', '证明材料路径']);
    expect(ws.getRow(2).values).toEqual([undefined, 'criterion', 'label', 'rule', 'claimed', 'value', 'itemId', 'title', 'date', 'amountWan', 'note', 'evidence']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:2' });
    expect(ws.getColumn(11).width).toBe(40);
  });

  it('validates input where Excel can: 是/否, the judged value with one decimal, dates, positive amounts, the alliance kind', async () => {
    const workbook = await readBack();
    const rowOf = (ws: ExcelJS.Worksheet, id: string, nth = 0): ExcelJS.Row => {
      const rows: ExcelJS.Row[] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === id) rows.push(row);
      });
      const row = rows[nth];
      if (row === undefined) throw new Error(`no row ${id}`);
      return row;
    };
    const system = sheet(workbook, '制度建设');
    expect(rowOf(system, 'I1.office').getCell(4).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });

    const tasks = sheet(workbook, '联盟工作任务');
    const status = rowOf(tasks, 'I10.status').getCell(5);
    expect(status.dataValidation).toMatchObject({ type: 'custom', formulae: [`AND(ISNUMBER(${status.address}),${status.address}>=0,${status.address}<=2.5,ROUND(${status.address},1)=${status.address})`] });
    expect(rowOf(tasks, 'I4.techContracts', 1).getCell(8).dataValidation).toMatchObject({ type: 'date', operator: 'between' });

    const bonus = sheet(workbook, '加分项');
    expect(rowOf(bonus, 'B2.majorProjects', 1).getCell(9).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThan', formulae: [0] });
    expect(rowOf(bonus, 'B1.hostedEvents', 1).getCell(9).dataValidation).toBeUndefined(); // amounts only for tier criteria

    const info = sheet(workbook, '联盟信息');
    expect(rowOf(info, '考核年度').getCell(3).dataValidation).toMatchObject({ type: 'whole', formulae: [2000, 2100] });
    expect(rowOf(info, '联盟类型').getCell(3).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"一般联盟 general,孵化器、众创空间联盟 incubator,科技金融联盟 finance"'],
    });
    expect(rowOf(info, '评分细则').getCell(3).value).toBe('hefei-2017');
  });

  it('gives each list criterion item rows enough for what it can score', async () => {
    const tasks = sheet(await readBack(), '联盟工作任务');
    const count = (id: string): number => columnText(tasks, 1).filter((value) => value === id).length - 1;
    expect(count('I4.techContracts')).toBe(12); // cap 10, 1 point each, plus two
    expect(count('I8.inventionPatents')).toBe(22); // 10 points, a point a pair
    expect(count('I11.newMembers')).toBe(13); // the top band starts at 11
    expect(count('I5.breakthroughs')).toBe(4);
  });
});
