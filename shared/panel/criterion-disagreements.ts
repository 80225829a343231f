/**
 * Criterion disagreements (rubric.md decision 13): what the chair must look at, criterion by
 * criterion, on a merged panel. Advisory data for the chair's later workflow: nothing here
 * changes a score, and neither the result file nor `merge` output carries it.
 *
 * - objective criterion (`nature: "objective"`): whether a flag or an item is proven is a
 *   question of fact. An objective disagreement is one claimed flag or item (or an objective
 *   judged criterion's value) on which the scoring experts did not all decide the same: one
 *   accepted and another rejected, or one gave no decision. Each expert's decision and reason
 *   is listed.
 * - subjective criterion (`nature: "subjective"`, a judged criterion: I10's parts): the
 *   expert's score is the score. A subjective outlier (畸高畸低) is a score further than
 *   share × the criterion's cap (`max`) from the mean of the OTHER scoring experts' scores for
 *   it; the share is 0.3 unless the meeting sets another (I10: 0.3 × 2.5 = 0.75, so exactly
 *   0.75 away is not an outlier, 0.76 is).
 * - scoring expert: an expert who did not recuse themself for the alliance (decision 10);
 *   recused experts take no part in either list.
 *
 * Exact: |v − Σothers / n| > limit is decided as |n·v − Σothers| > n·limit, so no division
 * rounds; the mean and distance reported are decimals at 60 significant digits.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { dec, sumOf } from '../decimal/decimal.ts';
import { criteriaOf } from '../rubric/rubric-index.ts';
import type { Criterion, Decision, Rubric } from '../rubric/types.ts';
import type { AllianceInput } from './alliance-results.ts';
import type { ScoringExpert } from './panel-analysis.ts';

/** The meeting's default share of a criterion's cap (rubric.md decision 13). */
export const DEFAULT_OUTLIER_SHARE = '0.3';

export type ExpertDecision =
  | { readonly expertId: string; readonly decision: 'accept'; readonly reason: null }
  | { readonly expertId: string; readonly decision: 'reject'; readonly reason: string }
  | { readonly expertId: string; readonly decision: 'value'; readonly value: Decimal; readonly reason: null }
  /** No decision on this flag or item in the expert's review. */
  | { readonly expertId: string; readonly decision: 'none'; readonly reason: null };

export interface ObjectiveDisagreement {
  readonly allianceId: string;
  readonly criterionId: string;
  /** The item decided on; null for a flag or a judged criterion. */
  readonly itemId: string | null;
  /** Every scoring expert, in the order of the alliance's experts (expert id order in a merge). */
  readonly decisions: readonly ExpertDecision[];
}

export interface SubjectiveOutlier {
  readonly allianceId: string;
  readonly criterionId: string;
  readonly expertId: string;
  readonly score: Decimal;
  /** The mean of the other scoring experts' scores for this criterion. */
  readonly othersMean: Decimal;
  /** |score − othersMean|, more than `limit`. */
  readonly distance: Decimal;
  /** share × the criterion's cap. */
  readonly limit: Decimal;
  /** 畸高 above the others' mean, 畸低 below. */
  readonly direction: 'high' | 'low';
}

function scoringExperts(alliance: AllianceInput): ScoringExpert[] {
  return alliance.experts.filter((expert): expert is ScoringExpert => !expert.recused);
}

function decisionOf(expert: ScoringExpert, criterionId: string): Decision | undefined {
  const decisions = expert.decisions ?? {};
  return Object.prototype.hasOwnProperty.call(decisions, criterionId) ? decisions[criterionId] : undefined;
}

function judgedValue(decision: Decision | undefined): Decimal | null {
  const value = (decision as { value?: unknown } | undefined)?.value;
  return typeof value === 'number' ? dec(value) : null;
}

/** The claimed flag or item ids of a criterion in the alliance's claims; [null] for a claimed flag. */
function claimedUnits(criterion: Criterion, alliance: AllianceInput): (string | null)[] {
  const claim = Object.prototype.hasOwnProperty.call(alliance.claims, criterion.id) ? alliance.claims[criterion.id] : undefined;
  if (claim === undefined) return [];
  switch (criterion.kind) {
    case 'flag':
      return (claim as { claimed?: unknown }).claimed === true ? [null] : [];
    case 'perItem':
    case 'perPair':
    case 'band':
    case 'tier': {
      const items = (claim as { items?: unknown }).items;
      if (!Array.isArray(items)) return [];
      return [...new Set(items.flatMap((item: unknown) => (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : [])))];
    }
    case 'judged':
      return [null];
  }
}

