/**
 * Panel chart data: what the chair's charts on the console draw, computed once from the result
 * so no chart recomputes a score. The result PDF's score chart (electron/export/pdf/score-chart.ts)
 * is a different chart, drawn straight from the same result's alliance results, so the numbers
 * on screen and in the document agree without sharing this module.
 *
 * - alliance totals chart: for one alliance, each expert's total (recused experts shown as
 *   such), the panel mean, the official total (by the meeting's method), the band within the
 *   deviation threshold of the mean, and the grade lines (优秀 90, 合格 60 from the rubric).
 * - indicator chart: for one alliance, each indicator's panel score against its cap, with the
 *   lowest and highest expert score, marked where the spread is flagged. Bonus indicators have
 *   no cap: their bar is drawn against the largest value.
 * - grade distribution: how many alliances got each grade (and how many have none yet).
 * - axis maximum: a round number (multiple of 10) at least 100 for totals, so the grade lines
 *   always show; bonus points may take totals past 100.
 *
 * Numbers are the result's own JSON numbers; the mean is computed exactly (shared/decimal/)
 * and rounded half-up to two decimals like every score in the result.
 */
import { dec, divideHalfUp, sumOf } from '../decimal/decimal.ts';
import { toJsonNumber } from '../decimal/print-score.ts';
import type { AllianceResult } from '../panel/types.ts';
import { indicatorsOf } from '../rubric/rubric-index.ts';
import type { Grade, Rubric } from '../rubric/types.ts';
import type { ResultFile } from '../result/result-schema.ts';

export interface ChartExpertTotal {
  readonly expertId: string;
  readonly recused: boolean;
  readonly total: number | null;
  /** A deviation flag names this expert for this alliance. */
  readonly deviates: boolean;
}

export interface GradeLine {
  readonly grade: Grade;
  readonly value: number;
  readonly label: string;
}

export interface AllianceTotalsChart {
  readonly allianceId: string;
  readonly name: string;
  readonly experts: readonly ChartExpertTotal[];
  /** Plain mean of the scoring experts' totals (what deviation is measured from). */
  readonly mean: number | null;
  /** The official total by the meeting's method. */
  readonly total: number | null;
  /** mean ± threshold, clipped at 0; null when nobody scored. */
  readonly band: { readonly low: number; readonly high: number } | null;
  readonly gradeLines: readonly GradeLine[];
  readonly axisMax: number;
}

export interface IndicatorBar {
  readonly indicatorId: string;
  readonly label: string;
  readonly cap: number | null;
  readonly panel: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly spread: boolean;
  /** What the bar is drawn against: the cap, or for bonus indicators the largest value (≥ 1). */
  readonly scaleMax: number;
}

export interface IndicatorChart {
  readonly allianceId: string;
  readonly bars: readonly IndicatorBar[];
}

export interface GradeCount {
  readonly grade: Grade | 'none';
  readonly label: string;
  readonly count: number;
}

export interface GradeDistribution {
  readonly counts: readonly GradeCount[];
  readonly alliances: number;
}

const GRADE_LINE_LABELS: Readonly<Record<Grade, string>> = { excellent: '优秀', pass: '合格', fail: '不合格' };

function roundUpToTen(value: number): number {
  return Math.ceil(value / 10) * 10;
}

export function gradeLines(rubric: Rubric): GradeLine[] {
  return [
    { grade: 'excellent', value: rubric.grades.excellent, label: `${GRADE_LINE_LABELS.excellent} ${rubric.grades.excellent}` },
    { grade: 'pass', value: rubric.grades.pass, label: `${GRADE_LINE_LABELS.pass} ${rubric.grades.pass}` },
  ];
}

export function allianceTotalsChart(rubric: Rubric, alliance: AllianceResult, deviationThreshold: number): AllianceTotalsChart {
  const deviating = new Set(alliance.flags.filter((flag) => flag.kind === 'deviation').map((flag) => flag.expert));
  const experts = alliance.experts.map((expert) => ({
    expertId: expert.id,
    recused: expert.recused,
    total: expert.total,
    deviates: deviating.has(expert.id),
  }));
  const totals = experts.flatMap((expert) => (expert.total === null ? [] : [expert.total]));
  const mean = totals.length === 0 ? null : toJsonNumber(divideHalfUp(sumOf(totals.map((t) => dec(t))), totals.length, 2));
  const band =
    mean === null
      ? null
      : { low: Math.max(0, toJsonNumber(dec(mean).minus(deviationThreshold))), high: toJsonNumber(dec(mean).plus(deviationThreshold)) };
  const largest = Math.max(100, ...totals, band?.high ?? 0, alliance.total ?? 0);
  return {
    allianceId: alliance.allianceId,
    name: alliance.name,
    experts,
    mean,
    total: alliance.total,
    band,
    gradeLines: gradeLines(rubric),
    axisMax: roundUpToTen(largest),
  };
}

export function indicatorChart(rubric: Rubric, alliance: AllianceResult): IndicatorChart {
  const spread = new Set(alliance.flags.filter((flag) => flag.kind === 'spread').map((flag) => flag.indicator));
  const scoring = alliance.experts.filter((expert) => expert.indicators !== null);
  const bars = indicatorsOf(rubric).map((indicator): IndicatorBar => {
    const values = scoring.map((expert) => expert.indicators?.[indicator.id] ?? 0);
    const panel = alliance.indicators[indicator.id] ?? null;
    const low = values.length === 0 ? null : Math.min(...values);
    const high = values.length === 0 ? null : Math.max(...values);
    return {
      indicatorId: indicator.id,
      label: indicator.label,
      cap: indicator.cap,
      panel,
      low,
      high,
      spread: spread.has(indicator.id),
      scaleMax: indicator.cap ?? Math.max(1, high ?? 0, panel ?? 0),
    };
  });
  return { allianceId: alliance.allianceId, bars };
}

export function gradeDistribution(result: ResultFile): GradeDistribution {
  const order: readonly (Grade | 'none')[] = ['excellent', 'pass', 'fail', 'none'];
  const counts = order.map((grade) => ({
    grade,
    label: grade === 'none' ? '无评分' : GRADE_LINE_LABELS[grade],
    count: result.alliances.filter((alliance) => (alliance.grade ?? 'none') === grade).length,
  }));
  return { counts: counts.filter((count) => count.grade !== 'none' || count.count > 0), alliances: result.alliances.length };
}
