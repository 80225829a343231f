import { describe, expect, it } from 'vitest';
import { allianceTotalsChart, gradeDistribution, indicatorChart } from '../../../shared/charts/panel-chart-data.ts';
import type { AllianceResult } from '../../../shared/panel/types.ts';
import { awardRuleText } from '../../../shared/result/award-rule.ts';
import { flagKey } from '../../../shared/result/flag-key.ts';
import { publicityList } from '../../../shared/result/publicity-list.ts';
import type { ResultFile } from '../../../shared/result/result-schema.ts';
import { hefei } from '../rubric/fixtures.ts';

const zeros = Object.fromEntries(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10', 'I11', 'B1', 'B2'].map((id) => [id, 0]));

function alliance(id: string, totals: readonly (number | null)[], changes: Partial<AllianceResult> = {}): AllianceResult {
  return {
    allianceId: id,
    name: `${id} 联盟`,
    packageDigest: 'a'.repeat(64),
    selfTotal: 90,
    experts: totals.map((total, i) => ({
      id: `E0${i + 1}`,
      fingerprint: 'paper',
      recused: total === null,
      total,
      indicators: total === null ? null : { ...zeros, I2: i === 0 ? 5 : 2, B2: i === 0 ? 12 : 1 },
    })),
    indicators: { ...zeros, I2: 3, B2: 4.67 },
    total: null,
    grade: null,
    consequence: null,
    award: null,
    flags: [],
    ...changes,
  };
}

describe('alliance totals chart', () => {
  it('has each expert’s total, the exact mean, the band within the threshold, and the grade lines of the rubric', () => {
    const chart = allianceTotalsChart(hefei, alliance('HFA-1', [88.5, null, 90.5, 91], { total: 90, flags: [{ kind: 'deviation', expert: 'E03', detail: '…' }] }), 10);
    expect(chart.experts.map((e) => [e.expertId, e.total, e.recused, e.deviates])).toEqual([
      ['E01', 88.5, false, false],
      ['E02', null, true, false],
      ['E03', 90.5, false, true],
      ['E04', 91, false, false],
    ]);
    expect(chart.mean).toBe(90);
    expect(chart.total).toBe(90);
    expect(chart.band).toEqual({ low: 80, high: 100 });
    expect(chart.gradeLines.map((l) => [l.grade, l.value, l.label])).toEqual([
      ['excellent', 90, '优秀 90'],
      ['pass', 60, '合格 60'],
    ]);
    expect(chart.axisMax).toBe(100);
  });

  it.each([
    ['a mean of exactly 0.575 rounds half-up', [0.57, 0.58], 0.58, 100],
    ['bonus points past 100 widen the axis to the next ten', [104.5, 100], 102.25, 120],
  ])('%s', (_label, totals, mean, axisMax) => {
    const chart = allianceTotalsChart(hefei, alliance('HFA-1', totals), 10);
    expect(chart.mean).toBe(mean);
    expect(chart.axisMax).toBe(axisMax);
  });

  it('has no mean and no band when every expert recused', () => {
    const chart = allianceTotalsChart(hefei, alliance('HFA-1', [null, null]), 10);
    expect(chart.mean).toBeNull();
    expect(chart.band).toBeNull();
  });
});

describe('indicator chart', () => {
  it('draws each indicator against its cap with the lowest and highest expert score; bonus against its largest value', () => {
    const chart = indicatorChart(hefei, alliance('HFA-1', [80, 70, null], { flags: [{ kind: 'spread', indicator: 'I2', detail: '…' }] }));
    expect(chart.bars.map((b) => b.indicatorId)).toEqual(Object.keys(zeros));
    expect(chart.bars.find((b) => b.indicatorId === 'I2')).toMatchObject({ cap: 5, panel: 3, low: 2, high: 5, spread: true, scaleMax: 5 });
    expect(chart.bars.find((b) => b.indicatorId === 'B2')).toMatchObject({ cap: null, panel: 4.67, low: 1, high: 12, spread: false, scaleMax: 12 });
  });
});

describe('grade distribution, publicity list, award rule, flag key', () => {
  const result: ResultFile = {
    format: 'alliance-review/result',
    version: 1,
    year: 2026,
    rubric: 'hefei-2017',
    method: 'mean',
    alliances: [
      alliance('HFA-3', [], { total: 92, grade: 'excellent', award: 200000 }),
      alliance('HFA-1', [], { total: 92, grade: 'excellent', award: 200000 }),
      alliance('HFA-2', [], { total: 95.5, grade: 'excellent', award: 200000 }),
      alliance('HFA-4', [], { total: 70, grade: 'pass' }),
      alliance('HFA-5', [], { total: null, grade: null }),
    ],
  };

  it('counts the grades, showing alliances without a score only when there are some', () => {
    expect(gradeDistribution(result).counts.map((c) => [c.label, c.count])).toEqual([
      ['优秀', 3],
      ['合格', 1],
      ['不合格', 0],
      ['无评分', 1],
    ]);
    expect(gradeDistribution({ ...result, alliances: result.alliances.slice(0, 4) }).counts).toHaveLength(3);
  });

  it('lists the excellent alliances, highest total first, ties by id', () => {
    expect(publicityList(result).map((p) => [p.rank, p.allianceId, p.total])).toEqual([
      [1, 'HFA-2', 95.5],
      [2, 'HFA-1', 92],
      [3, 'HFA-3', 92],
    ]);
  });

  it.each([
    [1000000, 3, '1,000,000 元 ÷ 3 家 = 333,333 元（取整到元），超过每家上限 200,000 元，按上限发放；每家奖励 200,000 元，合计 600,000 元'],
    [500000, 3, '500,000 元 ÷ 3 家 = 166,666 元（取整到元），不超过每家上限 200,000 元；每家奖励 166,666 元，合计 499,998 元'],
  ])('says how a budget of %d is split among %d', (budget, n, words) => {
    expect(awardRuleText(budget, n, 200000)).toContain(words);
  });

  it('says there is no award without excellent alliances', () => {
    expect(awardRuleText(1000000, 0, 200000)).toBe('奖励预算 1,000,000 元；没有优秀联盟，不发放奖励。');
  });

  it('identifies a flag by everything it says, so a changed number is a new flag', () => {
    const flag = { kind: 'deviation' as const, expert: 'E05', detail: '总分偏离专家组平均 10.4 分' };
    expect(flagKey('HFA-2', flag)).toBe(flagKey('HFA-2', { ...flag }));
    expect(flagKey('HFA-2', flag)).not.toBe(flagKey('HFA-2', { ...flag, detail: '总分偏离专家组平均 12 分' }));
    expect(flagKey('HFA-2', flag)).not.toBe(flagKey('HFA-3', flag));
  });
});
