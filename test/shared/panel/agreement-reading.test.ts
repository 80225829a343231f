import { describe, expect, it } from 'vitest';

import { agreementReading, leniencyText, statisticText } from '../../../shared/panel/agreement-reading.ts';

const sample = { alliances: 5, experts: 3 };

describe('agreementReading', () => {
  it.each([
    { statistic: 'icc' as const, value: 0.75, text: '一致性好' },
    { statistic: 'icc' as const, value: 0.749, text: '一般' },
    { statistic: 'icc' as const, value: 0.5, text: '一般' },
    { statistic: 'icc' as const, value: 0.499, text: '差' },
    { statistic: 'icc' as const, value: -0.2, text: '差' },
    { statistic: 'alpha' as const, value: 0.8, text: '一致性好' },
    { statistic: 'alpha' as const, value: 0.799, text: '一般' },
    { statistic: 'alpha' as const, value: 0.667, text: '一般' },
    { statistic: 'alpha' as const, value: 0.666, text: '差' },
  ])('$statistic $value reads $text', ({ statistic, value, text }) => {
    const agreement = { icc: null, alpha: null, ...sample, [statistic]: value };
    expect(agreementReading(statistic, agreement).text).toBe(text);
  });

  it.each([
    { statistic: 'icc' as const, alliances: 4, experts: 3, text: '样本太少' },
    { statistic: 'alpha' as const, alliances: 5, experts: 2, text: '样本太少' },
    { statistic: 'icc' as const, alliances: 5, experts: 3, text: '得分全部相同，无从计算' },
    { statistic: 'alpha' as const, alliances: 9, experts: 4, text: '认定全部相同或无认定项，无从计算' },
  ])('null with $alliances alliances and $experts experts reads $text', ({ statistic, alliances, experts, text }) => {
    expect(agreementReading(statistic, { icc: null, alpha: null, alliances, experts }).text).toBe(text);
  });

  it('prints statistics with three decimals and leniency with its sign', () => {
    expect([statisticText(0.29), statisticText(null), statisticText(-0.714)]).toEqual(['0.290', '—', '-0.714']);
    expect([leniencyText(1.25), leniencyText(-0.4), leniencyText(0), leniencyText(null)]).toEqual(['+1.250', '−0.400', '0.000', '—']);
  });
});
