import { describe, expect, it } from 'vitest';

import { splitAwards } from '../../../shared/panel/award-split.ts';

describe('decision 12: award split, min(200000, floor(B / n)) whole yuan', () => {
  it.each([
    [1_000_000, 3, 200000], // 333333 capped at 200000
    [600_000, 3, 200000], // exactly the cap
    [500_000, 3, 166666], // 166666.67 rounded down
    [599_999, 3, 199999],
    [100, 3, 33],
    [0, 2, 0],
    [200_000.99, 1, 200000],
    [1_000_001, 7, 142857],
  ])('budget %i yuan for %i excellent alliances gives each %i', (budget, n, each) => {
    const ids = Array.from({ length: n }, (_, i) => `HFA-${i + 1}`);
    const awards = splitAwards(budget, ids, 200000);
    expect(Object.values(awards)).toEqual(ids.map(() => each));
    expect(Object.values(awards).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget);
  });

  it('gives nothing when no alliance is excellent', () => {
    expect(splitAwards(1_000_000, [], 200000)).toEqual({});
  });

  it('counts a repeated alliance once', () => {
    expect(splitAwards(300_000, ['HFA-1', 'HFA-1', 'HFA-2'], 200000)).toEqual({ 'HFA-1': 150000, 'HFA-2': 150000 });
  });

  it('uses the cap given (a revised rubric may change it)', () => {
    expect(splitAwards(1_000_000, ['a', 'b'], 300000)).toEqual({ a: 300000, b: 300000 });
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses a budget of %d', (budget) => {
    expect(() => splitAwards(budget, ['a'], 200000)).toThrow(RangeError);
  });

  it('refuses a cap that is not a whole number of yuan', () => {
    expect(() => splitAwards(100, ['a'], 1.5)).toThrow(RangeError);
  });
});
