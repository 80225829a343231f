import { describe, expect, it } from 'vitest';

import { dec } from '../../../shared/decimal/decimal.ts';
import { aggregate, aggregatePanel } from '../../../shared/panel/aggregate-panel.ts';
import type { PanelFlag } from '../../../shared/panel/types.ts';
import { hefei } from '../rubric/fixtures.ts';
import { recused, scoring, text, withTotals } from './panel-fixtures.ts';

const kinds = (flags: readonly PanelFlag[]) => flags.map((f) => f.kind);

describe('decision 9: the panel total', () => {
  it.each([
    ['mean', [88.5, 86, 87.5], '87.33', 'pass'],
    ['mean', [90, 90, 89.99], '90', 'excellent'], // 89.99666… rounds to 90.00: 优秀
    ['mean', [90, 89.99, 89.99], '89.99', 'pass'], // 89.99333…
    ['mean', [0.57, 0.58], '0.58', 'fail'], // exactly 0.575 rounds up
    ['mean', [60, 59.99, 59.99], '59.99', 'fail'],
    ['mean', [60, 60, 59.99], '60', 'pass'],
    ['mean', [100, 100, 100, 100, 0], '80', 'pass'],
    ['trimmed', [100, 100, 100, 100, 0], '100', 'excellent'], // 5 scored: drop 100 and 0
    ['trimmed', [95, 91, 90, 60, 59], '80.33', 'pass'],
    ['trimmed', [100, 100, 100, 0], '75', 'pass'], // 4 scored: mean, flagged
    ['trimmed', [80, 70, 60, 50, 40, 30], '55', 'fail'],
  ] as const)('%s of %o is %s, %s', (method, totals, total, grade) => {
    const panel = aggregatePanel(hefei, withTotals(totals), { method });
    expect(text(panel.total)).toBe(total);
    expect(panel.grade).toBe(grade);
  });

  it('sums an expert total from the indicator scores, exactly', () => {
    const panel = aggregatePanel(hefei, [scoring('E01', { I1: 0.1, I2: 0.2, I10: 8.1, B2: 7.9 })]);
    expect(text(panel.experts[0]?.total)).toBe('16.3');
    expect(text(panel.total)).toBe('16.3');
  });

  it('aggregates each indicator on its own, rounded to two decimals, for information', () => {
    const experts = [scoring('E01', { I1: 7, I4: 10 }), scoring('E02', { I1: 6, I4: 9 }), scoring('E03', { I1: 7, I4: 9.5 })];
    const panel = aggregatePanel(hefei, experts);
    expect(text(panel.indicators['I1'])).toBe('6.67');
    expect(text(panel.indicators['I4'])).toBe('9.5');
    expect(text(panel.indicators['B2'])).toBe('0');
    expect(Object.keys(panel.indicators)).toHaveLength(13);
    // The official total is the mean of the totals (17, 15, 16.5): 16.17, while the rounded
    // indicators (6.67 + 9.5) add up to 16.17 here only by chance; they are for information.
    expect(text(panel.total)).toBe('16.17');
  });

  it('trims each indicator on its own values with 5 experts', () => {
    const experts = [
      scoring('E01', { I1: 7, I2: 0 }),
      scoring('E02', { I1: 1, I2: 5 }),
      scoring('E03', { I1: 5, I2: 5 }),
      scoring('E04', { I1: 5, I2: 4 }),
      scoring('E05', { I1: 6, I2: 3 }),
    ];
    const panel = aggregatePanel(hefei, experts, { method: 'trimmed' });
    expect(panel.methodApplied).toBe('trimmed');
    expect(text(panel.indicators['I1'])).toBe('5.33'); // 5, 5, 6
    expect(text(panel.indicators['I2'])).toBe('4'); // 3, 4, 5
    expect(text(panel.total)).toBe('8.33'); // totals 7, 6, 10, 9, 9: drop 6 and 10, mean of 7, 9, 9
  });

  it('aggregate() refuses to trim fewer than 5 values and averages none', () => {
    expect(() => aggregate([dec(1), dec(2), dec(3), dec(4)], 'trimmed')).toThrow(RangeError);
    expect(() => aggregate([], 'mean')).toThrow(RangeError);
  });
});

