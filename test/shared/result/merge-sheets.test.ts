import { describe, expect, it } from 'vitest';

import type { MergePackage, VerifiedSheet } from '../../../shared/result/merge-sheets.ts';
import { mergeSheets } from '../../../shared/result/merge-sheets.ts';
import type { PreviousGrades } from '../../../shared/result/previous-grades.ts';
import { previousFromResultJson } from '../../../shared/result/previous-grades.ts';
import { resultFileSchema, type ResultFile } from '../../../shared/result/result-schema.ts';
import { resultText } from '../../../shared/result/result-text.ts';
import type { Claims } from '../../../shared/rubric/types.ts';
import type { ReviewSpec, TestExpert } from '../../helpers/expert-sheet.ts';
import { makeExpert, makeSignedSheet } from '../../helpers/expert-sheet.ts';
import { hefei } from '../rubric/fixtures.ts';
import { richClaims, smallClaims, smallDecisions } from './merge-fixtures.ts';

function pkg(allianceId: string, claims: Claims, digestChar: string, extra: Partial<MergePackage> = {}): MergePackage {
  return {
    source: `${allianceId}.zip`,
    digest: digestChar.repeat(64),
    year: 2026,
    rubricId: 'hefei-2017',
    allianceId,
    allianceName: `${allianceId} 联盟`,
    claims,
    ...extra,
  };
}

const small = pkg('HFA-002', smallClaims, 'b');
const rich = pkg('HFA-001', richClaims, 'a');

const experts: TestExpert[] = ['E01', 'E02', 'E03', 'E04', 'E05'].map((id) => makeExpert(id, `专家${id}`));
const expert = (i: number): TestExpert => experts[i] ?? makeExpert();

function verified(who: TestExpert, reviews: ReviewSpec[], options: { year?: number; rubric?: string; source?: string } = {}): VerifiedSheet {
  return {
    source: options.source ?? `${who.id}.sheet.json`,
    sheet: makeSignedSheet(hefei, who, reviews, options),
    fingerprint: who.fingerprint,
  };
}

const on = (p: MergePackage) => ({ allianceId: p.allianceId, digest: p.digest, claims: p.claims });

/** Expert i gives `small` the I10 value v[i] (total 15 + 4v) and accepts everything of `rich`. */
function panel(values: readonly number[]): VerifiedSheet[] {
  return values.map((v, i) => verified(expert(i), [{ package: on(rich) }, { package: on(small), decisions: smallDecisions(v) }]));
}

function ok(outcome: ReturnType<typeof mergeSheets>): ResultFile {
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => `${p.code} ${p.source ?? ''} ${p.path} ${p.message}`).join('\n'));
  return outcome.result;
}

function codes(outcome: ReturnType<typeof mergeSheets>) {
  return outcome.ok ? [] : outcome.problems.map((p) => ({ code: p.code, source: p.source }));
}

