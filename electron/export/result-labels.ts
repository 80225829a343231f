/**
 * Result labels: how the result's codes and numbers read on the bureau's documents (PDF and
 * Excel alike), so both say the same thing in the same words.
 *
 * - score text: a result number as printed, exact (87.33, 90.5); `fixed` keeps two decimals
 *   (90.00), as the official total is shown on a signed sheet.
 */
import { dec } from '../../shared/decimal/decimal.ts';
import { formatScore } from '../../shared/decimal/print-score.ts';
import { CONSEQUENCE_LABELS } from '../../shared/panel/consequence.ts';
import type { Consequence, PanelFlag, PanelFlagKind, PanelMethod } from '../../shared/panel/types.ts';
import { GRADE_LABELS } from '../../shared/rubric/grade.ts';
import type { Grade } from '../../shared/rubric/types.ts';

export const FLAG_LABELS: Readonly<Record<PanelFlagKind, string>> = {
  deviation: '偏离',
  spread: '分歧',
  quorum: '人数不足',
  'trimmed-not-applied': '未去极值',
  override: '改判',
  'paper-entered': '纸质录入',
  unstable: '结果不稳',
};

export const METHOD_LABELS: Readonly<Record<PanelMethod, string>> = {
  mean: '平均分（mean）',
  trimmed: '去掉一个最高分和一个最低分后平均（trimmed）',
};

export function scoreText(value: number | null | undefined, options: { readonly fixed?: boolean } = {}): string {
  if (value === null || value === undefined) return '—';
  return formatScore(dec(value), { fixed: options.fixed === true });
}

export function gradeText(grade: Grade | null): string {
  return grade === null ? '—' : GRADE_LABELS[grade];
}

export function consequenceText(consequence: Consequence): string {
  return consequence === null ? '—' : CONSEQUENCE_LABELS[consequence];
}

export function awardText(award: number | null): string {
  return award === null ? '—' : award.toLocaleString('en-US');
}

/** `[偏离] E03：总分偏离专家组平均 12.5 分` */
export function flagText(flag: PanelFlag, expertName?: (id: string) => string): string {
  const who = flag.expert === undefined || flag.expert === null ? '' : ` ${flag.expert}${expertName === undefined ? '' : ` ${expertName(flag.expert)}`}`;
  return `[${FLAG_LABELS[flag.kind]}]${who}：${flag.detail}`;
}

/** `2027-01-20 09:30`, in China Standard Time whatever the machine's zone. */
export function dateTimeText(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600 * 1000);
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

export function dateText(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600 * 1000);
  return `${local.getUTCFullYear()} 年 ${local.getUTCMonth() + 1} 月 ${local.getUTCDate()} 日`;
}