function expertDecision(criterion: Criterion, expert: ScoringExpert, itemId: string | null): ExpertDecision {
  const decision = decisionOf(expert, criterion.id);
  const expertId = expert.expertId;
  if (criterion.kind === 'judged') {
    const value = judgedValue(decision);
    return value === null ? { expertId, decision: 'none', reason: null } : { expertId, decision: 'value', value, reason: null };
  }
  if (itemId === null) {
    const { accept, reason } = (decision ?? {}) as { accept?: unknown; reason?: unknown };
    if (accept === true) return { expertId, decision: 'accept', reason: null };
    if (accept === false) return { expertId, decision: 'reject', reason: typeof reason === 'string' ? reason : '' };
    return { expertId, decision: 'none', reason: null };
  }
  const { accepted, rejected } = (decision ?? {}) as { accepted?: unknown; rejected?: unknown };
  if (Array.isArray(accepted) && accepted.includes(itemId)) return { expertId, decision: 'accept', reason: null };
  if (typeof rejected === 'object' && rejected !== null && Object.prototype.hasOwnProperty.call(rejected, itemId)) {
    const reason = (rejected as Record<string, unknown>)[itemId];
    return { expertId, decision: 'reject', reason: typeof reason === 'string' ? reason : '' };
  }
  return { expertId, decision: 'none', reason: null };
}

/** Two decisions are the same when they are the same kind (and, for values, the same value). */
function sameDecision(a: ExpertDecision, b: ExpertDecision): boolean {
  if (a.decision === 'value' && b.decision === 'value') return a.value.equals(b.value);
  return a.decision === b.decision;
}

/** Every objective claim the scoring experts of an alliance decided differently, alliance, criterion and item order. */
export function objectiveDisagreements(rubric: Rubric, alliances: readonly AllianceInput[]): ObjectiveDisagreement[] {
  const found: ObjectiveDisagreement[] = [];
  const objective = criteriaOf(rubric).filter((criterion) => criterion.nature === 'objective');
  for (const alliance of alliances) {
    const experts = scoringExperts(alliance);
    if (experts.length < 2) continue;
    for (const criterion of objective) {
      for (const itemId of claimedUnits(criterion, alliance)) {
        const decisions = experts.map((expert) => expertDecision(criterion, expert, itemId));
        const first = decisions[0];
        if (first !== undefined && decisions.some((decision) => !sameDecision(decision, first))) {
          found.push({ allianceId: alliance.allianceId, criterionId: criterion.id, itemId, decisions });
        }
      }
    }
  }
  return found;
}

/** Every subjective score further than `share` × its criterion's cap from the other scoring experts' mean. */
export function subjectiveOutliers(rubric: Rubric, alliances: readonly AllianceInput[], share: Decimal | string = DEFAULT_OUTLIER_SHARE): SubjectiveOutlier[] {
  const found: SubjectiveOutlier[] = [];
  const fraction = dec(share);
  const subjective = criteriaOf(rubric).filter((criterion) => criterion.nature === 'subjective' && criterion.kind === 'judged');
  for (const alliance of alliances) {
    const experts = scoringExperts(alliance);
    for (const criterion of subjective) {
      if (criterion.kind !== 'judged') continue;
      const limit = fraction.times(criterion.max);
      const scores = experts.flatMap((expert) => {
        const value = judgedValue(decisionOf(expert, criterion.id));
        return value === null ? [] : [{ expertId: expert.expertId, value }];
      });
      for (const { expertId, value } of scores) {
        const others = scores.filter((other) => other.expertId !== expertId).map((other) => other.value);
        if (others.length === 0) continue;
        const n = others.length;
        const sum = sumOf(others);
        // |v − sum/n| > limit  ⇔  |n·v − sum| > n·limit, with no rounding.
        const scaled = value.times(n).minus(sum);
        if (!scaled.abs().greaterThan(limit.times(n))) continue;
        const othersMean = sum.dividedBy(n);
        found.push({
          allianceId: alliance.allianceId,
          criterionId: criterion.id,
          expertId,
          score: value,
          othersMean,
          distance: value.minus(othersMean).abs(),
          limit,
          direction: scaled.isPositive() ? 'high' : 'low',
        });
      }
    }
  }
  return found;
}
