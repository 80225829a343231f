/**
 * 明细 sheet: one row per alliance and indicator, with the indicator's cap, the self-score and
 * each expert's score, the panel's aggregate as a formula; and per alliance a 总分 row whose
 * totals are formulas: each expert's total is the SUM of their indicator scores, the panel's
 * is the aggregate of the experts' totals (decision 9), each with the result's value cached.
 */
import type { Workbook } from 'exceljs';
import { toJsonNumber } from '../../../shared/decimal/print-score.ts';
import { selfScore } from '../../../shared/rubric/self-score.ts';
import { indicatorsOf } from '../../../shared/rubric/rubric-index.ts';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { aggregateFormula } from './aggregate-formula.ts';
import { addFilter, columnLetter, formula, setUpSheet } from './sheet-style.ts';

export const DETAIL_SHEET = '明细';
export const RECUSED = '回避';

export interface DetailLayout {
  /** Alliance id → the row of its 总分 line. */
  readonly totalRows: ReadonlyMap<string, number>;
  /** Expert id → column number. */
  readonly expertColumns: ReadonlyMap<string, number>;
  readonly selfColumn: number;
  readonly panelColumn: number;
}

const FIXED = 6;

export function addDetailSheet(workbook: Workbook, input: ResultDocumentsInput, index: ResultIndex): DetailLayout {
  const sheet = workbook.addWorksheet(DETAIL_SHEET);
  const experts = index.expertIds;
  setUpSheet(
    sheet,
    [
      { header: '联盟编号', width: 11 },
      { header: '联盟名称', width: 30 },
      { header: '指标', width: 6 },
      { header: '指标名称', width: 20 },
      { header: '上限', width: 7 },
      { header: '自评分', width: 8 },
      ...experts.map((id) => ({ header: `${id} ${index.expertName(id)}`, width: 11 })),
      { header: '专家组', width: 9 },
    ],
    { frozenColumns: 3 },
  );
  const expertColumns = new Map(experts.map((id, i) => [id, FIXED + 1 + i]));
  const selfColumn = FIXED;
  const panelColumn = FIXED + experts.length + 1;
  const firstExpert = columnLetter(FIXED + 1);
  const lastExpert = columnLetter(FIXED + Math.max(experts.length, 1));
  const totalRows = new Map<string, number>();
  const indicators = indicatorsOf(input.rubric);

  for (const alliance of input.result.alliances) {
    const self = selfScore(input.rubric, index.packageOf(alliance)?.claims ?? {});
    const byExpert = new Map(alliance.experts.map((expert) => [expert.id, expert]));
    const first = sheet.rowCount + 1;
    for (const indicator of indicators) {
      const row = sheet.addRow([]);
      const r = row.number;
      row.getCell(1).value = alliance.allianceId;
      row.getCell(2).value = alliance.name;
      row.getCell(3).value = indicator.id;
      row.getCell(4).value = indicator.label;
      row.getCell(5).value = indicator.cap ?? '不设';
      const selfIndicator = self.indicators[indicator.id];
      row.getCell(selfColumn).value = selfIndicator === undefined ? 0 : toJsonNumber(selfIndicator.score);
      for (const [id, column] of expertColumns) {
        const expert = byExpert.get(id);
        if (expert === undefined) continue;
        row.getCell(column).value = expert.recused ? RECUSED : (expert.indicators?.[indicator.id] ?? 0);
      }
      const panel = alliance.indicators[indicator.id];
      row.getCell(panelColumn).value =
        panel === null || panel === undefined ? '—' : formula(aggregateFormula(input.result.method, `${firstExpert}${r}:${lastExpert}${r}`), panel);
    }
    const last = sheet.rowCount;
    const totalRow = sheet.addRow([]);
    const t = totalRow.number;
    totalRow.font = { bold: true };
    totalRow.getCell(1).value = alliance.allianceId;
    totalRow.getCell(2).value = alliance.name;
    totalRow.getCell(3).value = '总分';
    totalRow.getCell(4).value = '各指标得分之和';
    const selfLetter = columnLetter(selfColumn);
    totalRow.getCell(selfColumn).value = formula(`SUM(${selfLetter}${first}:${selfLetter}${last})`, alliance.selfTotal);
    for (const [id, column] of expertColumns) {
      const expert = byExpert.get(id);
      if (expert === undefined) continue;
      const letter = columnLetter(column);
      totalRow.getCell(column).value =
        expert.recused || expert.total === null ? RECUSED : formula(`SUM(${letter}${first}:${letter}${last})`, expert.total);
    }
    totalRow.getCell(panelColumn).value =
      alliance.total === null ? '—' : formula(aggregateFormula(input.result.method, `${firstExpert}${t}:${lastExpert}${t}`), alliance.total);
    totalRow.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F4F7' } };
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' } };
    });
    totalRows.set(alliance.allianceId, t);
  }
  // General, not 0.##: with 0.## Excel and WPS show a whole score as "7." (with the point).
  for (let column = selfColumn; column <= panelColumn; column += 1) sheet.getColumn(column).numFmt = 'General';
  sheet.getColumn(panelColumn).numFmt = '0.00';
  addFilter(sheet);
  return { totalRows, expertColumns, selfColumn, panelColumn };
}
