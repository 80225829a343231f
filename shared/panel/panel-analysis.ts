/**
 * Panel analysis: which disagreements of the panel matter, for the chair to read (the result's
 * `analysis`, sheets-and-results.md). Advisory only: nothing here changes a score.
 *
 * - counted experts: every expert with a review of any alliance in the result (recused ones too).
 * - agreement sample of the year: the alliances that every counted expert scored (a recusal or a
 *   missing review is "not scored"), with all counted experts. Both statistics of an indicator
 *   use this one sample, so the `alliances` and `experts` shown describe both numbers; the
 *   alpha function itself allows missing values (krippendorff-alpha.ts).
 * - ICC: ICC(2,1) of the experts' scores of the indicator (overrides included) over the sample.
 * - alpha: Krippendorff's nominal alpha of the accept/reject decisions on the indicator's claimed
 *   flags and items, one unit per alliance and claimed flag or item; judged criteria have none.
 * - too few: fewer than 3 experts or 5 alliances in the sample; then both are null.
 * - leniency of an expert: the mean, over the alliances the expert scored with at least one
 *   other scoring expert, of (the expert's total − the mean of the other scoring experts'
 *   totals); spread: the population standard deviation of those differences.
 *
 * Statistics are computed with decimals at 60 significant digits and rounded half-up to three
 * decimals, so every laptop prints the same bytes.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { sumOf, ZERO } from '../decimal/decimal.ts';
import { toJsonStatistic } from '../decimal/print-score.ts';
import { indicatorsOf } from '../rubric/rubric-index.ts';
import type { Criterion, Decision, Indicator, Rubric } from '../rubric/types.ts';
import type { AllianceInput } from './alliance-results.ts';
import { icc21 } from './icc.ts';
import { krippendorffAlphaNominal } from './krippendorff-alpha.ts';
import type { ExpertLeniency, IndicatorAgreement, PanelAnalysis, PanelExpert } from './types.ts';

/** Below these, agreement is not computed (样本太少). */
export const AGREEMENT_MINIMUM_EXPERTS = 3;
export const AGREEMENT_MINIMUM_ALLIANCES = 5;

export type ScoringExpert = Extract<PanelExpert, { recused: false }>;

/** The agreement sample of a year's alliances (see the module comment), shared with criterion-agreement.ts. */
export interface AgreementSample {
  /** Every counted expert, in id order. */
  readonly expertIds: readonly string[];
  /** The alliances every counted expert scored, each with those experts in id order. */
  readonly rows: readonly { readonly alliance: AllianceInput; readonly experts: readonly ScoringExpert[] }[];
  /** At least the minimum experts and alliances: the statistics are computed. */
  readonly enough: boolean;
}

