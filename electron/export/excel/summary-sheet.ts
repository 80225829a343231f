/**
 * 汇总 sheet: one row per alliance, ranked: each expert's total and the panel's score as
 * references to the 总分 rows of 明细 (where the formulas are), the grade as a formula on the
 * panel's score and the rubric's grade lines, the rank as RANK (ties share a rank, as on the
 * PDF), and the consequence, award, flags and chair's note as the result has them.
 */
import type { Worksheet } from 'exceljs';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { consequenceText, flagText, gradeText } from '../result-labels.ts';
import { rankAlliances } from '../result-ranking.ts';
import type { DetailLayout } from './detail-sheet.ts';
import { DETAIL_SHEET, RECUSED } from './detail-sheet.ts';
import { addFilter, columnLetter, formula, setUpSheet } from './sheet-style.ts';

export const SUMMARY_SHEET = '汇总';

export function fillSummarySheet(sheet: Worksheet, input: ResultDocumentsInput, index: ResultIndex, detail: DetailLayout): void {
  const experts = index.expertIds;
  setUpSheet(
    sheet,
    [
      // Narrow enough that one landscape A4 page holds the table at a readable scale; long
      // names, flags and notes wrap (their rows are made tall enough, fitRowHeights).
      { header: '排名', width: 5 },
      { header: '联盟编号', width: 10 },
      { header: '联盟名称', width: 22 },
      ...experts.map((id) => ({ header: `${id} ${index.expertName(id)}`, width: 9 })),
      { header: '自评分', width: 7 },
      { header: '专家组得分', width: 9 },
      { header: '等级', width: 7 },
      { header: '结果运用', width: 12 },
      { header: '奖励（元）', width: 10 },
      { header: '标记', width: 34 },
      { header: '组长意见', width: 20 },
    ],
    { frozenColumns: 3 },
  );
  const selfColumn = 4 + experts.length;
  const panelColumn = selfColumn + 1;
  const panelLetter = columnLetter(panelColumn);
  const ranked = rankAlliances(input.result.alliances);
  const lastRow = ranked.length + 1;
  const ref = (column: number, row: number): string => `'${DETAIL_SHEET}'!${columnLetter(column)}${row}`;
  const { excellent, pass } = input.rubric.grades;

  ranked.forEach(({ alliance, rank }) => {
    const row = sheet.addRow([]);
    const r = row.number;
    const totalRow = detail.totalRows.get(alliance.allianceId) ?? 0;
    const byExpert = new Map(alliance.experts.map((expert) => [expert.id, expert]));
    row.getCell(1).value =
      rank === null ? '—' : formula(`IF(ISNUMBER(${panelLetter}${r}),RANK(${panelLetter}${r},${panelLetter}$2:${panelLetter}$${lastRow}),"—")`, rank);
    row.getCell(2).value = alliance.allianceId;
    row.getCell(3).value = alliance.name;
    experts.forEach((id, i) => {
      const expert = byExpert.get(id);
      if (expert === undefined) return;
      const column = detail.expertColumns.get(id) ?? 0;
      row.getCell(4 + i).value = expert.recused || expert.total === null ? RECUSED : formula(ref(column, totalRow), expert.total);
    });
    row.getCell(selfColumn).value = formula(ref(detail.selfColumn, totalRow), alliance.selfTotal);
    row.getCell(panelColumn).value = alliance.total === null ? '—' : formula(ref(detail.panelColumn, totalRow), alliance.total);
    row.getCell(panelColumn + 1).value =
      alliance.grade === null
        ? '—'
        : formula(`IF(${panelLetter}${r}>=${excellent},"优秀",IF(${panelLetter}${r}>=${pass},"合格","不合格"))`, gradeText(alliance.grade));
    row.getCell(panelColumn + 2).value = consequenceText(alliance.consequence);
    row.getCell(panelColumn + 3).value = alliance.award ?? '—';
    row.getCell(panelColumn + 4).value = alliance.flags.map((flag) => flagText(flag, index.expertName)).join('\n');
    row.getCell(panelColumn + 5).value = input.chairNotes?.[alliance.allianceId] ?? '';
    row.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.getColumn(panelColumn).numFmt = '0.00';
  sheet.getColumn(panelColumn + 3).numFmt = '#,##0';
  addFilter(sheet);
}
