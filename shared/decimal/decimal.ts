/**
 * Exact decimals for scores.
 *
 * - score: a non-negative decimal number of points (a criterion's, an indicator's, a total).
 * - exact: computed without binary floating point, so 0.1 + 0.2 is 0.3 (rubric.md decision 8).
 * - half-up: a tie rounds away from zero (0.575 → 0.58), applied to the exact value.
 *
 * Every score is added, averaged and rounded here, never with JS `+` on numbers.
 */
import { Decimal } from 'decimal.js';

export { Decimal };

/*
 * Our own Decimal constructor so no other code's `Decimal.set` can change how scores round.
 * 60 significant digits: sums of scores (at most two decimals, totals in the hundreds) never
 * come near it, so `plus` and `times` are exact. Division is the only inexact operation and is
 * done only in `divideHalfUp`, which rounds from an exact integer remainder instead.
 */
const ScoreDecimal = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

/** A score from a JSON number or a decimal string. A JS number is read from its shortest
 * printed form, so `dec(0.1)` is exactly one tenth. */
export function dec(value: number | string | Decimal): Decimal {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`not a finite number: ${String(value)}`);
  }
  return new ScoreDecimal(value);
}

export const ZERO: Decimal = dec(0);

export function sumOf(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

export function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/** Round half-up (away from zero) to `places` decimals. */
export function roundHalfUp(value: Decimal, places = 2): Decimal {
  return dec(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/**
 * `numerator / divisor` rounded half-up to `places` decimals, exactly: the quotient of two
 * decimals may not terminate (262 / 3), so we round from the integer quotient and remainder
 * rather than from a truncated expansion. Works for any sign of numerator; divisor > 0.
 */
export function divideHalfUp(numerator: Decimal, divisor: number, places = 2): Decimal {
  return divideRounded(numerator, divisor, places, (remainder) => remainder.times(2).greaterThanOrEqualTo(divisor));
}

/** `numerator / divisor` rounded away from zero to `places` decimals (any remainder rounds up). */
export function divideUp(numerator: Decimal, divisor: number, places = 2): Decimal {
  return divideRounded(numerator, divisor, places, (remainder) => !remainder.isZero());
}

function divideRounded(
  numerator: Decimal,
  divisor: number,
  places: number,
  roundsUp: (remainder: Decimal) => boolean,
): Decimal {
  if (!Number.isSafeInteger(divisor) || divisor <= 0) {
    throw new RangeError(`divisor must be a positive integer, got ${String(divisor)}`);
  }
  const scale = dec(10).pow(places);
  const magnitude = numerator.abs().times(scale);
  // magnitude may still carry decimals (a numerator with more places than `places`); the
  // integer part of magnitude / divisor and its remainder are exact either way.
  const quotient = magnitude.dividedToIntegerBy(divisor);
  const remainder = magnitude.minus(quotient.times(divisor));
  const rounded = roundsUp(remainder) ? quotient.plus(1) : quotient;
  const result = rounded.dividedBy(scale);
  return numerator.isNegative() ? result.negated() : result;
}

/** Mean of `values`, rounded half-up to `places` decimals. */
export function meanHalfUp(values: readonly Decimal[], places = 2): Decimal {
  if (values.length === 0) throw new RangeError('mean of no values');
  return divideHalfUp(sumOf(values), values.length, places);
}

/** Decimal places a JSON number shows (2.5 → 1, 2 → 0, 0.05 → 2). */
export function decimalPlacesOf(value: number): number {
  return dec(value).decimalPlaces();
}