export function agreementSample(alliances: readonly AllianceInput[]): AgreementSample {
  // Plain code-unit order, as shared/result/result-order.ts `compareIds` (the result's id order).
  const expertIds = [...new Set(alliances.flatMap((alliance) => alliance.experts.map((expert) => expert.expertId)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const rows = alliances.flatMap((alliance) => {
    const byId = new Map(alliance.experts.flatMap((expert) => (expert.recused ? [] : [[expert.expertId, expert] as const])));
    const row = expertIds.map((id) => byId.get(id));
    return row.every((expert) => expert !== undefined) ? [{ alliance, experts: row as ScoringExpert[] }] : [];
  });
  return { expertIds, rows, enough: expertIds.length >= AGREEMENT_MINIMUM_EXPERTS && rows.length >= AGREEMENT_MINIMUM_ALLIANCES };
}

export function panelAnalysis(rubric: Rubric, alliances: readonly AllianceInput[]): PanelAnalysis {
  const { expertIds, rows: sample, enough } = agreementSample(alliances);

  const indicators: Record<string, IndicatorAgreement> = {};
  for (const indicator of indicatorsOf(rubric)) {
    let icc: number | null = null;
    let alpha: number | null = null;
    if (enough) {
      const rows = sample.map(({ experts }) => experts.map((expert) => indicatorScore(expert, indicator.id)));
      const iccValue = icc21(rows);
      icc = iccValue === null ? null : toJsonStatistic(iccValue);
      const alphaValue = krippendorffAlphaNominal(sample.flatMap(({ alliance, experts }) => decisionUnits(indicator, alliance, experts)));
      alpha = alphaValue === null ? null : toJsonStatistic(alphaValue);
    }
    indicators[indicator.id] = { icc, alpha, alliances: sample.length, experts: expertIds.length };
  }

  const experts: Record<string, ExpertLeniency> = {};
  const indicatorIds = indicatorsOf(rubric).map((indicator) => indicator.id);
  for (const id of expertIds) experts[id] = leniencyOf(id, alliances, indicatorIds);
  return { indicators, experts };
}

function indicatorScore(expert: ScoringExpert, indicatorId: string): Decimal {
  return expert.score.indicators[indicatorId]?.score ?? ZERO;
}

/** The expert's total as the panel counts it (aggregate-panel.ts): the sum over the rubric's indicators. */
function totalOf(expert: ScoringExpert, indicatorIds: readonly string[]): Decimal {
  return sumOf(indicatorIds.map((id) => indicatorScore(expert, id)));
}

/** One unit per claimed flag or item of the indicator's criteria; each expert's value accept/reject, null when not decided. */
function decisionUnits(indicator: Indicator, alliance: AllianceInput, experts: readonly ScoringExpert[]): (string | null)[][] {
  return indicator.criteria.flatMap((criterion) => criterionDecisionUnits(criterion, alliance, experts));
}

/** The units of one criterion: one per claimed flag or item; none for a judged criterion or nothing claimed. */
export function criterionDecisionUnits(criterion: Criterion, alliance: AllianceInput, experts: readonly ScoringExpert[]): (string | null)[][] {
  const units: (string | null)[][] = [];
  const claim = own(alliance.claims, criterion.id);
  if (claim === undefined) return units;
  switch (criterion.kind) {
    case 'flag':
      if ((claim as { claimed?: unknown }).claimed === true) {
        units.push(experts.map((expert) => flagValue(own(expert.decisions ?? {}, criterion.id))));
      }
      break;
    case 'perItem':
    case 'perPair':
    case 'band':
    case 'tier': {
      const items = (claim as { items?: unknown }).items;
      if (!Array.isArray(items)) break;
      const ids = [...new Set(items.flatMap((item: unknown) => (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : [])))];
      for (const itemId of ids) units.push(experts.map((expert) => itemValue(own(expert.decisions ?? {}, criterion.id), itemId)));
      break;
    }
    case 'judged':
      break;
  }
  return units;
}

function flagValue(decision: Decision | undefined): string | null {
  const accept = (decision as { accept?: unknown } | undefined)?.accept;
  return typeof accept === 'boolean' ? (accept ? 'accept' : 'reject') : null;
}

function itemValue(decision: Decision | undefined, itemId: string): string | null {
  if (decision === undefined) return null;
  const { accepted, rejected } = decision as { accepted?: unknown; rejected?: unknown };
  if (Array.isArray(accepted) && accepted.includes(itemId)) return 'accept';
  if (typeof rejected === 'object' && rejected !== null && Object.prototype.hasOwnProperty.call(rejected, itemId)) return 'reject';
  return null;
}

function leniencyOf(expertId: string, alliances: readonly AllianceInput[], indicatorIds: readonly string[]): ExpertLeniency {
  const differences: Decimal[] = [];
  for (const alliance of alliances) {
    const scoring = alliance.experts.filter((expert): expert is ScoringExpert => !expert.recused);
    const self = scoring.find((expert) => expert.expertId === expertId);
    const others = scoring.filter((expert) => expert.expertId !== expertId);
    if (self === undefined || others.length === 0) continue;
    const othersMean = sumOf(others.map((expert) => totalOf(expert, indicatorIds))).dividedBy(others.length);
    differences.push(totalOf(self, indicatorIds).minus(othersMean));
  }
  if (differences.length === 0) return { leniency: null, spread: null, alliances: 0 };
  const mean = sumOf(differences).dividedBy(differences.length);
  const variance = sumOf(differences.map((d) => d.minus(mean).times(d.minus(mean)))).dividedBy(differences.length);
  return { leniency: toJsonStatistic(mean), spread: toJsonStatistic(variance.sqrt()), alliances: differences.length };
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
