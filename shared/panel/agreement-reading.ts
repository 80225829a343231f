/**
 * Agreement reading: a statistic of the result's `analysis` in plain words for the chair (the
 * console and the documents say the same).
 *
 * - good 一致性好: ICC ≥ 0.75, alpha ≥ 0.8; fair 一般: ICC ≥ 0.5, alpha ≥ 0.667; poor 差: below.
 * - too few 样本太少: fewer than 3 experts or 5 alliances in the sample, so nothing computed.
 * - undefined: enough sample but no variation to measure (panel-analysis.ts): every score the same
 *   (ICC), or a single category or no decision to compare (alpha).
 */
import { AGREEMENT_MINIMUM_ALLIANCES, AGREEMENT_MINIMUM_EXPERTS } from './panel-analysis.ts';
import type { IndicatorAgreement } from './types.ts';

export type AgreementLevel = 'good' | 'fair' | 'poor' | 'too-few' | 'undefined';

export interface AgreementReading {
  readonly level: AgreementLevel;
  readonly text: string;
}

const THRESHOLDS = { icc: { good: 0.75, fair: 0.5 }, alpha: { good: 0.8, fair: 0.667 } } as const;

const UNDEFINED_TEXT = { icc: '得分全部相同，无从计算', alpha: '认定全部相同或无认定项，无从计算' } as const;

export function agreementReading(statistic: 'icc' | 'alpha', agreement: IndicatorAgreement): AgreementReading {
  const value = agreement[statistic];
  if (value === null) {
    const tooFew = agreement.experts < AGREEMENT_MINIMUM_EXPERTS || agreement.alliances < AGREEMENT_MINIMUM_ALLIANCES;
    return tooFew ? { level: 'too-few', text: '样本太少' } : { level: 'undefined', text: UNDEFINED_TEXT[statistic] };
  }
  const thresholds = THRESHOLDS[statistic];
  if (value >= thresholds.good) return { level: 'good', text: '一致性好' };
  if (value >= thresholds.fair) return { level: 'fair', text: '一般' };
  return { level: 'poor', text: '差' };
}

/** A statistic as printed: three decimals kept ("0.290"), or "—". */
export function statisticText(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

/** A leniency as printed, signed so "+1.250" reads as 偏宽 and "−0.400" as 偏严. */
export function leniencyText(value: number | null): string {
  if (value === null) return '—';
  const text = Math.abs(value).toFixed(3);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
