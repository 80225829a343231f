import { describe, expect, it } from 'vitest';
import { showValue } from '../../../shared/package/schema-problems.ts';

describe('showValue', () => {
  it('shows NaN and Infinity as themselves, not as null', () => {
    expect(showValue(Infinity)).toBe('Infinity（无穷大）');
    expect(showValue(-Infinity)).toBe('-Infinity（无穷大）');
    expect(showValue(NaN)).toBe('NaN（不是一个数）');
    expect(showValue(null)).toBe('null');
    expect(showValue(2.5)).toBe('2.5');
  });
});
