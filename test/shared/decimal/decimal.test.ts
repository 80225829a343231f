import { describe, expect, it } from 'vitest';

import {
  dec,
  decimalPlacesOf,
  divideHalfUp,
  divideUp,
  meanHalfUp,
  minOf,
  roundHalfUp,
  sumOf,
} from '../../../shared/decimal/decimal.ts';

const s = (values: readonly (number | string)[]) => values.map((v) => dec(v));

describe('exact decimals (decision 8)', () => {
  it('adds 0.1 and 0.2 to exactly 0.3, where JS numbers give 0.30000000000000004', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumOf(s([0.1, 0.2])).toFixed()).toBe('0.3');
    expect(sumOf(s([0.1, 0.2])).equals(dec('0.3'))).toBe(true);
  });

  it('reads a JS number from its shortest printed form', () => {
    expect(dec(0.1).toFixed()).toBe('0.1');
    expect(dec(2.5).toFixed()).toBe('2.5');
    expect(dec(87.33).toFixed()).toBe('87.33');
  });

  it('refuses a number that is not finite', () => {
    expect(() => dec(Number.NaN)).toThrow(RangeError);
    expect(() => dec(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('sums nothing to 0 and many tenths exactly', () => {
    expect(sumOf([]).toFixed()).toBe('0');
    expect(sumOf(s(Array.from({ length: 1000 }, () => 0.1))).toFixed()).toBe('100');
  });

  it('picks the smaller of two', () => {
    expect(minOf(dec(12), dec(10)).toFixed()).toBe('10');
    expect(minOf(dec(3), dec(10)).toFixed()).toBe('3');
  });
});

describe('roundHalfUp', () => {
  it.each([
    ['0.575', 2, '0.58'],
    ['0.565', 2, '0.57'],
    ['0.5749', 2, '0.57'],
    ['1.005', 2, '1.01'], // Math.round(1.005 * 100) / 100 gives 1 in floating point
    ['89.995', 2, '90'],
    ['89.9949', 2, '89.99'],
    ['2.25', 1, '2.3'],
    ['7', 2, '7'],
  ])('%s to %i places is %s', (value, places, expected) => {
    expect(roundHalfUp(dec(value), places).toFixed()).toBe(expected);
  });
});

describe('divideHalfUp and meanHalfUp (decision 9)', () => {
  it.each([
    ['262', 3, '87.33'],
    ['262.01', 3, '87.34'], // 87.33666…
    ['1.725', 3, '0.58'], // exactly 0.575
    ['1.7249', 3, '0.57'],
    ['269.985', 3, '90'], // exactly 89.995
    ['269.984', 3, '89.99'], // 89.99466…
    ['100', 7, '14.29'],
    ['0', 4, '0'],
    ['-1.725', 3, '-0.58'],
  ])('%s / %i is %s', (numerator, divisor, expected) => {
    expect(divideHalfUp(dec(numerator), divisor, 2).toFixed()).toBe(expected);
  });

  it('gives a mean of exactly 0.575 as 0.58, never 0.57', () => {
    expect(meanHalfUp(s([0.57, 0.58])).toFixed()).toBe('0.58');
    expect(meanHalfUp(s([0.5, 0.6, 0.625])).toFixed()).toBe('0.58');
    // The same mean in floating point lands below the tie and rounds the wrong way.
    expect(Math.round(((0.57 + 0.58) / 2) * 100) / 100).toBe(0.57);
  });

  it('refuses a mean of nothing and a divisor that is not a positive whole number', () => {
    expect(() => meanHalfUp([])).toThrow(RangeError);
    expect(() => divideHalfUp(dec(1), 0)).toThrow(RangeError);
    expect(() => divideHalfUp(dec(1), 1.5)).toThrow(RangeError);
  });
});

describe('decimalPlacesOf', () => {
  it.each([
    [2, 0],
    [2.5, 1],
    [0.05, 2],
    [1e-7, 7],
    [87.33, 2],
  ])('%d has %i decimal places', (value, places) => {
    expect(decimalPlacesOf(value)).toBe(places);
  });
});

describe('divideUp', () => {
  it.each([
    ['30.02', 3, '10.01'], // 10.00666…
    ['15.01', 3, '5.01'], // 5.00333…
    ['30', 3, '10'],
    ['0', 3, '0'],
    ['-15.01', 3, '-5.01'],
  ])('%s / %i rounds up to %s', (numerator, divisor, expected) => {
    expect(divideUp(dec(numerator), divisor, 2).toFixed()).toBe(expected);
  });
});
