/**
 * Checking one decision or override before it is stored: is it one the sheet format and the
 * rubric allow for this package (sheets-and-results.md, rubric.md decisions 6 and 11)? The
 * answer is a sentence for the expert, or null when the change may be stored.
 *
 * - decision change: accept, reject (the reason is checked by the request schema), a judged
 *   value, or `null` to clear what was decided.
 */
import { dec, decimalPlacesOf } from '../decimal/decimal.ts';
import { indexRubric } from '../rubric/rubric-index.ts';
import type { Claims, Rubric } from '../rubric/types.ts';
import { claimedItemIds, flagClaimed } from './stored-review.ts';

export type DecisionChange = { readonly accept: true } | { readonly accept: false; readonly reason: string } | { readonly value: number } | null;

export function checkDecision(
  rubric: Rubric,
  claims: Claims,
  criterionId: string,
  itemId: string | null,
  change: DecisionChange,
): string | null {
  const placement = indexRubric(rubric).criteria.get(criterionId);
  if (placement === undefined) return `评分细则中没有评分项 ${criterionId}`;
  const { criterion } = placement;
  if (criterion.kind === 'judged') {
    if (itemId !== null) return `${criterionId} 是评议项，没有条目`;
    if (change === null) return null;
    if (!('value' in change)) return `${criterionId} 是评议项，请给出 0–${criterion.max} 的分值`;
    if (change.value < 0 || dec(change.value).greaterThan(dec(criterion.max))) return `分值应在 0 到 ${criterion.max} 之间`;
    if (decimalPlacesOf(change.value) > 1) return '分值最多保留一位小数';
    return null;
  }
  if (change !== null && 'value' in change) return `${criterionId} 需要认定或不予认定，不是打分项`;
  if (criterion.kind === 'flag') {
    if (itemId !== null) return `${criterionId} 没有条目`;
    if (change !== null && !flagClaimed(claims, criterionId)) return '材料包没有申报此项，无需评定';
    return null;
  }
  if (itemId === null) return `${criterionId} 需要逐条认定，请指明条目`;
  if (!claimedItemIds(claims, criterionId).includes(itemId)) return `材料包没有申报条目 ${itemId}`;
  return null;
}

export function checkOverride(rubric: Rubric, indicatorId: string, score: number | null): string | null {
  const placement = indexRubric(rubric).indicators.get(indicatorId);
  if (placement === undefined) return `评分细则中没有指标 ${indicatorId}`;
  if (score === null) return null;
  const cap = placement.indicator.cap;
  if (score < 0) return '改判分数不能小于 0';
  if (cap !== null && dec(score).greaterThan(dec(cap))) return `改判分数不能超过本指标上限 ${cap} 分`;
  if (decimalPlacesOf(score) > 2) return '改判分数最多保留两位小数';
  return null;
}