describe('decision 10: recusal', () => {
  it('leaves recused experts out of the aggregate, with null scores', () => {
    const experts = [...withTotals([80, 90, 70]), recused('E09')];
    const panel = aggregatePanel(hefei, experts);
    expect(panel.scoringCount).toBe(3);
    expect(text(panel.total)).toBe('80');
    expect(panel.experts[3]).toMatchObject({ expertId: 'E09', recused: true, total: null, indicators: null });
    expect(panel.flags).toEqual([]);
  });

  it('counts only scoring experts for trimmed: 6 experts with 2 recused is a mean of 4', () => {
    const experts = [...withTotals([100, 90, 80, 10]), recused('E08'), recused('E09')];
    const panel = aggregatePanel(hefei, experts, { method: 'trimmed' });
    expect(panel.methodApplied).toBe('mean');
    expect(text(panel.total)).toBe('70');
    expect(kinds(panel.flags)).toContain('trimmed-not-applied');
  });

  it('gives no score when every expert recused, flagged quorum', () => {
    const panel = aggregatePanel(hefei, [recused('E01'), recused('E02')], { method: 'trimmed' });
    expect(panel.total).toBeNull();
    expect(panel.grade).toBeNull();
    expect(Object.values(panel.indicators).every((v) => v === null)).toBe(true);
    expect(panel.flags).toEqual([
      { kind: 'quorum', detail: '全部专家回避，没有评分' },
      { kind: 'trimmed-not-applied', detail: '评分专家 0 位，少于 5 位，未去掉最高分和最低分，按平均分计' },
    ]);
  });
});

