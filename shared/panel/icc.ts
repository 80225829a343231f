/**
 * ICC(2,1): the intraclass correlation of a two-way random-effects model, absolute agreement,
 * single rater (Shrout & Fleiss 1979, case 2; McGraw & Wong 1996 ICC(A,1)).
 *
 * - rows: the targets (alliances), each with one score per judge (expert), no gaps: every judge
 *   scored every target.
 * - ICC(2,1) = (BMS − EMS) / (BMS + (k − 1)·EMS + k·(JMS − EMS) / n), with BMS the targets' mean
 *   square, JMS the judges', EMS the residual, n targets and k judges.
 *
 * Computed with exact decimals (sums of two-decimal scores are exact; only the divisions round,
 * at the 60 significant digits of shared/decimal/), so the three decimals shown never depend
 * on binary floating point.
 */
import type { Decimal } from '../decimal/decimal.ts';
import { dec, sumOf, ZERO } from '../decimal/decimal.ts';

/**
 * ICC(2,1) of `rows` (n targets × k judges), unrounded; null when it is undefined: every score
 * the same (no variance at all, the denominator is 0). Needs n ≥ 2 and k ≥ 2.
 */
export function icc21(rows: readonly (readonly Decimal[])[]): Decimal | null {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n < 2 || k < 2) throw new RangeError(`ICC needs at least 2 targets and 2 judges, got ${n} × ${k}`);
  if (rows.some((row) => row.length !== k)) throw new RangeError('ICC needs every judge to score every target');
  const all = rows.flat();
  const grand = sumOf(all).dividedBy(n * k);
  const squares = (values: Iterable<Decimal>): Decimal => sumOf([...values].map((value) => value.times(value)));

  const rowMeans = rows.map((row) => sumOf(row).dividedBy(k));
  const columnMeans = Array.from({ length: k }, (_, j) => sumOf(rows.map((row) => row[j] ?? ZERO)).dividedBy(n));
  const total = squares(all.map((value) => value.minus(grand)));
  const between = squares(rowMeans.map((mean) => mean.minus(grand))).times(k);
  const judges = squares(columnMeans.map((mean) => mean.minus(grand))).times(n);
  const residual = total.minus(between).minus(judges);

  const bms = between.dividedBy(n - 1);
  const jms = judges.dividedBy(k - 1);
  const ems = residual.dividedBy((n - 1) * (k - 1));
  const denominator = bms.plus(ems.times(k - 1)).plus(jms.minus(ems).times(k).dividedBy(n));
  // For n, k ≥ 2 the denominator is ≥ 0 and 0 only when every score is the same; values within
  // the rounding of the divisions count as 0 so noise never shows as a number.
  if (denominator.abs().lessThan(dec('1e-40'))) return null;
  return bms.minus(ems).dividedBy(denominator);
}
