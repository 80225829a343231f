/**
 * Panel aggregation: the experts' scores of one alliance made into the panel score (decision 9).
 *
 * - expert total: the sum of the expert's indicator scores, exact.
 * - aggregate: the mean of the scoring experts' values, or with `trimmed` and at least 5 of
 *   them, the mean after dropping one highest and one lowest value; computed exactly and
 *   rounded half-up to two decimals. The official total is the aggregate of the totals; the
 *   per-indicator aggregates (each indicator trimmed on its own values) are for information,
 *   so they need not add up to it.
 * - the grade comes from the rounded total: a published 90.00 is always 优秀.
 * - flags: deviation, spread, quorum, trimmed-not-applied, override (sheets-and-results.md).
 *
 * When every expert recused there is no score: total, grade and indicators are null, and the
 * `quorum` flag says why. A number would suggest the alliance was assessed when nobody did.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { dec, divideHalfUp, divideUp, sumOf, ZERO } from '../decimal/decimal.ts';
import { formatScore } from '../decimal/print-score.ts';
import { gradeOf } from '../rubric/grade.ts';
import { indicatorsOf } from '../rubric/rubric-index.ts';
import type { Rubric } from '../rubric/types.ts';
import type { PanelExpert, PanelExpertScore, PanelFlag, PanelMethod, PanelScore } from './types.ts';
import { DEFAULT_DEVIATION_THRESHOLD } from './types.ts';

/** Fewer scoring experts than this is flagged (decision 10). */
export const QUORUM = 3;
/** `trimmed` drops the highest and lowest only with at least this many scoring experts. */
export const TRIMMED_MINIMUM = 5;

export interface PanelOptions {
  /** Default `mean`. */
  readonly method?: PanelMethod | undefined;
  /** Points an expert's total may differ from the panel mean before `deviation`; default 10. */
  readonly deviationThreshold?: number | undefined;
}

export function aggregatePanel(rubric: Rubric, experts: readonly PanelExpert[], options: PanelOptions = {}): PanelScore {
  const method = options.method ?? 'mean';
  const threshold = options.deviationThreshold ?? DEFAULT_DEVIATION_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new RangeError(`deviation threshold must be a non-negative number, got ${String(threshold)}`);
  }
  const indicators = indicatorsOf(rubric);

  const expertScores: PanelExpertScore[] = experts.map((expert) => {
    if (expert.recused) {
      return { expertId: expert.expertId, fingerprint: expert.fingerprint, recused: true, total: null, indicators: null };
    }
    const scores: Record<string, Decimal> = {};
    for (const indicator of indicators) {
      scores[indicator.id] = expert.score.indicators[indicator.id]?.score ?? ZERO;
    }
    return {
      expertId: expert.expertId,
      fingerprint: expert.fingerprint,
      recused: false,
      total: sumOf(Object.values(scores)),
      indicators: scores,
    };
  });
  const scoring = expertScores.filter(
    (expert): expert is PanelExpertScore & { total: Decimal; indicators: Record<string, Decimal> } =>
      expert.total !== null && expert.indicators !== null,
  );
  const n = scoring.length;
  const methodApplied: PanelMethod = method === 'trimmed' && n >= TRIMMED_MINIMUM ? 'trimmed' : 'mean';

  const flags: PanelFlag[] = [];
  if (n < QUORUM) {
    flags.push({
      kind: 'quorum',
      detail: n === 0 ? '全部专家回避，没有评分' : `仅 ${n} 位专家评分，少于 ${QUORUM} 位`,
    });
  }
  if (method === 'trimmed' && methodApplied !== 'trimmed') {
    flags.push({
      kind: 'trimmed-not-applied',
      detail: `评分专家 ${n} 位，少于 ${TRIMMED_MINIMUM} 位，未去掉最高分和最低分，按平均分计`,
    });
  }

  if (n === 0) {
    const none: Record<string, Decimal | null> = {};
    for (const indicator of indicators) none[indicator.id] = null;
    return { experts: expertScores, scoringCount: 0, method, methodApplied, indicators: none, total: null, grade: null, flags };
  }

  const totals = scoring.map((expert) => expert.total);
  const total = aggregate(totals, methodApplied);
  const panelIndicators: Record<string, Decimal | null> = {};
  for (const indicator of indicators) {
    panelIndicators[indicator.id] = aggregate(
      scoring.map((expert) => expert.indicators[indicator.id] ?? ZERO),
      methodApplied,
    );
  }

  // Deviation is measured from the plain mean even under `trimmed`, as the format says, and
  // compared without dividing (|n·t − Σ| > n·threshold) so a non-terminating mean cannot blur it.
  // The gap shown is rounded up to hundredths: a gap of 10.003 over a threshold of 10 must not
  // read "偏离 10 分", which would look like no reason for a flag.
  const sum = sumOf(totals);
  const limit = dec(threshold).times(n);
  for (const expert of scoring) {
    const gap = expert.total.times(n).minus(sum).abs();
    if (gap.greaterThan(limit)) {
      flags.push({
        kind: 'deviation',
        expert: expert.expertId,
        detail: `总分偏离专家组平均 ${formatScore(divideUp(gap, n, 2))} 分`,
      });
    }
  }

  for (const indicator of indicators) {
    // Bonus indicators have no cap, so "half its cap" does not exist for them.
    if (indicator.cap === null) continue;
    const values = scoring.map((expert) => expert.indicators[indicator.id] ?? ZERO);
    const range = largest(values).minus(smallest(values));
    const half = dec(indicator.cap).dividedBy(2);
    if (range.greaterThan(half)) {
      flags.push({
        kind: 'spread',
        indicator: indicator.id,
        detail: `${indicator.id} ${indicator.label} 专家评分相差 ${formatScore(range)} 分，超过该项满分 ${formatScore(dec(indicator.cap))} 分的一半`,
      });
    }
  }

  for (const expert of experts) {
    if (expert.recused) continue;
    for (const indicator of indicators) {
      const indicatorScore = expert.score.indicators[indicator.id];
      const override = indicatorScore?.override;
      if (indicatorScore === undefined || override === null || override === undefined) continue;
      flags.push({
        kind: 'override',
        expert: expert.expertId,
        indicator: indicator.id,
        detail: `${indicator.id} ${indicator.label} 改判为 ${formatScore(indicatorScore.score)} 分（计算得分 ${formatScore(indicatorScore.computed)} 分），理由：${override.reason}`,
      });
    }
  }

  return {
    experts: expertScores,
    scoringCount: n,
    method,
    methodApplied,
    indicators: panelIndicators,
    total,
    grade: gradeOf(rubric, total),
    flags,
  };
}

/** Mean, or trimmed mean (one highest and one lowest dropped), rounded half-up to two decimals. */
export function aggregate(values: readonly Decimal[], method: PanelMethod): Decimal {
  if (values.length === 0) throw new RangeError('aggregate of no values');
  if (method === 'trimmed') {
    if (values.length < TRIMMED_MINIMUM) {
      throw new RangeError(`trimmed needs at least ${TRIMMED_MINIMUM} values, got ${values.length}`);
    }
    const sorted = [...values].sort((a, b) => a.comparedTo(b));
    const kept = sorted.slice(1, -1);
    return divideHalfUp(sumOf(kept), kept.length, 2);
  }
  return divideHalfUp(sumOf(values), values.length, 2);
}

function largest(values: readonly Decimal[]): Decimal {
  return values.reduce((best, value) => (value.greaterThan(best) ? value : best));
}

function smallest(values: readonly Decimal[]): Decimal {
  return values.reduce((best, value) => (value.lessThan(best) ? value : best));
}
