import { describe, expect, it } from 'vitest';

import { formatPath, parseRubric, parseRubricOrThrow, rubricErrorsText } from '../../../shared/rubric/parse-rubric.ts';
import { criteriaOf, indexRubric, indicatorsOf } from '../../../shared/rubric/rubric-index.ts';
import { hefei, hefeiJson, madeUp, madeUpJson } from './fixtures.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('hefei-2017 as shipped', () => {
  it('parses, with the three groups of rubric.md', () => {
    expect(hefei.id).toBe('hefei-2017');
    expect(hefei.groups.map((g) => [g.id, g.cap, g.indicators.map((i) => i.id)])).toEqual([
      ['system', 22, ['I1', 'I2', 'I3']],
      ['tasks', 78, ['I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10', 'I11']],
      ['bonus', null, ['B1', 'B2']],
    ]);
    expect(hefei.grades).toEqual({ excellent: 90, pass: 60 });
    expect(hefei.awardCapYuan).toBe(200000);
  });

  it.each([
    ['I1', 7], ['I2', 5], ['I3', 10], ['I4', 10], ['I5', 10], ['I6', 10], ['I7', 10], ['I8', 10], ['I9', 10],
    ['I10', 10], ['I11', 8], ['B1', null], ['B2', null],
  ])('indicator %s has cap %s (decision 3)', (id, cap) => {
    expect(indexRubric(hefei).indicators.get(id)?.indicator.cap).toBe(cap);
  });

  // The table of rubric.md, row by row: id, kind, points (or max, or the cap of a per-item).
  it.each([
    ['I1.office', 'flag', { points: 2 }],
    ['I1.council', 'flag', { points: 2 }],
    ['I1.platform', 'flag', { points: 3 }],
    ['I2.plans', 'flag', { points: 5 }],
    ['I3.policy', 'flag', { points: 2 }],
    ['I3.report', 'flag', { points: 2 }],
    ['I3.audit', 'flag', { points: 6 }],
    ['I4.techContracts', 'perItem', { points: 1 }],
    ['I4.achievements', 'perItem', { points: 1 }],
    ['I4.projects', 'perItem', { points: 1 }],
    ['I4.newProducts', 'perItem', { points: 1 }],
    ['I5.breakthroughs', 'perItem', { points: 5 }],
    ['I6.international', 'perItem', { points: 1 }],
    ['I7.services', 'perItem', { points: 2 }],
    ['I7.nationalIncubators', 'perItem', { points: 2, forAllianceKinds: ['incubator'] }],
    ['I7.provincialIncubators', 'perItem', { points: 1, forAllianceKinds: ['incubator'] }],
    ['I7.listings', 'perItem', { points: 2, forAllianceKinds: ['finance'] }],
    ['I7.financialProducts', 'perItem', { points: 2, forAllianceKinds: ['finance'] }],
    ['I8.leadStandards', 'perItem', { points: 5 }],
    ['I8.joinStandards', 'perItem', { points: 2 }],
    ['I8.inventionPatents', 'perPair', { points: 1 }],
    ['I9.organizedEvents', 'perItem', { points: 5 }],
    ['I9.joinedEvents', 'perItem', { points: 1 }],
    ['I10.status', 'judged', { max: 2.5 }],
    ['I10.problems', 'judged', { max: 2.5 }],
    ['I10.measures', 'judged', { max: 2.5 }],
    ['I10.outcomes', 'judged', { max: 2.5 }],
    ['I11.newMembers', 'band', { bands: [{ from: 1, to: 5, points: 1 }, { from: 6, to: 10, points: 2 }, { from: 11, to: null, points: 3 }] }],
    ['I11.monthlyReports', 'flag', { points: 2 }],
    ['I11.bureauEvents', 'perItem', { points: 1, cap: 3 }],
    ['B1.hostedEvents', 'perItem', { points: 5 }],
    ['B2.majorProjects', 'tier', { tiers: [{ fromWan: 0, belowWan: 10000, points: 1 }, { fromWan: 10000, belowWan: 50000, points: 2.5 }, { fromWan: 50000, belowWan: null, points: 5 }] }],
  ])('%s is %s with %o', (id, kind, fields) => {
    const criterion = indexRubric(hefei).criteria.get(id)?.criterion;
    expect(criterion).toMatchObject({ id, kind, ...fields });
    expect(criterion?.label).toMatch(/[\u4e00-\u9fff]/);
    expect(criterion?.rule).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has exactly the 32 criteria of the table, and the seed rule text for experts', () => {
    expect(criteriaOf(hefei)).toHaveLength(32);
    expect(indicatorsOf(hefei)).toHaveLength(13);
    for (const indicator of indicatorsOf(hefei)) expect(indicator.rule).toMatch(/分/);
    expect(indexRubric(hefei).indicators.get('I8')?.indicator.rule).toContain('当年进入实审的发明专利，每2件计1分');
  });

  it('marks I10’s four judged criteria subjective and every other criterion objective (rubric.md decision 13)', () => {
    const subjective = criteriaOf(hefei).filter((c) => c.nature === 'subjective').map((c) => c.id);
    expect(subjective).toEqual(['I10.status', 'I10.problems', 'I10.measures', 'I10.outcomes']);
    expect(criteriaOf(hefei).filter((c) => c.nature === 'objective')).toHaveLength(28);
  });

  it('parses the made-up rubric too', () => {
    expect(madeUp.groups.map((g) => g.id)).toEqual(['core', 'extra']);
  });
});

