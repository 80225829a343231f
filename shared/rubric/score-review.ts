/**
 * Scoring a review: one expert's decisions on one alliance's claims, through the rubric.
 *
 * - criterion score: the rubric applied to the accepted claims of one criterion.
 * - indicator score: the sum of its criterion scores capped at the indicator cap (the computed
 *   score), replaced by the expert's override when there is a valid one (decision 11).
 * - group score: the sum of its indicator scores; the total is the sum of the groups, which is
 *   the sum of all indicator scores (decision 9). Group caps are checked when the rubric is
 *   parsed and never cut a total.
 * - review score: all of the above, the grade of the total, what is still undecided and the
 *   problems of the review, returned as data.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { dec, decimalPlacesOf, minOf, roundHalfUp, sumOf, ZERO } from '../decimal/decimal.ts';
import { assertNever } from './assert-never.ts';
import { flagScore, listScore } from './criterion-score.ts';
import { gradeOf } from './grade.ts';
import type { ReviewProblem, Undecided } from './review-problem.ts';
import { indexRubric } from './rubric-index.ts';
import type {
  Claim,
  ClaimItem,
  Claims,
  Decision,
  FlagCriterion,
  Grade,
  Indicator,
  JudgedCriterion,
  ListCriterion,
  Override,
  Review,
  Rubric,
} from './types.ts';

export interface IndicatorScore {
  readonly indicatorId: string;
  /** Sum of the criterion scores before the indicator cap (what warnings about caps compare). */
  readonly criteriaSum: Decimal;
  /** `criteriaSum` capped at the indicator cap. */
  readonly computed: Decimal;
  /** The override applied, or null when none (or when the one given is invalid). */
  readonly override: Override | null;
  /** The indicator's score: the override's score, else `computed`. */
  readonly score: Decimal;
}

export interface ReviewScore {
  readonly rubricId: string;
  /** Criterion id → score, every criterion of the rubric. */
  readonly criteria: Readonly<Record<string, Decimal>>;
  /** Indicator id → score, every indicator of the rubric. */
  readonly indicators: Readonly<Record<string, IndicatorScore>>;
  /** Group id → sum of its indicator scores. */
  readonly groups: Readonly<Record<string, Decimal>>;
  /** Sum of all indicator scores, exact. */
  readonly total: Decimal;
  /** Grade of the total rounded half-up to two decimals (what is printed). */
  readonly grade: Grade;
  /** Claims still to decide, in rubric order. */
  readonly undecided: readonly Undecided[];
  readonly problems: readonly ReviewProblem[];
  /** Nothing left undecided. */
  readonly complete: boolean;
  /** No problems. */
  readonly valid: boolean;
}

export function scoreReview(rubric: Rubric, claims: Claims, review: Review): ReviewScore {
  const index = indexRubric(rubric);
  const problems: ReviewProblem[] = [];
  const undecided: Undecided[] = [];

  for (const criterionId of Object.keys(review.decisions)) {
    if (!index.criteria.has(criterionId)) problems.push({ kind: 'unknown-criterion', criterionId });
  }
  const overrides = review.overrides ?? {};
  for (const indicatorId of Object.keys(overrides)) {
    if (!index.indicators.has(indicatorId)) problems.push({ kind: 'unknown-indicator', indicatorId });
  }

  const criteria: Record<string, Decimal> = {};
  const indicators: Record<string, IndicatorScore> = {};
  const groups: Record<string, Decimal> = {};
  const sink: Sink = { problems, undecided };

  for (const group of rubric.groups) {
    const indicatorScores: Decimal[] = [];
    for (const indicator of group.indicators) {
      const criterionScores: Decimal[] = [];
      for (const criterion of indicator.criteria) {
        const claim = own(claims, criterion.id);
        const decision = own(review.decisions, criterion.id);
        let score: Decimal;
        switch (criterion.kind) {
          case 'flag':
            score = scoreFlagCriterion(criterion, claim, decision, sink);
            break;
          case 'perItem':
          case 'perPair':
          case 'band':
          case 'tier':
            score = scoreListCriterion(criterion, claim, decision, sink);
            break;
          case 'judged':
            score = scoreJudgedCriterion(criterion, decision, sink);
            break;
          default:
            score = assertNever(criterion);
        }
        criteria[criterion.id] = score;
        criterionScores.push(score);
      }
      const indicatorScore = scoreIndicator(indicator, sumOf(criterionScores), own(overrides, indicator.id), problems);
      indicators[indicator.id] = indicatorScore;
      indicatorScores.push(indicatorScore.score);
    }
    groups[group.id] = sumOf(indicatorScores);
  }

  const total = sumOf(Object.values(groups));
  return {
    rubricId: rubric.id,
    criteria,
    indicators,
    groups,
    total,
    grade: gradeOf(rubric, roundHalfUp(total, 2)),
    undecided,
    problems,
    complete: undecided.length === 0,
    valid: problems.length === 0,
  };
}

