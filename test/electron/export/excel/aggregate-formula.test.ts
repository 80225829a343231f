import { describe, expect, it } from 'vitest';

import { aggregateFormula } from '../../../../electron/export/excel/aggregate-formula.ts';
import { columnLetter } from '../../../../electron/export/excel/sheet-style.ts';

describe('aggregateFormula', () => {
  it('is the rounded mean, or TRIMMEAN of one highest and one lowest from 5 numbers on', () => {
    expect(aggregateFormula('mean', 'G2:K2')).toBe('ROUND(AVERAGE(G2:K2),2)');
    expect(aggregateFormula('trimmed', 'G2:K2')).toBe('IF(COUNT(G2:K2)>=5,ROUND(TRIMMEAN(G2:K2,2/COUNT(G2:K2)),2),ROUND(AVERAGE(G2:K2),2))');
  });
});

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [703, 'AAA'],
  ])('%i → %s', (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });
});
