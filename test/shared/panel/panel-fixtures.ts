/**
 * Panel test fixtures: experts whose scores are given directly per indicator, so each flag and
 * rounding case can be set up to the hundredth without building claims.
 */
import type { Decimal } from '../../../shared/decimal/decimal.ts';
import { dec } from '../../../shared/decimal/decimal.ts';
import type { ExpertIndicatorScore, PanelExpert } from '../../../shared/panel/types.ts';
import type { Override } from '../../../shared/rubric/types.ts';

/** A scoring expert with the given indicator scores (others count 0). */
export function scoring(
  expertId: string,
  indicators: Readonly<Record<string, number | string>>,
  overrides: Readonly<Record<string, Override & { computed: number }>> = {},
): PanelExpert {
  const scores: Record<string, ExpertIndicatorScore> = {};
  for (const [id, value] of Object.entries(indicators)) {
    scores[id] = { computed: dec(value), override: null, score: dec(value) };
  }
  for (const [id, { computed, score, reason }] of Object.entries(overrides)) {
    scores[id] = { computed: dec(computed), override: { score, reason }, score: dec(score) };
  }
  return { expertId, fingerprint: fingerprintOf(expertId), recused: false, score: { indicators: scores } };
}

export function recused(expertId: string): PanelExpert {
  return { expertId, fingerprint: fingerprintOf(expertId), recused: true };
}

/** Experts whose totals are the given numbers, put on B1 (uncapped) so no cap is in the way. */
export function withTotals(totals: readonly (number | string)[]): PanelExpert[] {
  return totals.map((total, i) => scoring(`E${String(i + 1).padStart(2, '0')}`, { B1: total }));
}

export function fingerprintOf(expertId: string): string {
  return `${expertId.toLowerCase().padEnd(4, '0')} 0000 0000 0000`;
}

/** A panel score as text, so assertions read like the numbers on a result sheet. */
export function text(value: Decimal | null | undefined): string | null | undefined {
  return value === null || value === undefined ? value : value.toFixed();
}
