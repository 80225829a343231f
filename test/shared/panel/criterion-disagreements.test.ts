import { describe, expect, it } from 'vitest';

import { dec } from '../../../shared/decimal/decimal.ts';
import type { AllianceInput } from '../../../shared/panel/alliance-results.ts';
import { objectiveDisagreements, subjectiveOutliers } from '../../../shared/panel/criterion-disagreements.ts';
import type { PanelExpert } from '../../../shared/panel/types.ts';
import type { Claims, Decisions, Rubric } from '../../../shared/rubric/types.ts';
import { flagClaim, hefei, listClaim, madeUp } from '../rubric/fixtures.ts';
import { recused, scoring } from './panel-fixtures.ts';

function expert(id: string, decisions: Decisions): PanelExpert {
  return { ...(scoring(id, {}) as Extract<PanelExpert, { recused: false }>), decisions };
}

function alliance(experts: readonly PanelExpert[], claims: Claims = {}, allianceId = 'HFA-001'): AllianceInput {
  return { allianceId, name: '联盟', packageDigest: 'a'.repeat(64), claims, experts };
}

/** Experts E01… giving I10.status these values (everything else undecided). */
function status(values: readonly number[]): AllianceInput {
  return alliance(values.map((value, i) => expert(`E0${i + 1}`, { 'I10.status': { value } })));
}

const text = (outliers: ReturnType<typeof subjectiveOutliers>) =>
  outliers.map((o) => `${o.expertId} ${o.score.toFixed()} vs ${o.othersMean.toFixed()} (${o.distance.toFixed()} > ${o.limit.toFixed()}) ${o.direction}`);

describe('subjectiveOutliers', () => {
  it.each([
    // I10 parts: cap 2.5 × 0.3 = 0.75.
    { name: 'exactly 0.75 above the others’ mean is not outlying', values: [2.5, 1.7, 1.8], found: [] },
    { name: 'exactly 0.75 below is not outlying either', values: [1.0, 1.7, 1.8], found: [] },
    { name: '0.76 above is', values: [2.5, 1.7, 1.7, 1.7, 1.8, 1.8], found: ['E01 2.5 vs 1.74 (0.76 > 0.75) high'] },
    { name: '0.76 below is', values: [0.9, 1.7, 1.7, 1.7, 1.7, 1.5], found: ['E01 0.9 vs 1.66 (0.76 > 0.75) low'] },
    { name: '0.8 below is, marked low', values: [0.9, 1.7, 1.7], found: ['E01 0.9 vs 1.7 (0.8 > 0.75) low'] },
    {
      // Each expert against the OTHERS: E01 2.5 vs mean(0, 0) = 0; E02 0 vs mean(2.5, 0) = 1.25; E03 the same.
      name: 'every expert is compared with the others, not with a mean that includes them',
      values: [2.5, 0, 0],
      found: ['E01 2.5 vs 0 (2.5 > 0.75) high', 'E02 0 vs 1.25 (1.25 > 0.75) low', 'E03 0 vs 1.25 (1.25 > 0.75) low'],
    },
    { name: 'a repeating mean: 2 vs mean(1.2, 1.3, 1.3) = 1.2666…, 0.7333… away', values: [2, 1.2, 1.3, 1.3], found: [] },
    { name: 'a single scoring expert has nobody to compare with', values: [2.5], found: [] },
  ])('$name', ({ values, found }) => {
    expect(text(subjectiveOutliers(hefei, [status(values)]))).toEqual(found);
  });

  it('uses the meeting’s share when it sets one, of each criterion’s own cap', () => {
    // Share 0.2 of 2.5 = 0.5: 2.5 vs 1.9 (0.6) is outlying; 2.4 vs 1.9 (exactly 0.5) is not.
    expect(text(subjectiveOutliers(hefei, [status([2.5, 1.9, 1.9])], '0.2'))).toEqual(['E01 2.5 vs 1.9 (0.6 > 0.5) high']);
    expect(text(subjectiveOutliers(hefei, [status([2.4, 1.9, 1.9])], dec('0.2')))).toEqual([]);
    // The made-up rubric's K2.report has cap 5: 0.3 × 5 = 1.5.
    const report = (values: number[]) => alliance(values.map((value, i) => expert(`E0${i + 1}`, { 'K2.report': { value } })));
    expect(text(subjectiveOutliers(madeUp, [report([5, 3.5, 3.5])]))).toEqual([]);
    expect(text(subjectiveOutliers(madeUp, [report([5, 3.4, 3.5])]))).toEqual(['E01 5 vs 3.45 (1.55 > 1.5) high']);
  });

  it('leaves recused experts out of both sides', () => {
    const input = alliance([expert('E01', { 'I10.status': { value: 2.5 } }), recused('E02'), expert('E03', { 'I10.status': { value: 1.7 } })]);
    expect(text(subjectiveOutliers(hefei, [input]))).toEqual(['E01 2.5 vs 1.7 (0.8 > 0.75) high', 'E03 1.7 vs 2.5 (0.8 > 0.75) low']);
  });

  it('never looks at objective criteria', () => {
    const objectiveI10: Rubric = {
      ...hefei,
      groups: hefei.groups.map((g) => ({ ...g, indicators: g.indicators.map((i) => ({ ...i, criteria: i.criteria.map((c) => ({ ...c, nature: 'objective' as const })) })) })),
    };
    expect(subjectiveOutliers(objectiveI10, [status([2.5, 0, 0])])).toEqual([]);
  });
});

