/**
 * Self-score: the alliance's own score of its package.
 *
 * - self-score: the review in which every claim is accepted and every judged criterion takes
 *   the alliance's own `value` (0 where absent) (sheets-and-results.md `self-score`).
 * - over-cap indicator: one whose claimed points add up to more than its cap; the package
 *   validator warns about it (package-format.md), the score simply caps.
 * - intended kinds: the alliance kinds a kind-specific criterion is meant for (decision 5).
 */
import type { Decimal } from '../decimal/decimal.ts';
import { dec } from '../decimal/decimal.ts';
import { assertNever } from './assert-never.ts';
import { criteriaOf, indicatorsOf } from './rubric-index.ts';
import type { ReviewScore } from './score-review.ts';
import { scoreReview } from './score-review.ts';
import type { AllianceKind, Claims, Criterion, Decision, Rubric } from './types.ts';

export function selfScore(rubric: Rubric, claims: Claims): ReviewScore {
  return scoreReview(rubric, claims, { decisions: selfDecisions(rubric, claims) });
}

/** The decisions of the self-score: accept everything claimed, judged values as claimed. */
export function selfDecisions(rubric: Rubric, claims: Claims): Record<string, Decision> {
  const decisions: Record<string, Decision> = {};
  for (const criterion of criteriaOf(rubric)) {
    const claim: unknown = Object.prototype.hasOwnProperty.call(claims, criterion.id) ? claims[criterion.id] : undefined;
    const record = typeof claim === 'object' && claim !== null ? (claim as Record<string, unknown>) : undefined;
    switch (criterion.kind) {
      case 'flag':
        if (record?.['claimed'] === true) decisions[criterion.id] = { accept: true };
        break;
      case 'perItem':
      case 'perPair':
      case 'band':
      case 'tier': {
        const items = record?.['items'];
        if (!Array.isArray(items)) break;
        const ids = items.flatMap((item: unknown) =>
          typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
            ? [(item as { id: string }).id]
            : [],
        );
        // Duplicate ids are reported by scoreReview from the claim; accepting each once keeps
        // the self-score from reporting the same fault twice.
        decisions[criterion.id] = { accepted: [...new Set(ids)], rejected: {} };
        break;
      }
      case 'judged': {
        const value = record?.['value'];
        decisions[criterion.id] = { value: typeof value === 'number' ? value : 0 };
        break;
      }
      default:
        assertNever(criterion);
    }
  }
  return decisions;
}

export interface OverCapIndicator {
  readonly indicatorId: string;
  /** Points before the cap. */
  readonly criteriaSum: Decimal;
  readonly cap: number;
}

/** Indicators of a score whose criteria add up to more than the indicator cap. */
export function overCapIndicators(rubric: Rubric, score: ReviewScore): OverCapIndicator[] {
  const result: OverCapIndicator[] = [];
  for (const indicator of indicatorsOf(rubric)) {
    const indicatorScore = score.indicators[indicator.id];
    if (indicator.cap === null || indicatorScore === undefined) continue;
    if (indicatorScore.criteriaSum.greaterThan(dec(indicator.cap))) {
      result.push({ indicatorId: indicator.id, criteriaSum: indicatorScore.criteriaSum, cap: indicator.cap });
    }
  }
  return result;
}

/** Whether a criterion is meant for alliances of `kind` (criteria without a list: every kind). */
export function isMeantFor(criterion: Criterion, kind: AllianceKind): boolean {
  return criterion.forAllianceKinds === undefined || criterion.forAllianceKinds.includes(kind);
}

/** Kind-specific criteria the claims use although they are not meant for `kind`: each a warning. */
export function criteriaClaimedOutsideKind(rubric: Rubric, claims: Claims, kind: AllianceKind): Criterion[] {
  return criteriaOf(rubric).filter((criterion) => {
    if (isMeantFor(criterion, kind) || !Object.prototype.hasOwnProperty.call(claims, criterion.id)) return false;
    const claim: unknown = claims[criterion.id];
    if (typeof claim !== 'object' || claim === null) return false;
    const record = claim as Record<string, unknown>;
    // A flag claimed false or an empty list claims nothing, so it deserves no warning.
    if (record['claimed'] === true) return true;
    const items = record['items'];
    if (Array.isArray(items)) return items.length > 0;
    return typeof record['value'] === 'number';
  });
}
