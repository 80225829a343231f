import { describe, expect, it } from 'vitest';

import type { AllianceInput } from '../../../shared/panel/alliance-results.ts';
import { agreementByYear } from '../../../shared/panel/agreement-by-year.ts';
import { criterionAgreement } from '../../../shared/panel/criterion-agreement.ts';
import type { PanelExpert } from '../../../shared/panel/types.ts';
import type { Decisions, Rubric } from '../../../shared/rubric/types.ts';
import { flagClaim, hefei } from '../rubric/fixtures.ts';
import { scoring } from './panel-fixtures.ts';

/*
 * Five alliances × three experts, deciding I1.office (claimed by all) and giving I10.status a
 * value. Expected values by hand (and with exact fractions):
 * - 2025: I10.status values = panel-analysis.test.ts's I1 matrix ÷ 5 (ICC is unchanged by
 *   scale): ICC(2,1) 0.8997 → 0.900; I1.office decisions aaa ara rrr aaa rra: coincidences
 *   o(a,a) 7, o(a,r) = o(r,a) 2, o(r,r) 4, n(a) 9, n(r) 6, alpha = 1 − 14·4 / (2·9·6) = 0.481.
 * - 2026: every expert gives each alliance the same value and the same decision, the alliances
 *   differ: no disagreement at all, ICC 1 and alpha 1.
 */
const IDS = ['E01', 'E02', 'E03'] as const;
const VALUES_2025 = [
  [1.4, 1.2, 1.4],
  [0.8, 0.8, 1.0],
  [0.4, 0.6, 0.4],
  [1.0, 1.0, 1.4],
  [0.2, 0.4, 0.2],
] as const;
const OFFICE_2025 = ['aaa', 'ara', 'rrr', 'aaa', 'rra'] as const;
const VALUES_2026 = [
  [2, 2, 2],
  [1, 1, 1],
  [2.5, 2.5, 2.5],
  [0, 0, 0],
  [1, 1, 1],
] as const;
const OFFICE_2026 = ['aaa', 'rrr', 'aaa', 'aaa', 'rrr'] as const;

function expert(id: string, value: number, office: string): PanelExpert {
  const decisions: Decisions = {
    'I1.office': office === 'a' ? { accept: true } : { accept: false, reason: '未见专职人员' },
    'I10.status': { value },
  };
  return { ...(scoring(id, { I10: value }) as Extract<PanelExpert, { recused: false }>), decisions };
}

function panel(values: readonly (readonly number[])[], office: readonly string[], experts = 3): AllianceInput[] {
  return values.map((row, i) => ({
    allianceId: `HFA-00${i + 1}`,
    name: `联盟 ${i + 1}`,
    packageDigest: 'a'.repeat(64),
    claims: { 'I1.office': flagClaim(), 'I10.status': {} },
    experts: IDS.slice(0, experts).map((id, e) => expert(id, row[e] ?? 0, office[i]?.[e] ?? 'a')),
  }));
}

describe('criterionAgreement', () => {
  it('measures a judged criterion by the ICC of its values and a decided one by the alpha of its decisions', () => {
    const agreement = criterionAgreement(hefei, panel(VALUES_2025, OFFICE_2025));
    expect(agreement['I10.status']).toEqual({ statistic: 'icc', value: 0.9, alliances: 5, experts: 3 });
    expect(agreement['I1.office']).toEqual({ statistic: 'alpha', value: 0.481, alliances: 5, experts: 3 });
    // Nothing claimed: no unit, alpha undefined; a judged criterion nobody was asked about: all 0, ICC undefined.
    expect(agreement['I1.council']).toEqual({ statistic: 'alpha', value: null, alliances: 5, experts: 3 });
    expect(agreement['I10.problems']).toEqual({ statistic: 'icc', value: null, alliances: 5, experts: 3 });
  });

  it.each([
    { name: 'four alliances', alliances: panel(VALUES_2025.slice(0, 4), OFFICE_2025), sample: 4, experts: 3 },
    { name: 'two experts', alliances: panel(VALUES_2025, OFFICE_2025, 2), sample: 5, experts: 2 },
  ])('is not computed with too few ($name)', ({ alliances, sample, experts }) => {
    expect(criterionAgreement(hefei, alliances)['I10.status']).toEqual({ statistic: 'icc', value: null, alliances: sample, experts });
  });
});

