/**
 * Krippendorff's alpha for nominal data, with missing values (Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability", 2011).
 *
 * - unit: one thing coded (one alliance's claimed item or flag); value: one coder's (expert's)
 *   category for it (accept / reject), or null when that coder gave none (recused).
 * - pairable unit: a unit with at least two values; the others carry no information on
 *   agreement and are left out.
 * - coincidences: o(c,k) = Σ over units of (number of c–k pairs of values in the unit) / (m − 1),
 *   m the unit's number of values; n(c) = Σ_k o(c,k); n = Σ n(c).
 * - alpha = 1 − (n − 1) · Σ_{c≠k} o(c,k) / Σ_{c≠k} n(c)·n(k).
 *
 * Undefined (null) when the expected disagreement is 0: every value in one category, or no
 * pairable unit. Krippendorff reads such data as not informative about reliability, so we do
 * not call it 1: a panel that accepted every claim has shown no occasion to disagree.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { dec, sumOf, ZERO } from '../decimal/decimal.ts';

/** Alpha of `units` (each: the coders' values, null = missing), unrounded; null when undefined. */
export function krippendorffAlphaNominal(units: readonly (readonly (string | null)[])[]): Decimal | null {
  const coincidences = new Map<string, Map<string, Decimal>>();
  const add = (c: string, k: string, amount: Decimal): void => {
    const row = coincidences.get(c) ?? new Map<string, Decimal>();
    row.set(k, (row.get(k) ?? ZERO).plus(amount));
    coincidences.set(c, row);
  };
  for (const unit of units) {
    const values = unit.filter((value): value is string => value !== null);
    const m = values.length;
    if (m < 2) continue;
    const weight = dec(1).dividedBy(m - 1);
    for (let i = 0; i < m; i += 1) {
      for (let j = 0; j < m; j += 1) {
        if (i !== j) add(values[i] ?? '', values[j] ?? '', weight);
      }
    }
  }
  const categories = [...coincidences.keys()].sort();
  const marginals = new Map(categories.map((c) => [c, sumOf(coincidences.get(c)?.values() ?? [])]));
  const n = sumOf(marginals.values());
  let observed = ZERO;
  let expected = ZERO;
  for (const c of categories) {
    for (const k of categories) {
      if (c === k) continue;
      observed = observed.plus(coincidences.get(c)?.get(k) ?? ZERO);
      expected = expected.plus((marginals.get(c) ?? ZERO).times(marginals.get(k) ?? ZERO));
    }
  }
  if (expected.isZero()) return null;
  return dec(1).minus(n.minus(1).times(observed).dividedBy(expected));
}
