/**
 * Printing scores: the two ways a score leaves the engine.
 *
 * - JSON number: a score in a result or self-score file; at most two decimals and printed
 *   exactly (87.33, never 87.33000000000001).
 * - display string: a score shown to a person, on screen, PDF or Excel.
 */
import type { Decimal } from './decimal.ts';
import { roundHalfUp } from './decimal.ts';

/**
 * The JS number for a score rounded half-up to two decimals. A decimal string with at most 15
 * significant digits survives `Number()` and `JSON.stringify` unchanged, so the JSON text
 * shows exactly the rounded decimal; beyond that we refuse rather than print noise.
 */
export function toJsonNumber(score: Decimal): number {
  const rounded = roundHalfUp(score, 2);
  if (rounded.sd(true) > 15) {
    throw new RangeError(`score too large to print exactly: ${rounded.toFixed()}`);
  }
  const printed = rounded.toFixed();
  const value = Number(printed);
  // Object.is keeps -0 out of the JSON: -0 prints as 0 but compares unequal in tests.
  return Object.is(value, -0) ? 0 : value;
}

export interface FormatScoreOptions {
  /** Decimals to round to (half-up). Default 2. */
  readonly places?: number;
  /** Keep trailing zeros ("90.00") as on a signed result sheet. Default false ("90"). */
  readonly fixed?: boolean;
}

/** A score as people read it: "90.5", "87.33", or "90.00" with `fixed`. */
export function formatScore(score: Decimal, options: FormatScoreOptions = {}): string {
  const places = options.places ?? 2;
  const rounded = roundHalfUp(score, places);
  const text = options.fixed === true ? rounded.toFixed(places) : rounded.toFixed();
  return text === '-0' || /^-0\.0*$/.test(text) ? text.slice(1) : text;
}

/**
 * The JS number for a statistic of the result's `analysis` (agreement, leniency): rounded
 * half-up to three decimals from its (high-precision) decimal value, printed exactly.
 */
export function toJsonStatistic(value: Decimal): number {
  const rounded = roundHalfUp(value, 3);
  const number = Number(rounded.toFixed());
  return Object.is(number, -0) ? 0 : number;
}