describe('agreementByYear', () => {
  const history = agreementByYear([
    { year: 2026, meetingName: '2026 年度评审会', rubric: hefei, alliances: panel(VALUES_2026, OFFICE_2026) },
    { year: 2025, meetingName: '2025 年度评审会', rubric: hefei, alliances: panel(VALUES_2025, OFFICE_2025) },
    { year: 2024, meetingName: '2024 年度评审会', rubric: hefei, alliances: panel(VALUES_2025.slice(0, 4), OFFICE_2025) },
  ]);
  const row = (id: string) => history.rows.find((r) => r.id === id);
  const cells = (id: string) => row(id)?.cells.map((cell) => cell?.measures.map((m) => [m.statistic, m.value, m.reading.text]));

  it('puts the years oldest first, with the meeting each comes from', () => {
    expect(history.years).toEqual([
      { year: 2024, meetingName: '2024 年度评审会', rubricId: 'hefei-2017' },
      { year: 2025, meetingName: '2025 年度评审会', rubricId: 'hefei-2017' },
      { year: 2026, meetingName: '2026 年度评审会', rubricId: 'hefei-2017' },
    ]);
  });

  it('gives each criterion its measure and reading per year, 样本太少 where too few', () => {
    expect(cells('I10.status')).toEqual([[['icc', null, '样本太少']], [['icc', 0.9, '一致性好']], [['icc', 1, '一致性好']]]);
    expect(cells('I1.office')).toEqual([[['alpha', null, '样本太少']], [['alpha', 0.481, '差']], [['alpha', 1, '一致性好']]]);
    expect(row('I1.office')?.cells.map((cell) => [cell?.alliances, cell?.experts])).toEqual([[4, 3], [5, 3], [5, 3]]);
  });

  it('gives each indicator both of its measures, as the result’s analysis does', () => {
    // I10 scores are the I10.status values; I1 has only the office decisions to compare.
    expect(cells('I10')?.[1]).toEqual([
      ['icc', 0.9, '一致性好'],
      ['alpha', null, '认定全部相同或无认定项，无从计算'],
    ]);
    expect(cells('I1')?.[1]?.[1]).toEqual(['alpha', 0.481, '差']);
  });

  it('lists every indicator followed by its criteria, in rubric order', () => {
    const ids = history.rows.map((r) => r.id);
    expect(ids.slice(0, 5)).toEqual(['I1', 'I1.office', 'I1.council', 'I1.platform', 'I2']);
    expect(history.rows.filter((r) => r.level === 'indicator').map((r) => r.id)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10', 'I11', 'B1', 'B2']);
  });

  it('leaves a cell empty where that year’s rubric has no such criterion, and keeps an older rubric’s criterion under its indicator', () => {
    const renamed: Rubric = {
      ...hefei,
      id: 'hefei-2025',
      groups: hefei.groups.map((group) => ({
        ...group,
        indicators: group.indicators.map((indicator) =>
          indicator.id === 'I1'
            ? { ...indicator, criteria: indicator.criteria.map((c) => (c.id === 'I1.office' ? { ...c, id: 'I1.secretariat', label: '秘书处' } : c)) }
            : indicator,
        ),
      })),
    };
    const mixed = agreementByYear([
      { year: 2025, meetingName: '2025', rubric: renamed, alliances: panel(VALUES_2025, OFFICE_2025) },
      { year: 2026, meetingName: '2026', rubric: hefei, alliances: panel(VALUES_2026, OFFICE_2026) },
    ]);
    const ids = mixed.rows.map((r) => r.id);
    expect(ids.slice(0, 5)).toEqual(['I1', 'I1.office', 'I1.council', 'I1.platform', 'I1.secretariat']);
    expect(mixed.rows.find((r) => r.id === 'I1.office')?.cells.map((c) => c?.measures[0]?.value ?? 'none')).toEqual(['none', 1]);
    expect(mixed.rows.find((r) => r.id === 'I1.secretariat')?.cells.map((c) => c === null)).toEqual([false, true]);
  });
});
