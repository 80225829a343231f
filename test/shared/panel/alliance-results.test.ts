import { describe, expect, it } from 'vitest';

import { buildAllianceResults } from '../../../shared/panel/alliance-results.ts';
import type { PanelExpert } from '../../../shared/panel/types.ts';
import { scoreReview } from '../../../shared/rubric/score-review.ts';
import type { Claims, Overrides } from '../../../shared/rubric/types.ts';
import { acceptAll, flagClaim, hefei, workedExample } from '../rubric/fixtures.ts';
import { fingerprintOf, recused, withTotals } from './panel-fixtures.ts';

function expertReview(expertId: string, claims: Claims, judged: Record<string, number>, overrides?: Overrides): PanelExpert {
  const score = scoreReview(hefei, claims, { decisions: acceptAll(claims, judged), overrides });
  if (!score.complete || !score.valid) throw new Error('fixture review must be complete and valid');
  return { expertId, fingerprint: fingerprintOf(expertId), recused: false, score };
}

const workedAlliance = {
  allianceId: 'HFA-012',
  name: '合肥市智能语音产业技术创新战略联盟',
  packageDigest: 'a'.repeat(64),
  claims: workedExample.claims,
  experts: [
    expertReview('E01', workedExample.claims, workedExample.judged),
    expertReview('E02', workedExample.claims, workedExample.judged, { I2: { score: 3, reason: '仅有年度计划，缺半年总结' } }),
    expertReview('E03', workedExample.claims, { ...workedExample.judged, 'I10.outcomes': 0.5 }),
    recused('E04'),
  ],
};

describe('buildAllianceResults', () => {
  it('gives the result-file entry of an alliance, computed from the reviews', () => {
    const [result] = buildAllianceResults(hefei, [workedAlliance]);
    expect(result).toEqual({
      allianceId: 'HFA-012',
      name: '合肥市智能语音产业技术创新战略联盟',
      packageDigest: 'a'.repeat(64),
      selfTotal: 90.5,
      experts: [
        { id: 'E01', fingerprint: 'e010 0000 0000 0000', recused: false, total: 90.5, indicators: expect.objectContaining({ I2: 5, I10: 8, B2: 8.5 }) },
        { id: 'E02', fingerprint: 'e020 0000 0000 0000', recused: false, total: 88.5, indicators: expect.objectContaining({ I2: 3 }) },
        { id: 'E03', fingerprint: 'e030 0000 0000 0000', recused: false, total: 89.5, indicators: expect.objectContaining({ I10: 7 }) },
        { id: 'E04', fingerprint: 'e040 0000 0000 0000', recused: true, total: null, indicators: null },
      ],
      indicators: { I1: 7, I2: 4.33, I3: 10, I4: 10, I5: 5, I6: 10, I7: 6, I8: 7, I9: 7, I10: 7.67, I11: 7, B1: 0, B2: 8.5 },
      total: 89.5,
      grade: 'pass',
      consequence: null,
      award: null,
      flags: [
        { kind: 'override', expert: 'E02', indicator: 'I2', detail: 'I2 年度计划与总结 改判为 3 分（计算得分 5 分），理由：仅有年度计划，缺半年总结' },
      ],
    });
  });

  it('prints every number exactly in JSON', () => {
    const [result] = buildAllianceResults(hefei, [{ ...workedAlliance, experts: withTotals([88.5, 86, 87.5]) }]);
    const json = JSON.stringify(result);
    expect(json).toContain('"total":87.33');
    expect(json).not.toMatch(/\d\.\d{3,}/);
  });

  it('awards excellent alliances from the budget and sets consequences with last year', () => {
    const alliances = [
      { ...workedAlliance, allianceId: 'A', experts: withTotals([95, 92, 90]) },
      { ...workedAlliance, allianceId: 'B', experts: withTotals([90, 90, 90]) },
      { ...workedAlliance, allianceId: 'C', experts: withTotals([75, 80, 85]) },
      { ...workedAlliance, allianceId: 'D', experts: withTotals([50, 55, 59.99]) },
      { ...workedAlliance, allianceId: 'E', experts: withTotals([40, 40, 40]) },
      { ...workedAlliance, allianceId: 'F', experts: [recused('E01'), recused('E02'), recused('E03')] },
    ];
    const results = buildAllianceResults(hefei, alliances, {
      budgetYuan: 350_001,
      previousGrades: { D: 'pass', E: 'fail', F: 'fail' },
    });
    expect(results.map((r) => [r.allianceId, r.total, r.grade, r.consequence, r.award])).toEqual([
      ['A', 92.33, 'excellent', 'award', 175000],
      ['B', 90, 'excellent', 'award', 175000],
      ['C', 80, 'pass', null, null],
      ['D', 55, 'fail', 'rectify', null], // 54.99666… prints 55.00 but is still below 60
      ['E', 40, 'fail', 'disqualify', null],
      ['F', null, null, null, null],
    ]);
    const f = results[5];
    expect(f?.indicators['I1']).toBeNull();
    expect(f?.flags.map((flag) => flag.kind)).toEqual(['quorum']);
  });

  it('leaves awards null without a budget, while the consequence is still award', () => {
    const [result] = buildAllianceResults(hefei, [{ ...workedAlliance, experts: withTotals([95, 95, 95]) }]);
    expect(result?.consequence).toBe('award');
    expect(result?.award).toBeNull();
  });

  it('caps each award at the rubric award cap', () => {
    const [result] = buildAllianceResults(hefei, [{ ...workedAlliance, experts: withTotals([95, 95, 95]) }], { budgetYuan: 5_000_000 });
    expect(result?.award).toBe(200000);
  });

  it('uses the method and threshold given', () => {
    const experts = withTotals([100, 100, 100, 100, 0]);
    const [mean] = buildAllianceResults(hefei, [{ ...workedAlliance, experts }], { method: 'mean' });
    const [trimmed] = buildAllianceResults(hefei, [{ ...workedAlliance, experts }], { method: 'trimmed', deviationThreshold: 90 });
    expect(mean?.total).toBe(80);
    // Every expert is 20 or 80 from the mean of 80.
    expect(mean?.flags.map((f) => f.expert)).toEqual(['E01', 'E02', 'E03', 'E04', 'E05']);
    expect(trimmed?.total).toBe(100);
    expect(trimmed?.flags).toEqual([]);
  });

  it('takes selfTotal from the claims', () => {
    const [result] = buildAllianceResults(hefei, [{ ...workedAlliance, claims: { 'I1.office': flagClaim() }, experts: withTotals([1, 1, 1]) }]);
    expect(result?.selfTotal).toBe(2);
  });
});
