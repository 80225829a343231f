import { describe, expect, it } from 'vitest';

import { dec } from '../../../shared/decimal/decimal.ts';
import { toJsonStatistic } from '../../../shared/decimal/print-score.ts';
import { icc21 } from '../../../shared/panel/icc.ts';

const rows = (table: readonly (readonly number[])[]) => table.map((row) => row.map((value) => dec(value)));

describe('icc21', () => {
  it.each([
    {
      name: "Shrout & Fleiss 1979's worked table (6 targets × 4 judges)",
      table: [
        [9, 2, 5, 8],
        [6, 1, 3, 2],
        [8, 4, 6, 8],
        [7, 1, 2, 6],
        [10, 5, 6, 9],
        [6, 2, 4, 7],
      ],
      icc: 0.29,
    },
    { name: 'judges who agree exactly on targets that differ', table: [[1, 1, 1], [5, 5, 5], [3, 3, 3], [9, 9, 9], [2, 2, 2]], icc: 1 },
    // A judge one point above the others throughout: absolute agreement counts the offset.
    { name: 'a constant offset of one judge lowers absolute agreement', table: [[1, 1, 2], [5, 5, 6], [3, 3, 4], [9, 9, 10], [2, 2, 3]], icc: 0.968 },
    { name: 'scores unrelated to the targets', table: [[1, 9, 5], [9, 1, 5], [5, 5, 5], [1, 9, 5], [9, 1, 5]], icc: -0.714 },
  ])('$name: ICC(2,1) = $icc', ({ table, icc }) => {
    const value = icc21(rows(table));
    expect(value).not.toBeNull();
    expect(toJsonStatistic(value ?? dec(0))).toBe(icc);
  });

  it('is undefined (null) when every score is the same', () => {
    expect(icc21(rows([[5, 5, 5], [5, 5, 5], [5, 5, 5]]))).toBeNull();
  });

  it('refuses a table with a gap or too small to compute', () => {
    expect(() => icc21(rows([[1, 2], [3]]))).toThrow(RangeError);
    expect(() => icc21(rows([[1, 2]]))).toThrow(RangeError);
  });
});
