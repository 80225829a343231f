import { describe, expect, it } from 'vitest';

import type { AllianceInput, PanelResultOptions } from '../../../shared/panel/alliance-results.ts';
import { buildAllianceResults } from '../../../shared/panel/alliance-results.ts';
import { unstableFlags } from '../../../shared/panel/outcome-stability.ts';
import type { PanelExpert } from '../../../shared/panel/types.ts';
import { hefei } from '../rubric/fixtures.ts';
import { recused, withTotals } from './panel-fixtures.ts';

function alliance(allianceId: string, experts: readonly PanelExpert[]): AllianceInput {
  return { allianceId, name: `联盟 ${allianceId}`, packageDigest: 'a'.repeat(64), claims: {}, experts };
}

function flagsOf(alliances: readonly AllianceInput[], options: PanelResultOptions = {}) {
  return unstableFlags(hefei, alliances, buildAllianceResults(hefei, alliances, options), options);
}

/** Stays excellent whoever is left out (94.25 → 93.67 … 95). */
const steadyExcellent = alliance('HFA-900', withTotals([95, 94, 93, 95]));

describe('unstableFlags', () => {
  it.each([
    {
      name: 'leaving out one expert moves the total below 90',
      alliances: [alliance('HFA-001', withTotals([95, 90, 88, 87]))],
      options: {},
      flags: { 'HFA-001': [{ kind: 'unstable', expert: 'E01', detail: '去掉 E01 后总分 88.33，等级由优秀变为合格，处理由“给予资金奖励”变为无' }] },
    },
    {
      name: 'leaving out one expert moves the total below 60',
      alliances: [alliance('HFA-002', withTotals([70, 58, 57, 55]))],
      options: {},
      flags: { 'HFA-002': [{ kind: 'unstable', expert: 'E01', detail: '去掉 E01 后总分 56.67，等级由合格变为不合格，处理由无变为“限期整改”' }] },
    },
    {
      name: 'failing again last year makes the variant disqualify',
      alliances: [alliance('HFA-002', withTotals([70, 58, 57, 55]))],
      options: { previousGrades: { 'HFA-002': 'fail' as const } },
      flags: { 'HFA-002': [{ kind: 'unstable', expert: 'E01', detail: '去掉 E01 后总分 56.67，等级由合格变为不合格，处理由无变为“取消市级联盟资格”' }] },
    },
    {
      name: 'leaving out the lowest lifts a failing total to 60',
      alliances: [alliance('HFA-003', withTotals([62, 61, 60, 54]))],
      options: {},
      flags: { 'HFA-003': [{ kind: 'unstable', expert: 'E04', detail: '去掉 E04 后总分 61，等级由不合格变为合格，处理由“限期整改”变为无' }] },
    },
    {
      // Real: HFA-001 and HFA-900 excellent, 300000 / 2 each. Without E01, HFA-001 is not.
      name: 'an award lost: the split among the real excellent alliances',
      alliances: [alliance('HFA-001', withTotals([95, 90, 88, 87])), steadyExcellent],
      options: { budgetYuan: 300000 },
      flags: {
        'HFA-001': [
          { kind: 'unstable', expert: 'E01', detail: '去掉 E01 后总分 88.33，等级由优秀变为合格，处理由“给予资金奖励”变为无，奖励由 150000 元变为无' },
        ],
      },
    },
    {
      // Real: only HFA-900 excellent. Without E03, HFA-004 (88.25) is 91: two excellent, 150000 each.
      name: 'an award gained: this alliance counted among the excellent ones',
      alliances: [alliance('HFA-004', withTotals([92, 91, 80, 90])), steadyExcellent],
      options: { budgetYuan: 300000 },
      flags: {
        'HFA-004': [
          { kind: 'unstable', expert: 'E03', detail: '去掉 E03 后总分 91，等级由合格变为优秀，处理由无变为“给予资金奖励”，奖励由无变为 150000 元' },
        ],
      },
    },
    {
      // 91.2 by the mean; trimmed drops 100 and one 89: 89. Leaving out E01 also gives 89.
      name: 'the other method flips it, listed after the experts',
      alliances: [alliance('HFA-005', withTotals([100, 89, 89, 89, 89]))],
      options: {},
      flags: {
        'HFA-005': [
          { kind: 'unstable', expert: 'E01', detail: '去掉 E01 后总分 89，等级由优秀变为合格，处理由“给予资金奖励”变为无' },
          { kind: 'unstable', expert: null, detail: '改用去掉最高最低分后总分 89，等级由优秀变为合格，处理由“给予资金奖励”变为无' },
        ],
      },
    },
    {
      // The meeting trims (89); the mean would be 91.2. Leaving one out leaves 4: the mean.
      name: 'under trimmed, the mean is the other method',
      alliances: [alliance('HFA-005', withTotals([100, 89, 89, 89, 89]))],
      options: { method: 'trimmed' as const },
      flags: {
        'HFA-005': [
          { kind: 'unstable', expert: 'E02', detail: '去掉 E02 后总分 91.75，等级由合格变为优秀，处理由无变为“给予资金奖励”' },
          { kind: 'unstable', expert: 'E03', detail: '去掉 E03 后总分 91.75，等级由合格变为优秀，处理由无变为“给予资金奖励”' },
          { kind: 'unstable', expert: 'E04', detail: '去掉 E04 后总分 91.75，等级由合格变为优秀，处理由无变为“给予资金奖励”' },
          { kind: 'unstable', expert: 'E05', detail: '去掉 E05 后总分 91.75，等级由合格变为优秀，处理由无变为“给予资金奖励”' },
          { kind: 'unstable', expert: null, detail: '改用平均分后总分 91.2，等级由合格变为优秀，处理由无变为“给予资金奖励”' },
        ],
      },
    },
    {
      name: 'nothing flips: no flag',
      alliances: [alliance('HFA-006', withTotals([80, 81, 82, 83])), steadyExcellent],
      options: { budgetYuan: 300000 },
      flags: {},
    },
    {
      // 88.33 with three; without one, two would score: below quorum, not tried.
      name: 'three scoring experts: no expert is left out',
      alliances: [alliance('HFA-007', withTotals([95, 90, 80]))],
      options: {},
      flags: {},
    },
    {
      // Four experts, one recused: three score, so again nobody is left out.
      name: 'a recused expert does not count towards the three',
      alliances: [alliance('HFA-008', [...withTotals([95, 90, 80]), recused('E09')])],
      options: {},
      flags: {},
    },
    {
      name: 'every expert recused: nothing to vary',
      alliances: [alliance('HFA-009', [recused('E01'), recused('E02'), recused('E03'), recused('E04')])],
      options: {},
      flags: {},
    },
  ])('$name', ({ alliances, options, flags }) => {
    expect(flagsOf(alliances, options)).toEqual(flags);
  });

  it('gives the same flags in the same order on every run', () => {
    const alliances = [alliance('HFA-005', withTotals([100, 89, 89, 89, 89])), alliance('HFA-001', withTotals([95, 90, 88, 87]))];
    const first = JSON.stringify(flagsOf(alliances, { budgetYuan: 500000 }));
    for (let i = 0; i < 3; i += 1) expect(JSON.stringify(flagsOf(alliances, { budgetYuan: 500000 }))).toBe(first);
  });
});