describe('objectiveDisagreements', () => {
  const claims: Claims = { 'I1.office': flagClaim(), 'I1.council': flagClaim(false), 'I4.techContracts': listClaim('tc', 3) };

  it('lists each claimed flag and item the scoring experts decided differently, with every decision and reason', () => {
    const input = alliance(
      [
        expert('E01', { 'I1.office': { accept: true }, 'I4.techContracts': { accepted: ['tc-1', 'tc-2'], rejected: { 'tc-3': '合同未登记' } } }),
        expert('E02', { 'I1.office': { accept: false, reason: '未见专职人员' }, 'I4.techContracts': { accepted: ['tc-1', 'tc-2', 'tc-3'], rejected: {} } }),
        recused('E03'),
        expert('E04', { 'I1.office': { accept: true }, 'I4.techContracts': { accepted: ['tc-1', 'tc-2'], rejected: { 'tc-3': '金额不符' } } }),
      ],
      claims,
    );
    expect(objectiveDisagreements(hefei, [input])).toEqual([
      {
        allianceId: 'HFA-001',
        criterionId: 'I1.office',
        itemId: null,
        decisions: [
          { expertId: 'E01', decision: 'accept', reason: null },
          { expertId: 'E02', decision: 'reject', reason: '未见专职人员' },
          { expertId: 'E04', decision: 'accept', reason: null },
        ],
      },
      {
        allianceId: 'HFA-001',
        criterionId: 'I4.techContracts',
        itemId: 'tc-3',
        decisions: [
          { expertId: 'E01', decision: 'reject', reason: '合同未登记' },
          { expertId: 'E02', decision: 'accept', reason: null },
          { expertId: 'E04', decision: 'reject', reason: '金额不符' },
        ],
      },
    ]);
  });

  it.each([
    {
      name: 'all accept: no disagreement',
      decisions: [{ 'I1.office': { accept: true } }, { 'I1.office': { accept: true } }],
      found: [],
    },
    {
      // Rejected by both, for different reasons: the same decision, so nothing to settle.
      name: 'all reject, with different reasons: no disagreement',
      decisions: [{ 'I1.office': { accept: false, reason: '甲' } }, { 'I1.office': { accept: false, reason: '乙' } }],
      found: [],
    },
    {
      name: 'one expert with no decision on a claimed flag',
      decisions: [{ 'I1.office': { accept: true } }, {}],
      found: ['I1.office accept|none'],
    },
    {
      name: 'a flag not claimed is never listed, whatever was decided',
      decisions: [{ 'I1.council': { accept: true } }, { 'I1.council': { accept: false, reason: '未召开' } }],
      found: [],
    },
  ] as const)('$name', ({ decisions, found }) => {
    const input = alliance(decisions.map((d, i) => expert(`E0${i + 1}`, d as Decisions)), { 'I1.office': flagClaim(), 'I1.council': flagClaim(false) });
    expect(objectiveDisagreements(hefei, [input]).map((d) => `${d.criterionId} ${d.decisions.map((x) => x.decision).join('|')}`)).toEqual(found);
  });

  it('lists an objective judged criterion whose values differ, and never a subjective one', () => {
    const values = (a: number, b: number) => alliance([expert('E01', { 'I10.status': { value: a } }), expert('E02', { 'I10.status': { value: b } })], { 'I10.status': {} });
    expect(objectiveDisagreements(hefei, [values(2.5, 0)])).toEqual([]);
    const objectiveI10: Rubric = {
      ...hefei,
      groups: hefei.groups.map((g) => ({ ...g, indicators: g.indicators.map((i) => ({ ...i, criteria: i.criteria.map((c) => ({ ...c, nature: 'objective' as const })) })) })),
    };
    const found = objectiveDisagreements(objectiveI10, [values(2.5, 2)]);
    expect(found.map((d) => [d.criterionId, d.decisions.map((x) => (x.decision === 'value' ? x.value.toFixed() : x.decision))])).toEqual([['I10.status', ['2.5', '2']]]);
    expect(objectiveDisagreements(objectiveI10, [values(2, 2)])).toEqual([]);
  });
});