interface Sink {
  readonly problems: ReviewProblem[];
  readonly undecided: Undecided[];
}

/** A record's own value: decision and claim keys come from files, so `toString` or
 * `__proto__` must not find something on the prototype. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasReason(reason: unknown): boolean {
  return typeof reason === 'string' && reason.trim() !== '';
}

function scoreFlagCriterion(
  criterion: FlagCriterion,
  claim: Claim | undefined,
  decision: Decision | undefined,
  sink: Sink,
): Decimal {
  let claimed = false;
  if (claim !== undefined) {
    if (isRecord(claim) && typeof claim['claimed'] === 'boolean') claimed = claim['claimed'];
    else sink.problems.push({ kind: 'claim-wrong-shape', criterionId: criterion.id });
  }
  if (decision === undefined) {
    // Unclaimed flags score 0 and need no decision (sheets-and-results.md).
    if (claimed) sink.undecided.push({ criterionId: criterion.id });
    return ZERO;
  }
  if (!isRecord(decision) || typeof decision['accept'] !== 'boolean') {
    sink.problems.push({ kind: 'decision-wrong-shape', criterionId: criterion.id });
    if (claimed) sink.undecided.push({ criterionId: criterion.id });
    return ZERO;
  }
  if (decision['accept'] === false) {
    if (!hasReason(decision['reason'])) sink.problems.push({ kind: 'rejection-without-reason', criterionId: criterion.id });
    return ZERO;
  }
  if (!claimed) {
    sink.problems.push({ kind: 'flag-not-claimed', criterionId: criterion.id });
    return ZERO;
  }
  return flagScore(criterion, true);
}

function scoreListCriterion(
  criterion: ListCriterion,
  claim: Claim | undefined,
  decision: Decision | undefined,
  sink: Sink,
): Decimal {
  const id = criterion.id;
  // Claimed items by id; the first of duplicate ids counts (the package validator refuses them).
  const items = new Map<string, ClaimItem>();
  if (claim !== undefined) {
    const claimItems = isRecord(claim) ? claim['items'] : undefined;
    if (Array.isArray(claimItems) && claimItems.every((item) => isRecord(item) && typeof item['id'] === 'string')) {
      for (const item of claimItems as ClaimItem[]) {
        if (items.has(item.id)) sink.problems.push({ kind: 'duplicate-claim-item', criterionId: id, itemId: item.id });
        else items.set(item.id, item);
      }
    } else {
      sink.problems.push({ kind: 'claim-wrong-shape', criterionId: id });
    }
  }

  let acceptedIds: readonly unknown[] = [];
  let rejected: Record<string, unknown> = {};
  if (decision !== undefined) {
    if (isRecord(decision) && Array.isArray(decision['accepted']) && isRecord(decision['rejected'])) {
      acceptedIds = decision['accepted'] as unknown[];
      rejected = decision['rejected'];
    } else {
      sink.problems.push({ kind: 'decision-wrong-shape', criterionId: id });
    }
  }

  const decided = new Set<string>();
  const accepted = new Set<string>();
  for (const itemId of acceptedIds) {
    if (typeof itemId !== 'string') {
      sink.problems.push({ kind: 'decision-wrong-shape', criterionId: id });
      continue;
    }
    if (!items.has(itemId)) {
      sink.problems.push({ kind: 'unknown-item', criterionId: id, itemId });
      continue;
    }
    if (accepted.has(itemId)) {
      sink.problems.push({ kind: 'item-decided-twice', criterionId: id, itemId });
      continue;
    }
    accepted.add(itemId);
    decided.add(itemId);
  }
  for (const [itemId, reason] of Object.entries(rejected)) {
    if (!items.has(itemId)) {
      sink.problems.push({ kind: 'unknown-item', criterionId: id, itemId });
      continue;
    }
    if (!hasReason(reason)) sink.problems.push({ kind: 'rejection-without-reason', criterionId: id, itemId });
    if (accepted.has(itemId)) {
      // Both accepted and rejected: the expert has not made up their mind, so it does not score.
      sink.problems.push({ kind: 'item-decided-twice', criterionId: id, itemId });
      accepted.delete(itemId);
    }
    decided.add(itemId);
  }
  for (const itemId of items.keys()) {
    if (!decided.has(itemId)) sink.undecided.push({ criterionId: id, itemId });
  }

  const amounts: number[] = [];
  if (criterion.kind === 'tier') {
    for (const itemId of accepted) {
      const amount = items.get(itemId)?.amountWan;
      if (typeof amount === 'number' && Number.isFinite(amount) && amount > 0) amounts.push(amount);
      else sink.problems.push({ kind: 'item-without-amount', criterionId: id, itemId });
    }
  }
  return listScore(criterion, accepted.size, amounts);
}

function scoreJudgedCriterion(criterion: JudgedCriterion, decision: Decision | undefined, sink: Sink): Decimal {
  const id = criterion.id;
  // Every judged criterion needs a value, claimed or not: the expert judges the document.
  if (decision === undefined) {
    sink.undecided.push({ criterionId: id });
    return ZERO;
  }
  const value = isRecord(decision) ? decision['value'] : undefined;
  if (typeof value !== 'number') {
    sink.problems.push({ kind: 'decision-wrong-shape', criterionId: id });
    sink.undecided.push({ criterionId: id });
    return ZERO;
  }
  if (!Number.isFinite(value) || value < 0 || dec(value).greaterThan(dec(criterion.max))) {
    sink.problems.push({ kind: 'value-out-of-range', criterionId: id, value, max: criterion.max });
    return ZERO;
  }
  if (decimalPlacesOf(value) > 1) {
    sink.problems.push({ kind: 'value-too-precise', criterionId: id, value });
    return ZERO;
  }
  return dec(value);
}

function scoreIndicator(
  indicator: Indicator,
  criteriaSum: Decimal,
  override: Override | undefined,
  problems: ReviewProblem[],
): IndicatorScore {
  const computed = indicator.cap === null ? criteriaSum : minOf(criteriaSum, dec(indicator.cap));
  const base = { indicatorId: indicator.id, criteriaSum, computed };
  if (override === undefined) return { ...base, override: null, score: computed };

  const indicatorId = indicator.id;
  let usable = true;
  const score: unknown = isRecord(override) ? override['score'] : undefined;
  if (
    typeof score !== 'number' ||
    !Number.isFinite(score) ||
    score < 0 ||
    (indicator.cap !== null && dec(score).greaterThan(dec(indicator.cap)))
  ) {
    problems.push({
      kind: 'override-out-of-range',
      indicatorId,
      score: typeof score === 'number' ? score : Number.NaN,
      cap: indicator.cap,
    });
    usable = false;
  } else if (decimalPlacesOf(score) > 2) {
    problems.push({ kind: 'override-too-precise', indicatorId, score });
    usable = false;
  }
  if (!hasReason(isRecord(override) ? override['reason'] : undefined)) {
    problems.push({ kind: 'override-without-reason', indicatorId });
    usable = false;
  }
  if (!usable || typeof score !== 'number') return { ...base, override: null, score: computed };
  return { ...base, override, score: dec(score) };
}
