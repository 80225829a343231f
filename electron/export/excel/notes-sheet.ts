/**
 * 说明 sheet: what an auditor needs to read the workbook: the meeting, the rubric and its
 * grade lines, the aggregation method and thresholds, the result digest (SHA-256 of the result
 * file, as printed on every PDF page), when the workbook was made, how its formulas work, and
 * the whole rubric: every indicator and criterion with its cap, points and the bureau's rule.
 */
import type { Workbook } from 'exceljs';
import type { Criterion } from '../../../shared/rubric/types.ts';
import type { ResultDocumentsInput } from '../result-documents-input.ts';
import { resultDigest } from '../result-documents-input.ts';
import { awardText, dateTimeText, METHOD_LABELS } from '../result-labels.ts';
import { DETAIL_SHEET } from './detail-sheet.ts';
import { setUpSheet } from './sheet-style.ts';
import { SUMMARY_SHEET } from './summary-sheet.ts';

export const NOTES_SHEET = '说明';

function pointsText(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'flag':
      return `${criterion.points}`;
    case 'perItem':
      return `每项 ${criterion.points}${criterion.cap === undefined ? '' : `，最多 ${criterion.cap}`}`;
    case 'perPair':
      return `每 2 项 ${criterion.points}`;
    case 'band':
      return criterion.bands.map((band) => `${band.from}${band.to === null ? ' 及以上' : `–${band.to}`} → ${band.points}`).join('；');
    case 'tier':
      return criterion.tiers.map((tier) => `${tier.fromWan} 万元${tier.belowWan === null ? ' 及以上' : ` ≤ 金额 < ${tier.belowWan} 万元`} → ${tier.points}`).join('；');
    case 'judged':
      return `0–${criterion.max}（最多一位小数）`;
  }
}

export function addNotesSheet(workbook: Workbook, input: ResultDocumentsInput): void {
  const sheet = workbook.addWorksheet(NOTES_SHEET);
  setUpSheet(sheet, [
    { header: '项目', width: 22 },
    { header: '内容', width: 90 },
  ], { landscape: false });
  const { result, rubric } = input;
  const facts: [string, string][] = [
    ['年度', String(result.year)],
    ['评审会', input.meetingName],
    ['评分细则', `${rubric.title}（${rubric.id}）${rubric.source === undefined ? '' : `，${rubric.source}`}`],
    ['等级线', `专家组得分 ≥ ${rubric.grades.excellent} 为优秀；${rubric.grades.pass} ≤ 得分 < ${rubric.grades.excellent} 为合格；< ${rubric.grades.pass} 为不合格（按四舍五入到两位小数的得分）`],
    ['汇总方法', METHOD_LABELS[result.method]],
    ['偏离阈值', `${input.deviationThreshold ?? 10} 分（专家总分与专家组平均分之差大于此值时标记）`],
    ['奖励', `每个优秀联盟最多 ${awardText(rubric.awardCapYuan)} 元${input.budgetYuan === null || input.budgetYuan === undefined ? '；未给出预算，不计算奖励金额' : `；年度预算 ${awardText(input.budgetYuan)} 元，每家 min(上限, ⌊预算 ÷ 优秀联盟数⌋)`}`],
    ['结果摘要 SHA-256', resultDigest(result)],
    ['生成时间', `${dateTimeText(input.generatedAt)}（北京时间）`],
    [
      '公式',
      `「${DETAIL_SHEET}」中每位专家的总分 = SUM(该专家各指标得分)；专家组得分 = ROUND(AVERAGE(各评分专家的分数), 2)` +
        `${result.method === 'trimmed' ? '（trimmed：评分专家不少于 5 位时用 TRIMMEAN 去掉一个最高分和一个最低分）' : ''}；回避的专家记为“回避”，不参与计算。` +
        `「${SUMMARY_SHEET}」引用「${DETAIL_SHEET}」的总分行，等级和排名也是公式。单元格中保存的是程序精确计算（十进制）的结果，按 F9 可由 Excel 重新计算核对。`,
    ],
    ['各指标的专家组得分', '仅供参考；正式总分是各专家总分的汇总，两者之和不一定相等（评分细则决定 9）。'],
  ];
  for (const fact of facts) sheet.addRow(fact).alignment = { vertical: 'top', wrapText: true };
  sheet.getColumn(1).font = { bold: true };

  sheet.addRow([]);
  const heading = sheet.addRow(['评分细则', '指标 / 评分项 · 分值 · 评分标准']);
  heading.font = { bold: true };
  for (const group of rubric.groups) {
    sheet.addRow([`${group.label}`, group.cap === null ? '不设上限' : `${group.cap} 分`]).font = { bold: true };
    for (const indicator of group.indicators) {
      sheet.addRow([`${indicator.id} ${indicator.label}`, `上限 ${indicator.cap ?? '不设'}。${indicator.rule}`]).alignment = { wrapText: true, vertical: 'top' };
      for (const criterion of indicator.criteria) {
        sheet.addRow([`\u3000${criterion.id}`, `${criterion.label}：${pointsText(criterion)}`]).alignment = { wrapText: true, vertical: 'top' };
      }
    }
  }
}
