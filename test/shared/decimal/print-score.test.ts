import { describe, expect, it } from 'vitest';

import { dec, divideHalfUp, sumOf } from '../../../shared/decimal/decimal.ts';
import { formatScore, toJsonNumber } from '../../../shared/decimal/print-score.ts';

describe('toJsonNumber', () => {
  it('prints a mean of 262/3 as 87.33 in JSON', () => {
    const mean = divideHalfUp(dec(262), 3, 2);
    expect(JSON.stringify({ total: toJsonNumber(mean) })).toBe('{"total":87.33}');
    // The floating point way of computing it does not print cleanly.
    expect(JSON.stringify(262 / 3)).not.toBe('87.33');
  });

  it.each([
    ['0.3', '0.3'],
    ['90', '90'],
    ['90.50', '90.5'],
    ['87.333333', '87.33'],
    ['0.575', '0.58'],
    ['100.005', '100.01'],
    ['-0.001', '0'],
    ['1234567.89', '1234567.89'],
  ])('%s prints as %s', (value, printed) => {
    expect(JSON.stringify(toJsonNumber(dec(value)))).toBe(printed);
  });

  it('prints 0.1 + 0.2 as 0.3', () => {
    expect(JSON.stringify(toJsonNumber(sumOf([dec(0.1), dec(0.2)])))).toBe('0.3');
  });

  it('refuses a number too large to print exactly', () => {
    expect(() => toJsonNumber(dec('123456789012345.6'))).toThrow(RangeError);
  });
});

describe('formatScore', () => {
  it.each([
    ['90', {}, '90'],
    ['90', { fixed: true }, '90.00'],
    ['90.5', {}, '90.5'],
    ['90.5', { fixed: true }, '90.50'],
    ['87.3333', {}, '87.33'],
    ['0.575', {}, '0.58'],
    ['12.25', { places: 1 }, '12.3'],
    ['-0.001', {}, '0'],
    ['-0.001', { fixed: true }, '0.00'],
  ] as const)('%s with %o shows %s', (value, options, shown) => {
    expect(formatScore(dec(value), options)).toBe(shown);
  });
});
