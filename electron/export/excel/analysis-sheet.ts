/**
 * 一致性分析 sheet: the result's `analysis` for the auditors (shared/panel/panel-analysis.ts):
 * per indicator ICC(2,1) and Krippendorff's alpha with their reading and the sample; then each
 * expert's leniency (仅供参考); then the alliances whose outcome is unstable, with what flips.
 * The statistics are numbers at three decimals (shown 0.000), blank where the result has null.
 * A result made before the analysis existed gets no such sheet.
 */
import type { Workbook } from 'exceljs';
import { agreementReading } from '../../../shared/panel/agreement-reading.ts';
import { indicatorsOf } from '../../../shared/rubric/rubric-index.ts';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { setUpSheet } from './sheet-style.ts';

export const ANALYSIS_SHEET = '一致性分析';

const STATISTIC_FORMAT = '0.000';

export function addAnalysisSheet(workbook: Workbook, input: ResultDocumentsInput, index: ResultIndex): void {
  const { result, rubric } = input;
  const analysis = result.analysis;
  if (analysis === undefined) return;
  const sheet = workbook.addWorksheet(ANALYSIS_SHEET);
  setUpSheet(sheet, [
    { header: '指标', width: 28 },
    { header: '得分 ICC(2,1)', width: 13 },
    { header: '读法', width: 30 },
    { header: '认定 Krippendorff α', width: 13 },
    { header: '读法', width: 30 },
    { header: '联盟数', width: 9 },
    { header: '专家数', width: 9 },
  ]);
  const labels = new Map(indicatorsOf(rubric).map((indicator) => [indicator.id, indicator.label]));
  for (const [id, agreement] of Object.entries(analysis.indicators)) {
    const row = sheet.addRow([
      `${id} ${labels.get(id) ?? ''}`,
      agreement.icc,
      agreementReading('icc', agreement).text,
      agreement.alpha,
      agreementReading('alpha', agreement).text,
      agreement.alliances,
      agreement.experts,
    ]);
    row.getCell(2).numFmt = STATISTIC_FORMAT;
    row.getCell(4).numFmt = STATISTIC_FORMAT;
  }
  sheet.addRow(['读法：ICC ≥ 0.75、α ≥ 0.8 一致性好；ICC ≥ 0.5、α ≥ 0.667 一般；更低为差。只用每位专家都评了分的联盟；专家少于 3 位或联盟少于 5 个时不计算（样本太少）。本表不改变任何分数。']);

  sheet.addRow([]);
  const expertsHeading = sheet.addRow(['专家', '宽严度（仅供参考）', '', '波动（标准差）', '', '联盟数']);
  expertsHeading.font = { bold: true };
  for (const [id, expert] of Object.entries(analysis.experts)) {
    const row = sheet.addRow([`${id} ${index.expertName(id)}`, expert.leniency, '', expert.spread, '', expert.alliances]);
    row.getCell(2).numFmt = `+${STATISTIC_FORMAT};-${STATISTIC_FORMAT};${STATISTIC_FORMAT}`;
    row.getCell(4).numFmt = STATISTIC_FORMAT;
  }
  sheet.addRow(['宽严度：该专家总分与其他评分专家平均分之差的平均（正为偏宽，负为偏严）；波动为这些差值的总体标准差。仅供参考，从不用于调整分数。']);

  sheet.addRow([]);
  sheet.addRow(['结果不稳的联盟', '变化（去掉一位专家或改用另一种汇总方法后）']).font = { bold: true };
  const unstable = result.alliances.flatMap((alliance) =>
    alliance.flags.filter((flag) => flag.kind === 'unstable').map((flag) => [`${alliance.allianceId} ${alliance.name}`, flag.detail]),
  );
  if (unstable.length === 0) sheet.addRow(['无', '去掉任何一位专家或改用另一种汇总方法，各联盟的等级、结果运用和奖励都不变。']);
  for (const row of unstable) sheet.addRow(row).alignment = { vertical: 'top', wrapText: false };
}
