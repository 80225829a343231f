/**
 * Result workbook: the year's result as one Excel file for the bureau's auditors, with the
 * sheets 汇总, 明细, 原始评分, 专家名单, 说明 and 一致性分析 (each in its own module; the last only
 * for a result with an analysis). Totals are formulas
 * whose cached values are the result's numbers, so the file shows the official figures and an
 * auditor can recompute them in Excel.
 */
import ExcelJS from 'exceljs';
import type { ResultDocumentsInput } from '../result-documents-input.ts';
import { indexInput } from '../result-documents-input.ts';
import { addAnalysisSheet } from './analysis-sheet.ts';
import { addDecisionsSheet } from './decisions-sheet.ts';
import { addDetailSheet } from './detail-sheet.ts';
import { addExpertsSheet } from './experts-sheet.ts';
import { addNotesSheet } from './notes-sheet.ts';
import { fitRowHeights } from './sheet-style.ts';
import { fillSummarySheet, SUMMARY_SHEET } from './summary-sheet.ts';

export async function buildResultWorkbook(input: ResultDocumentsInput): Promise<Buffer> {
  const index = indexInput(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '联盟考核评审 alliance-review';
  workbook.title = `${input.result.year} 年度联盟考核结果`;
  workbook.subject = input.meetingName;
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;
  // 汇总 comes first but refers to 明细's rows, so it is filled in once 明细 is laid out.
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  const detail = addDetailSheet(workbook, input, index);
  fillSummarySheet(summary, input, index, detail);
  addDecisionsSheet(workbook, input, index);
  addExpertsSheet(workbook, input, index);
  addNotesSheet(workbook, input);
  addAnalysisSheet(workbook, input, index);
  for (const sheet of workbook.worksheets) fitRowHeights(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