function alliance(result: ResultFile, id: string) {
  const found = result.alliances.find((a) => a.allianceId === id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found;
}

/** Last year's grades as `merge --previous` reads them from a result file. */
function gradesOf(result: ResultFile, source: string): PreviousGrades {
  const read = previousFromResultJson(result, source);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.previous;
}

describe('mergeSheets: the result', () => {
  const result = ok(mergeSheets(hefei, [small, rich], panel([2.5, 2, 1.5])));

  it('is a result file of format 1 for the year and rubric of the packages', () => {
    expect(resultFileSchema.safeParse(result).success).toBe(true);
    expect(result).toMatchObject({ format: 'alliance-review/result', version: 1, year: 2026, rubric: 'hefei-2017', method: 'mean' });
  });

  it('lists alliances in id order and experts in id order', () => {
    expect(result.alliances.map((a) => a.allianceId)).toEqual(['HFA-001', 'HFA-002']);
    expect(alliance(result, 'HFA-002').experts.map((e) => e.id)).toEqual(['E01', 'E02', 'E03']);
  });

  it('scores each expert through the rubric and takes the mean (25, 23, 21 → 23, 不合格 → rectify)', () => {
    const entry = alliance(result, 'HFA-002');
    expect(entry.experts.map((e) => e.total)).toEqual([25, 23, 21]);
    expect(entry.experts[0]?.fingerprint).toBe(expert(0).fingerprint);
    expect(entry.total).toBe(23);
    expect(entry.grade).toBe('fail');
    expect(entry.consequence).toBe('rectify');
    expect(entry.selfTotal).toBe(15);
    expect(entry.packageDigest).toBe(small.digest);
    expect(entry.name).toBe('HFA-002 联盟');
    expect(Object.keys(entry.indicators)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10', 'I11', 'B1', 'B2']);
    expect(entry.indicators['I10']).toBe(8);
  });

  it('gives the worked example 90.5, 优秀, eligible for an award (null without a budget)', () => {
    expect(alliance(result, 'HFA-001')).toMatchObject({ total: 90.5, grade: 'excellent', consequence: 'award', award: null, selfTotal: 90.5 });
  });

  it('returns the merged sheets in expert order for the detail sheets', () => {
    const outcome = mergeSheets(hefei, [small, rich], [...panel([2.5, 2, 1.5])].reverse());
    expect(outcome.ok && outcome.sheets.map((s) => s.sheet.expert.id)).toEqual(['E01', 'E02', 'E03']);
  });

  it('is byte-identical whatever the order of packages and sheets', () => {
    const sheets = panel([2.5, 2, 1.5]);
    const texts = [
      resultText(ok(mergeSheets(hefei, [small, rich], sheets))),
      resultText(ok(mergeSheets(hefei, [rich, small], [...sheets].reverse()))),
      resultText(ok(mergeSheets(hefei, [rich, small, rich], [sheets[1], sheets[2], sheets[0]].filter((s) => s !== undefined)))),
    ];
    expect(new Set(texts).size).toBe(1);
  });
});

describe('mergeSheets: recusal, methods and flags', () => {
  it('keeps a recused expert in the list, without scores, and aggregates the others', () => {
    const sheets = [
      ...panel([2.5, 2, 1.5]),
      verified(expert(3), [{ package: on(small), recused: true, comment: '本人在牵头单位任职' }]),
    ];
    const entry = alliance(ok(mergeSheets(hefei, [small, rich], sheets)), 'HFA-002');
    expect(entry.experts.map((e) => [e.id, e.recused, e.total])).toEqual([
      ['E01', false, 25],
      ['E02', false, 23],
      ['E03', false, 21],
      ['E04', true, null],
    ]);
    expect(entry.experts[3]?.indicators).toBeNull();
    expect(entry.total).toBe(23);
    expect(entry.flags.filter((f) => f.kind === 'quorum')).toEqual([]);
  });

  it('flags quorum when fewer than 3 experts scored', () => {
    const sheets = [
      ...panel([2.5, 2]),
      verified(expert(2), [{ package: on(rich) }, { package: on(small), recused: true, comment: '回避' }]),
    ];
    const entry = alliance(ok(mergeSheets(hefei, [small, rich], sheets)), 'HFA-002');
    expect(entry.flags.map((f) => f.kind)).toContain('quorum');
    expect(entry.total).toBe(24);
  });

  it('trimmed with 5 experts drops one highest and one lowest (15 17 19 23 25 → 19.67)', () => {
    const result = ok(mergeSheets(hefei, [small, rich], panel([0, 0.5, 1, 2, 2.5]), { method: 'trimmed' }));
    const entry = alliance(result, 'HFA-002');
    expect(entry.experts.map((e) => e.total)).toEqual([15, 17, 19, 23, 25]);
    expect(entry.total).toBe(19.67);
    expect(entry.flags.map((f) => f.kind)).not.toContain('trimmed-not-applied');
    expect(result.method).toBe('trimmed');
  });

  it('trimmed with 4 experts falls back to the mean and says so (15 17 19 25 → 19)', () => {
    const entry = alliance(ok(mergeSheets(hefei, [small, rich], panel([0, 0.5, 1, 2.5]), { method: 'trimmed' })), 'HFA-002');
    expect(entry.total).toBe(19);
    expect(entry.flags.map((f) => f.kind)).toContain('trimmed-not-applied');
  });

  it('flags an expert whose total deviates more than 10 points from the mean (3, 25, 25)', () => {
    const sheets = [
      verified(expert(0), [{ package: on(small), decisions: smallDecisions(0, ['I1.office', 'I1.council', 'I1.platform', 'I2.plans']) }]),
      verified(expert(1), [{ package: on(small), decisions: smallDecisions(2.5) }]),
      verified(expert(2), [{ package: on(small), decisions: smallDecisions(2.5) }]),
    ];
    const entry = alliance(ok(mergeSheets(hefei, [small], sheets)), 'HFA-002');
    expect(entry.experts.map((e) => e.total)).toEqual([3, 25, 25]);
    expect(entry.total).toBe(17.67);
    expect(entry.flags.filter((f) => f.kind === 'deviation')).toEqual([
      { kind: 'deviation', expert: 'E01', detail: '总分偏离专家组平均 14.67 分' },
    ]);
    expect(entry.flags.filter((f) => f.kind === 'spread').map((f) => f.indicator)).toEqual(['I1', 'I2', 'I10']);
  });

  it('uses the meeting’s deviation threshold when given', () => {
    const entry = alliance(ok(mergeSheets(hefei, [small, rich], panel([0, 2.5, 2.5]), { deviationThreshold: 5 })), 'HFA-002');
    expect(entry.flags.filter((f) => f.kind === 'deviation').map((f) => f.expert)).toEqual(['E01']);
  });

  it('applies an override and flags it with its reason', () => {
    const sheets = [
      ...panel([2.5, 2]),
      verified(expert(2), [
        { package: on(rich) },
        { package: on(small), decisions: smallDecisions(1.5), overrides: { I2: { score: 3, reason: '仅有年度计划，缺半年总结' } } },
      ]),
    ];
    const entry = alliance(ok(mergeSheets(hefei, [small, rich], sheets)), 'HFA-002');
    expect(entry.experts[2]).toMatchObject({ total: 19, indicators: { I2: 3 } });
    expect(entry.flags.filter((f) => f.kind === 'override')).toEqual([
      { kind: 'override', expert: 'E03', indicator: 'I2', detail: expect.stringContaining('仅有年度计划，缺半年总结') as unknown },
    ]);
  });

  it('splits the budget among excellent alliances, at most 200 000 yuan each', () => {
    const second = pkg('HFA-003', richClaims, 'c');
    const sheets = [0, 1, 2].map((i) => verified(expert(i), [{ package: on(rich) }, { package: on(second) }]));
    const awards = (budgetYuan: number) =>
      ok(mergeSheets(hefei, [rich, second], sheets, { budgetYuan })).alliances.map((a) => a.award);
    expect(awards(300_001)).toEqual([150_000, 150_000]);
    expect(awards(1_000_000)).toEqual([200_000, 200_000]);
    expect(awards(0)).toEqual([0, 0]);
  });

  it('disqualifies an alliance graded fail last year and this year', () => {
    const previous: ResultFile = {
      ...ok(mergeSheets(hefei, [small, rich], panel([2.5, 2, 1.5]))),
      year: 2025,
    };
    const result = ok(mergeSheets(hefei, [small, rich], panel([2.5, 2, 1.5]), { previous: gradesOf(previous, 'r2025.json') }));
    expect(alliance(result, 'HFA-002').consequence).toBe('disqualify');
    expect(alliance(result, 'HFA-001').consequence).toBe('award');
  });

  it('takes the bureau’s list, which names no year, as the year before', () => {
    const list = { source: '2025年考核等级.xlsx', year: null, grades: { 'HFA-002': 'fail', 'HFA-001': 'pass' } } as const;
    const result = ok(mergeSheets(hefei, [small, rich], panel([2.5, 2, 1.5]), { previous: list }));
    expect(alliance(result, 'HFA-002').consequence).toBe('disqualify');
    expect(alliance(result, 'HFA-001').consequence).toBe('award');
  });
});

describe('mergeSheets: refusals', () => {
  it('counts the same sheet given twice once, and says which', () => {
    const sheets = panel([2.5, 2, 1.5]);
    const first = sheets[0];
    if (first === undefined) throw new Error('no sheet');
    const outcome = mergeSheets(hefei, [small, rich], [...sheets, { ...first, source: 'copy/E01.sheet.json' }]);
    expect(outcome.ok && outcome.duplicates).toEqual([{ source: 'copy/E01.sheet.json', sameAs: 'E01.sheet.json' }]);
    expect(outcome.ok && resultText(outcome.result)).toBe(resultText(ok(mergeSheets(hefei, [small, rich], sheets))));
  });

  it('refuses two different sheets from one expert id', () => {
    const sheets = [...panel([2.5, 2, 1.5]), verified(expert(0), [{ package: on(small), decisions: smallDecisions(1) }], { source: 'E01-v2.sheet.json' })];
    expect(codes(mergeSheets(hefei, [small, rich], sheets))).toEqual([
      { code: 'expert-two-sheets', source: 'E01.sheet.json' },
      { code: 'expert-two-sheets', source: 'E01-v2.sheet.json' },
    ]);
  });

  it('refuses one expert id signed with two different keys', () => {
    const impostor = makeExpert('E01', '专家E01');
    const sheets = [...panel([2.5, 2, 1.5]), verified(impostor, [{ package: on(small) }], { source: 'other/E01.sheet.json' })];
    expect(codes(mergeSheets(hefei, [small, rich], sheets))).toEqual([
      { code: 'expert-two-keys', source: 'E01.sheet.json' },
      { code: 'expert-two-keys', source: 'other/E01.sheet.json' },
    ]);
  });

  it('refuses one key signing for two expert ids', () => {
    const twin = { ...expert(0), id: 'E09' };
    const sheets = [...panel([2.5, 2, 1.5]), verified(twin, [{ package: on(small) }])];
    expect(codes(mergeSheets(hefei, [small, rich], sheets))).toEqual([
      { code: 'key-two-experts', source: 'E01.sheet.json' },
      { code: 'key-two-experts', source: 'E09.sheet.json' },
    ]);
  });

  it('refuses a review of another version of the package', () => {
    const other = pkg('HFA-002', smallClaims, 'f');
    const sheets = [...panel([2.5, 2]), verified(expert(2), [{ package: on(other), decisions: smallDecisions(1) }])];
    const outcome = mergeSheets(hefei, [small, rich], sheets);
    expect(codes(outcome)).toEqual([{ code: 'package-digest-unknown', source: 'E03.sheet.json' }]);
    expect(!outcome.ok && outcome.problems[0]?.path).toBe('reviews[0].packageDigest');
  });

  it('refuses experts who scored different versions, both given', () => {
    const other = pkg('HFA-002', smallClaims, 'f');
    const sheets = [...panel([2.5, 2]), verified(expert(2), [{ package: on(rich) }, { package: on(other), decisions: smallDecisions(1) }])];
    expect(codes(mergeSheets(hefei, [small, rich, other], sheets))).toEqual([{ code: 'alliance-versions-differ', source: null }]);
  });

  it('ignores a version of a package nobody scored, when another version was scored', () => {
    const older = pkg('HFA-002', smallClaims, 'e');
    expect(mergeSheets(hefei, [older, small, rich], panel([2.5, 2, 1.5])).ok).toBe(true);
  });

  it('refuses an incomplete review, naming what is undecided', () => {
    const decisions = { ...smallDecisions(2) };
    delete (decisions as Record<string, unknown>)['I2.plans'];
    decisions['I4.techContracts'] = { accepted: ['tc-1'], rejected: { 'tc-2': '未登记' } };
    const sheets = [...panel([2.5, 2]), verified(expert(2), [{ package: on(rich) }, { package: on(small), decisions }])];
    const outcome = mergeSheets(hefei, [small, rich], sheets);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.code, p.path])).toEqual([
      ['review-incomplete', 'reviews[1].decisions.I2.plans'],
      ['review-incomplete', 'reviews[1].decisions.I4.techContracts'],
    ]);
    expect(outcome.problems[1]?.message).toContain('tc-3');
  });

  it('refuses a decision naming an item the package does not claim', () => {
    const decisions = { ...smallDecisions(2), 'I4.techContracts': { accepted: ['tc-1', 'tc-2', 'tc-3', 'tc-9'], rejected: {} } };
    const sheets = [...panel([2.5, 2]), verified(expert(2), [{ package: on(rich) }, { package: on(small), decisions }])];
    const outcome = mergeSheets(hefei, [small, rich], sheets);
    expect(!outcome.ok && outcome.problems.map((p) => [p.code, p.path, p.message])).toEqual([
      ['review-invalid', 'reviews[1].decisions.I4.techContracts', expect.stringContaining('tc-9') as unknown],
    ]);
  });

  it('refuses a rejection without a reason and an override without one', () => {
    const decisions = { ...smallDecisions(2), 'I1.office': { accept: false, reason: ' ' } };
    const sheets = [
      ...panel([2.5, 2]),
      verified(expert(2), [{ package: on(rich) }, { package: on(small), decisions, overrides: { I4: { score: 2, reason: '' } } }]),
    ];
    expect(codes(mergeSheets(hefei, [small, rich], sheets)).map((p) => p.code)).toEqual(['review-invalid', 'review-invalid']);
  });

  it('refuses a review of an alliance whose package was not given', () => {
    const absent = pkg('HFA-404', smallClaims, 'd');
    const sheets = [...panel([2.5, 2, 1.5]), verified(expert(3), [{ package: on(absent), decisions: smallDecisions(1) }])];
    expect(codes(mergeSheets(hefei, [small, rich], sheets))).toEqual([{ code: 'alliance-without-package', source: 'E04.sheet.json' }]);
  });

  it('refuses a sheet of another year or rubric than the packages', () => {
    const sheets = [
      ...panel([2.5, 2]),
      verified(expert(2), [{ package: on(rich) }, { package: on(small), decisions: smallDecisions(1) }], { year: 2025 }),
      verified(expert(3), [{ package: on(rich) }], { rubric: 'hefei-2019' }),
    ];
    expect(codes(mergeSheets(hefei, [small, rich], sheets))).toEqual([
      { code: 'year-mismatch', source: 'E03.sheet.json' },
      { code: 'rubric-mismatch', source: 'E04.sheet.json' },
      { code: 'rubric-mismatch', source: 'E04.sheet.json' },
    ]);
  });

  it('refuses a package no sheet reviews', () => {
    const lonely = pkg('HFA-009', smallClaims, '9');
    expect(codes(mergeSheets(hefei, [small, rich, lonely], panel([2.5, 2, 1.5])))).toEqual([
      { code: 'alliance-not-reviewed', source: 'HFA-009.zip' },
    ]);
  });

  it('refuses packages of different years', () => {
    const old = pkg('HFA-009', smallClaims, '9', { year: 2025 });
    expect(codes(mergeSheets(hefei, [small, rich, old], panel([2.5, 2, 1.5]))).map((p) => p.code)).toContain('packages-mixed');
  });

  it('refuses a previous result that is not of the year before', () => {
    const previous = { ...ok(mergeSheets(hefei, [small, rich], panel([2.5, 2, 1.5]))), year: 2024 };
    expect(codes(mergeSheets(hefei, [small, rich], panel([2.5, 2, 1.5]), { previous: gradesOf(previous, 'r.json') }))).toEqual([
      { code: 'previous-invalid', source: 'r.json' },
    ]);
  });

  it('refuses nothing to merge', () => {
    expect(codes(mergeSheets(hefei, [], []))).toEqual([{ code: 'no-packages', source: null }]);
  });
});
