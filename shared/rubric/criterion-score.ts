/**
 * Criterion scores: what one criterion gives once the expert's decisions are known.
 *
 * - accepted item: a claimed item the expert accepted; only those score.
 * - band: a range of accepted-item counts with its points (1–5 家 → 1 分).
 * - tier: a range of amounts in 万元 with the points each item in it gives (decision 2).
 *
 * These functions know nothing of claims, decisions or their problems (score-review.ts sorts
 * those out); they only apply the rubric's arithmetic, exactly.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { dec, minOf, sumOf, ZERO } from '../decimal/decimal.ts';
import type {
  BandCriterion,
  FlagCriterion,
  ListCriterion,
  PerItemCriterion,
  PerPairCriterion,
  TierCriterion,
} from './types.ts';
import { assertNever } from './assert-never.ts';

export function flagScore(criterion: FlagCriterion, accepted: boolean): Decimal {
  return accepted ? dec(criterion.points) : ZERO;
}

/** `points × count`, then the criterion's own cap (I11.bureauEvents: at most 3). */
export function perItemScore(criterion: PerItemCriterion, acceptedCount: number): Decimal {
  const score = dec(criterion.points).times(acceptedCount);
  return criterion.cap === undefined ? score : minOf(score, dec(criterion.cap));
}

/** `points × floor(count / 2)`: an odd item out scores nothing (decision 4). */
export function perPairScore(criterion: PerPairCriterion, acceptedCount: number): Decimal {
  return dec(criterion.points).times(Math.floor(acceptedCount / 2));
}

/** Points of the band `count` falls in; both ends included; no band → 0. */
export function bandScore(criterion: BandCriterion, acceptedCount: number): Decimal {
  const band = criterion.bands.find(
    (candidate) => acceptedCount >= candidate.from && (candidate.to === null || acceptedCount <= candidate.to),
  );
  return band === undefined ? ZERO : dec(band.points);
}

/** Points one item of `amountWan` gives: the tier with `fromWan ≤ amount < belowWan`; none → 0. */
export function tierPoints(criterion: TierCriterion, amountWan: number): Decimal {
  const amount = dec(amountWan);
  const tier = criterion.tiers.find(
    (candidate) =>
      amount.greaterThanOrEqualTo(dec(candidate.fromWan)) &&
      (candidate.belowWan === null || amount.lessThan(dec(candidate.belowWan))),
  );
  return tier === undefined ? ZERO : dec(tier.points);
}

/** Sum of the tier points of each accepted item's amount. */
export function tierScore(criterion: TierCriterion, acceptedAmountsWan: readonly number[]): Decimal {
  return sumOf(acceptedAmountsWan.map((amount) => tierPoints(criterion, amount)));
}

/**
 * The score of a list criterion from its accepted items. `amountsWan` holds the amounts of the
 * accepted items that have a valid one (tier criteria only; the others ignore it).
 */
export function listScore(criterion: ListCriterion, acceptedCount: number, amountsWan: readonly number[]): Decimal {
  switch (criterion.kind) {
    case 'perItem':
      return perItemScore(criterion, acceptedCount);
    case 'perPair':
      return perPairScore(criterion, acceptedCount);
    case 'band':
      return bandScore(criterion, acceptedCount);
    case 'tier':
      return tierScore(criterion, amountsWan);
    default:
      return assertNever(criterion);
  }
}
