import { describe, expect, it } from 'vitest';

import { dec } from '../../../shared/decimal/decimal.ts';
import { toJsonStatistic } from '../../../shared/decimal/print-score.ts';
import { krippendorffAlphaNominal } from '../../../shared/panel/krippendorff-alpha.ts';

/** Coders × units, as Krippendorff prints his reliability data; '.' is a missing value. */
function unitsOf(coders: readonly string[]): (string | null)[][] {
  const rows = coders.map((row) => row.split(' '));
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, u) => rows.map((row) => (row[u] === '.' ? null : (row[u] ?? null))));
}

describe('krippendorffAlphaNominal', () => {
  it.each([
    {
      // Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: 4 observers,
      // 12 units, missing data; nominal alpha 0.743.
      name: "Krippendorff's own example with missing values",
      coders: ['1 2 3 3 2 1 4 1 2 . . .', '1 2 3 3 2 2 4 1 2 5 . 3', '. 3 3 3 2 3 4 2 2 5 1 .', '1 2 3 3 2 4 4 1 2 5 1 .'],
      alpha: 0.743,
    },
    { name: 'perfect agreement on two categories', coders: ['a r a a r', 'a r a a r', 'a r a a r'], alpha: 1 },
    // 6 units of {x, x, y}: o(a,r) = o(r,a) = 6, n(a) = n(r) = 9, alpha = 1 − 17·12 / (2·81).
    { name: 'one coder always the opposite', coders: ['a r a r a r', 'a r a r a r', 'r a r a r a'], alpha: -0.259 },
  ])('$name: alpha = $alpha', ({ coders, alpha }) => {
    const value = krippendorffAlphaNominal(unitsOf(coders));
    expect(value).not.toBeNull();
    expect(toJsonStatistic(value ?? dec(0))).toBe(alpha);
  });

  it.each([
    { name: 'every value in one category', coders: ['a a a', 'a a a', 'a . a'] },
    { name: 'no unit with two values', coders: ['a . .', '. r .', '. . a'] },
    { name: 'no units at all', coders: [''] },
  ])('is undefined (null): $name', ({ coders }) => {
    const units = coders[0] === '' ? [] : unitsOf(coders);
    expect(krippendorffAlphaNominal(units)).toBeNull();
  });
});
