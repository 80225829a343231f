import { describe, expect, it } from 'vitest';

import { consequenceOf } from '../../../shared/panel/consequence.ts';

describe('decision 12: consequences', () => {
  it.each([
    ['excellent', null, 'award'],
    ['excellent', 'fail', 'award'],
    ['pass', null, null],
    ['pass', 'fail', null],
    ['fail', null, 'rectify'],
    ['fail', 'pass', 'rectify'],
    ['fail', 'excellent', 'rectify'],
    ['fail', 'fail', 'disqualify'], // 连续两年不合格
    [null, 'fail', null], // nobody scored: no grade, no consequence
  ] as const)('grade %s after %s last year → %s', (grade, previous, consequence) => {
    expect(consequenceOf(grade, previous)).toBe(consequence);
  });
});