describe('parseRubric refuses a malformed rubric, naming the field', () => {
  const cases: [string, (json: Json) => void, string, RegExp][] = [
    ['a missing indicator cap', (j) => delete j.groups[0].indicators[0].cap, 'groups[0].indicators[0].cap', /缺少此字段/],
    ['points that are text', (j) => (j.groups[1].indicators[0].criteria[2].points = '1'), 'groups[1].indicators[0].criteria[2].points', /数字/],
    ['negative points', (j) => (j.groups[0].indicators[0].criteria[0].points = -2), 'groups[0].indicators[0].criteria[0].points', /不能小于/],
    ['a misspelt key', (j) => (j.groups[0].indicators[0].cpa = 7), 'groups[0].indicators[0]', /未知字段 cpa/],
    ['an unknown kind', (j) => (j.groups[0].indicators[0].criteria[0].kind = 'checkbox'), 'groups[0].indicators[0].criteria[0].kind', /kind 应为 flag/],
    ['a wrong format', (j) => (j.format = 'something-else'), 'format', /取值不对/],
    ['a wrong version', (j) => (j.version = 2), 'version', /取值不对/],
    ['an empty label', (j) => (j.groups[0].label = ' '), 'groups[0].label', /不能为空/],
    ['no criteria', (j) => (j.groups[0].indicators[1].criteria = []), 'groups[0].indicators[1].criteria', /至少应有 1 项/],
    ['an unknown alliance kind', (j) => (j.groups[1].indicators[3].criteria[1].forAllianceKinds = ['bank']), 'groups[1].indicators[3].criteria[1].forAllianceKinds[0]', /取值不对/],
    ['a fractional band bound', (j) => (j.groups[1].indicators[7].criteria[0].bands[0].to = 5.5), 'groups[1].indicators[7].criteria[0].bands[0].to', /数字|类型/],
    ['a bad rubric id', (j) => (j.id = 'Hefei 2017'), 'id', /格式不对/],
    ['a duplicate criterion id', (j) => (j.groups[0].indicators[0].criteria[1].id = 'I1.office'), 'groups[0].indicators[0].criteria[1].id', /重复/],
    ['a duplicate indicator id', (j) => (j.groups[0].indicators[1].id = 'I1'), 'groups[0].indicators[1].id', /重复/],
    ['a duplicate group id', (j) => (j.groups[1].id = 'system'), 'groups[1].id', /重复/],
    ['a criterion id not prefixed by its indicator', (j) => (j.groups[1].indicators[0].criteria[0].id = 'I5.techContracts'), 'groups[1].indicators[0].criteria[0].id', /应为 "I4\.名称"/],
    ['a criterion id with no name', (j) => (j.groups[1].indicators[0].criteria[0].id = 'I4.'), 'groups[1].indicators[0].criteria[0].id', /I4\./],
    ['an indicator id with a dot', (j) => (j.groups[0].indicators[0].id = 'I.1'), 'groups[0].indicators[0].id', /格式不对/],
    ['a gap between bands', (j) => (j.groups[1].indicators[7].criteria[0].bands[1].from = 7), 'groups[1].indicators[7].criteria[0].bands[1].from', /从 6 开始/],
    ['overlapping bands', (j) => (j.groups[1].indicators[7].criteria[0].bands[1].from = 5), 'groups[1].indicators[7].criteria[0].bands[1].from', /从 6 开始/],
    ['a band ending before it starts', (j) => (j.groups[1].indicators[7].criteria[0].bands[0].to = 0), 'groups[1].indicators[7].criteria[0].bands[0].to', /不能小于|上端/],
    ['an open band that is not last', (j) => (j.groups[1].indicators[7].criteria[0].bands[0].to = null), 'groups[1].indicators[7].criteria[0].bands[0].to', /最后一档/],
    ['tiers not contiguous', (j) => (j.groups[2].indicators[1].criteria[0].tiers[1].fromWan = 10001), 'groups[2].indicators[1].criteria[0].tiers[1].fromWan', /从 10000 开始/],
    ['a tier ending at its start', (j) => (j.groups[2].indicators[1].criteria[0].tiers[1].belowWan = 10000), 'groups[2].indicators[1].criteria[0].tiers[1].belowWan', /大于下端/],
    ['an open tier that is not last', (j) => (j.groups[2].indicators[1].criteria[0].tiers[0].belowWan = null), 'groups[2].indicators[1].criteria[0].tiers[0].belowWan', /最后一档/],
    ['indicator caps over the group cap', (j) => (j.groups[0].indicators[0].cap = 8), 'groups[0].cap', /23 超过分组上限 22/],
    ['an uncapped indicator in a capped group', (j) => (j.groups[0].indicators[0].cap = null), 'groups[0].indicators[0].cap', /必须有上限/],
    ['grade thresholds the wrong way round', (j) => (j.grades = { excellent: 60, pass: 90 }), 'grades', /优秀线必须高于合格线/],
    ['points with three decimals', (j) => (j.groups[0].indicators[0].criteria[0].points = 2.125), 'groups[0].indicators[0].criteria[0].points', /最多两位小数/],
    ['a judged max with two decimals', (j) => (j.groups[1].indicators[6].criteria[0].max = 2.55), 'groups[1].indicators[6].criteria[0].max', /最多一位小数/],
    ['a criterion that says neither objective nor subjective', (j) => delete j.groups[0].indicators[0].criteria[0].nature, 'groups[0].indicators[0].criteria[0].nature', /缺少此字段/],
    ['a criterion of another nature', (j) => (j.groups[0].indicators[0].criteria[0].nature = 'factual'), 'groups[0].indicators[0].criteria[0].nature', /取值不对，应为 "objective" 或 "subjective"/],
    ['a subjective flag', (j) => (j.groups[0].indicators[0].criteria[0].nature = 'subjective'), 'groups[0].indicators[0].criteria[0].nature', /只有专家直接给分的评分项（judged）才能是主观项/],
    ['a repeated alliance kind', (j) => (j.groups[1].indicators[3].criteria[1].forAllianceKinds = ['incubator', 'incubator']), 'groups[1].indicators[3].criteria[1].forAllianceKinds', /重复/],
  ];

  it.each(cases)('%s', (_name, mutate, path, message) => {
    const json = hefeiJson() as Json;
    mutate(json);
    const result = parseRubric(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.path === path);
    expect(error, rubricErrorsText(result.errors)).toBeDefined();
    expect(error?.message).toMatch(message);
    // Chinese for the clerk, then English for the maintainer.
    expect(error?.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
  });

  it.each([
    ['a number', 5, '(root)'],
    ['null', null, '(root)'],
    ['an array', [], '(root)'],
  ])('refuses %s as a rubric', (_name, json, path) => {
    const result = parseRubric(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.path).toBe(path);
  });

  it('reports every problem at once', () => {
    const json = hefeiJson() as Json;
    json.groups[0].indicators[0].criteria[1].id = 'I1.office';
    json.groups[1].indicators[7].criteria[0].bands[1].from = 7;
    const result = parseRubric(json);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      'groups[0].indicators[0].criteria[1].id',
      'groups[1].indicators[7].criteria[0].bands[1].from',
    ]);
  });

  it('parseRubricOrThrow throws with the path in the message', () => {
    const json = hefeiJson() as Json;
    json.groups[0].indicators[0].cap = 'seven';
    expect(() => parseRubricOrThrow(json)).toThrow(/groups\[0\]\.indicators\[0\]\.cap: /);
  });

  it('accepts the made-up rubric and refuses it once broken', () => {
    expect(parseRubric(madeUpJson).ok).toBe(true);
    const broken = structuredClone(madeUpJson) as Json;
    broken.groups[0].indicators[1].criteria[0].id = 'K1.patents';
    expect(parseRubric(broken).ok).toBe(false);
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(root)'],
    [['groups', 0, 'cap'], 'groups[0].cap'],
    [['claims', 'I4.techContracts', 'items', 2], 'claims.I4.techContracts.items[2]'],
  ] as const)('%o reads %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