describe('flags', () => {
  describe('quorum: fewer than 3 scoring experts', () => {
    it.each([
      [[80], [], true],
      [[80, 81], [], true],
      [[80, 81, 82], [], false],
      [[80, 81], ['E09'], true],
      [[80, 81, 82], ['E09'], false],
    ])('totals %o, recused %o: flagged %s', (totals, recusedIds, flagged) => {
      const panel = aggregatePanel(hefei, [...withTotals(totals), ...recusedIds.map((id) => recused(id))]);
      expect(kinds(panel.flags).includes('quorum')).toBe(flagged);
    });

    it('says how many scored', () => {
      expect(aggregatePanel(hefei, withTotals([80, 81])).flags).toEqual([{ kind: 'quorum', detail: '仅 2 位专家评分，少于 3 位' }]);
    });
  });

  describe('deviation: total vs the panel mean, strictly more than the threshold', () => {
    it.each([
      [[70, 85, 85], 10, []], // E01 is 10 below the mean of 80: not more than 10
      [[69.99, 85, 85], 10, [['E01', '总分偏离专家组平均 10.01 分']]], // mean 79.99666…, gap 10.00666…
      [[70, 85, 85], 9.99, [['E01', '总分偏离专家组平均 10 分']]],
      [[80, 80, 95], 10, []], // E03 is 10 above 85
      [[80, 80, 95.03], 10, [['E03', '总分偏离专家组平均 10.02 分']]],
      [[60, 90, 90, 90, 95], 10, [['E01', '总分偏离专家组平均 25 分']]],
      [[70, 75, 80], 5, []],
      // mean 74.99666…: E01 is 5.00666… away, E02 5.00333… (shown rounded up, never as "5")
      [[69.99, 80, 75], 5, [['E01', '总分偏离专家组平均 5.01 分'], ['E02', '总分偏离专家组平均 5.01 分']]],
      [[50, 100, 100, 100, 100, 100], 30, [['E01', '总分偏离专家组平均 41.67 分']]],
    ])('totals %o, threshold %d: %o', (totals, threshold, expected) => {
      const panel = aggregatePanel(hefei, withTotals(totals), { deviationThreshold: threshold });
      const flagged = panel.flags.filter((f) => f.kind === 'deviation').map((f) => [f.expert, f.detail]);
      expect(flagged).toEqual(expected);
    });

    it('measures from the plain mean even when trimmed', () => {
      // Trimmed total is 90 (drop 95 and 60); mean is 85. E01 (60) is 25 from the mean.
      const panel = aggregatePanel(hefei, withTotals([60, 90, 90, 90, 95]), { method: 'trimmed' });
      expect(text(panel.total)).toBe('90');
      expect(panel.flags).toEqual([{ kind: 'deviation', expert: 'E01', detail: '总分偏离专家组平均 25 分' }]);
    });

    it('defaults to 10 and refuses a negative or non-finite threshold', () => {
      expect(kinds(aggregatePanel(hefei, withTotals([70, 85, 85])).flags)).toEqual([]);
      expect(kinds(aggregatePanel(hefei, withTotals([69.9, 85, 85])).flags)).toEqual(['deviation']);
      expect(() => aggregatePanel(hefei, [], { deviationThreshold: -1 })).toThrow(RangeError);
      expect(() => aggregatePanel(hefei, [], { deviationThreshold: Number.NaN })).toThrow(RangeError);
    });
  });

  describe('spread: range of an indicator wider than half its cap, strictly', () => {
    it.each([
      ['I1', 7, [7, 3.5, 5], false], // range 3.5 = half of 7
      ['I1', 7, [7, 3.49, 5], true],
      ['I4', 10, [10, 5, 5], false],
      ['I4', 10, [10, 4.9, 5], true],
      ['I11', 8, [8, 4, 6], false],
      ['I11', 8, [8, 3.99, 6], true],
    ] as const)('%s (cap %i) scored %o: flagged %s', (indicatorId, _cap, values, flagged) => {
      const experts = values.map((v, i) => scoring(`E0${i + 1}`, { [indicatorId]: v, B1: 80 }));
      const flags = aggregatePanel(hefei, experts).flags.filter((f) => f.kind === 'spread');
      expect(flags.map((f) => f.indicator)).toEqual(flagged ? [indicatorId] : []);
    });

    it('describes the spread for the chair', () => {
      const experts = [scoring('E01', { I4: 10, B1: 80 }), scoring('E02', { I4: 4, B1: 80 }), scoring('E03', { I4: 8, B1: 80 })];
      expect(aggregatePanel(hefei, experts).flags).toEqual([
        { kind: 'spread', indicator: 'I4', detail: 'I4 成果转化 专家评分相差 6 分，超过该项满分 10 分的一半' },
      ]);
    });

    it('never flags the uncapped bonus indicators, and ignores recused experts', () => {
      const experts = [scoring('E01', { B1: 0 }), scoring('E02', { B1: 50 }), scoring('E03', { B1: 25, I4: 0 }), recused('E04')];
      expect(kinds(aggregatePanel(hefei, experts, { deviationThreshold: 100 }).flags)).toEqual([]);
    });
  });

  describe('trimmed-not-applied', () => {
    it.each([
      ['trimmed', 4, true],
      ['trimmed', 5, false],
      ['mean', 4, false],
      ['mean', 2, false],
    ] as const)('%s with %i scoring experts: flagged %s', (method, count, flagged) => {
      const panel = aggregatePanel(hefei, withTotals(Array.from({ length: count }, () => 80)), { method });
      expect(kinds(panel.flags).includes('trimmed-not-applied')).toBe(flagged);
      expect(panel.methodApplied).toBe(method === 'trimmed' && count >= 5 ? 'trimmed' : 'mean');
    });

    it('says why', () => {
      const panel = aggregatePanel(hefei, withTotals([80, 80, 80, 80]), { method: 'trimmed' });
      expect(panel.flags).toEqual([
        { kind: 'trimmed-not-applied', detail: '评分专家 4 位，少于 5 位，未去掉最高分和最低分，按平均分计' },
      ]);
    });
  });

  describe('override', () => {
    it('flags every override of a scoring expert with its reason', () => {
      const experts = [
        scoring('E01', { I10: 8, B1: 80 }, { I2: { score: 3, reason: '仅有年度计划，缺半年总结', computed: 5 } }),
        scoring('E02', { I10: 8, I2: 5, B1: 80 }),
        scoring('E03', { I2: 5, B1: 80 }, { I10: { score: 6.5, reason: '报告数据陈旧', computed: 8 } }),
      ];
      expect(aggregatePanel(hefei, experts).flags).toEqual([
        { kind: 'override', expert: 'E01', indicator: 'I2', detail: 'I2 年度计划与总结 改判为 3 分（计算得分 5 分），理由：仅有年度计划，缺半年总结' },
        { kind: 'override', expert: 'E03', indicator: 'I10', detail: 'I10 白皮书或研究报告 改判为 6.5 分（计算得分 8 分），理由：报告数据陈旧' },
      ]);
    });

    it('uses the overridden score in the aggregate', () => {
      const experts = [
        scoring('E01', { B1: 80 }, { I2: { score: 2, reason: '理由', computed: 5 } }),
        scoring('E02', { I2: 5, B1: 80 }),
        scoring('E03', { I2: 5, B1: 80 }),
      ];
      const panel = aggregatePanel(hefei, experts);
      expect(text(panel.indicators['I2'])).toBe('4');
      expect(text(panel.total)).toBe('84');
    });

    it('does not flag a panel without overrides', () => {
      expect(aggregatePanel(hefei, withTotals([80, 80, 80])).flags).toEqual([]);
    });
  });

  it('orders flags quorum, trimmed-not-applied, deviation, spread, override', () => {
    const experts = [
      scoring('E01', { I4: 10, B1: 80 }, { I2: { score: 1, reason: '理由', computed: 5 } }),
      scoring('E02', { I4: 0, B1: 50 }),
    ];
    expect(kinds(aggregatePanel(hefei, experts, { method: 'trimmed' }).flags)).toEqual([
      'quorum',
      'trimmed-not-applied',
      'deviation',
      'deviation',
      'spread',
      'override',
    ]);
  });
});
