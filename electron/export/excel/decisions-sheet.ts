/**
 * 原始评分 sheet: every decision of every expert, one per row, as signed in their sheets:
 * each flag accepted or rejected, each claimed item accepted or rejected, each judged value,
 * each override, each recusal and comment, with the reasons and notes, and the evidence files
 * the claim cited. Nothing here is computed: it is the record the result was computed from.
 */
import type { Workbook } from 'exceljs';
import { criteriaOf } from '../../../shared/rubric/rubric-index.ts';
import type { Claim, ClaimItem, Decision } from '../../../shared/rubric/types.ts';
import type { ResultDocumentsInput, ResultIndex } from '../result-documents-input.ts';
import { addFilter, setUpSheet } from './sheet-style.ts';

export const DECISIONS_SHEET = '原始评分';

type Row = [string, string, string, string, string, string, string, number | string, string, string];

function evidenceOf(claim: Claim | undefined, item?: ClaimItem): string {
  if (item !== undefined) return item.evidence.join('\n');
  if (claim !== undefined && 'evidence' in claim && claim.evidence !== undefined) return claim.evidence.join('\n');
  return '';
}

export function addDecisionsSheet(workbook: Workbook, input: ResultDocumentsInput, index: ResultIndex): void {
  const sheet = workbook.addWorksheet(DECISIONS_SHEET);
  setUpSheet(
    sheet,
    [
      { header: '专家编号', width: 9 },
      { header: '专家姓名', width: 10 },
      { header: '联盟编号', width: 11 },
      { header: '评分项', width: 22 },
      { header: '评分项名称', width: 26 },
      { header: '条目', width: 30 },
      { header: '决定', width: 9 },
      { header: '分值', width: 7 },
      { header: '理由 / 备注', width: 40 },
      { header: '证明材料', width: 30 },
    ],
    { frozenColumns: 3 },
  );
  const labels = new Map(criteriaOf(input.rubric).map((criterion) => [criterion.id, criterion.label]));
  const order = new Map(criteriaOf(input.rubric).map((criterion, i) => [criterion.id, i]));
  for (const expertId of index.expertIds) {
    const entry = index.sheetOf(expertId);
    if (entry === undefined) continue;
    const name = entry.sheet.expert.name;
    for (const alliance of input.result.alliances) {
      const review = index.reviewOf(expertId, alliance.allianceId);
      if (review === undefined) continue;
      const claims = index.packageOf(alliance)?.claims ?? {};
      const base = [expertId, name, alliance.allianceId] as const;
      const rows: Row[] = [];
      if (review.recused) {
        rows.push([...base, '', '', '', '回避', '', review.comment ?? '', '']);
      }
      const decisions = Object.entries(review.decisions ?? {}).sort(
        ([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER),
      );
      for (const [criterionId, decision] of decisions) rows.push(...decisionRows(base, criterionId, labels.get(criterionId) ?? '', decision, claims[criterionId]));
      for (const [indicatorId, override] of Object.entries(review.overrides ?? {})) {
        rows.push([...base, indicatorId, '指标改判', '', '改判', override.score, override.reason, '']);
      }
      if (!review.recused && review.comment !== undefined && review.comment.trim() !== '') {
        rows.push([...base, '', '', '', '评审意见', '', review.comment, '']);
      }
      for (const row of rows) sheet.addRow(row).alignment = { vertical: 'top', wrapText: true };
    }
  }
  addFilter(sheet);
}

function decisionRows(
  base: readonly [string, string, string],
  criterionId: string,
  label: string,
  decision: Decision,
  claim: Claim | undefined,
): Row[] {
  const note = decision.note ?? '';
  if ('accept' in decision) {
    return [[...base, criterionId, label, '', decision.accept ? '认定' : '不认定', '', [decision.reason ?? '', note].filter((t) => t !== '').join('\n'), evidenceOf(claim)]];
  }
  if ('value' in decision) {
    return [[...base, criterionId, label, '', '评分', decision.value, note, evidenceOf(claim)]];
  }
  const items = claim !== undefined && 'items' in claim ? claim.items : [];
  const itemOf = (id: string): ClaimItem | undefined => items.find((item) => item.id === id);
  const title = (id: string): string => {
    const item = itemOf(id);
    return item === undefined ? id : `${id} ${item.title}${item.amountWan === undefined ? '' : `（${item.amountWan} 万元）`}`;
  };
  return [
    ...decision.accepted.map((id): Row => [...base, criterionId, label, title(id), '认定', '', note, evidenceOf(claim, itemOf(id))]),
    ...Object.entries(decision.rejected).map(
      ([id, reason]): Row => [...base, criterionId, label, title(id), '不认定', '', [reason, note].filter((t) => t !== '').join('\n'), evidenceOf(claim, itemOf(id))],
    ),
  ];
}
