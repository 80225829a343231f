/**
 * Names one step of undo or redo for the status line, in the expert's words: the alliance, the
 * indicator and the claim's place in it, and what the change was ("HFA-011 · I6 第2项 的认定").
 */
import type { StepView } from '../../../shared/api/expert-work-types.ts';
import { decisionKey } from '../../../shared/review/stored-review.ts';
import type { ClaimRow } from './claim-rows.ts';

/** The claim's place as a person counts it: its indicator and its number among that indicator's rows. */
export function claimPlace(rows: readonly ClaimRow[], key: string): string | null {
  const row = rows.find((r) => r.key === key);
  if (!row) return null;
  const inIndicator = rows.filter((r) => r.indicator.id === row.indicator.id);
  return `${row.indicator.id} 第${inIndicator.indexOf(row) + 1}项`;
}

export function stepLabel(step: StepView, allianceId: string, rows: readonly ClaimRow[]): string {
  const { subject, count } = step;
  switch (subject.kind) {
    case 'decision': {
      const key = decisionKey(subject.criterionId, subject.itemId);
      if (count > 1) {
        const indicator = rows.find((r) => r.key === key)?.indicator.id;
        return `${allianceId}${indicator ? ` · ${indicator}` : ''} 的本指标全部认定（${count} 项）`;
      }
      const d = subject.decision;
      const what = d === null ? '清除评定' : 'value' in d ? `评分 ${d.value}` : d.accept ? '认定' : '不予认定';
      return `${allianceId} · ${claimPlace(rows, key) ?? subject.criterionId} 的${what}`;
    }
    case 'override':
      return `${allianceId} · ${subject.indicatorId} 的${subject.override === null ? '取消改判' : '改判'}`;
    case 'comment':
      return `${allianceId} 的评审意见`;
  }
}
