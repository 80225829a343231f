import { describe, expect, it } from 'vitest';

import type { SheetPackage } from '../../../shared/sheet/check-sheet-against-packages.ts';
import { checkSheetAgainstPackages } from '../../../shared/sheet/check-sheet-against-packages.ts';
import type { SheetReview, UnsignedSheet } from '../../../shared/sheet/sheet-schema.ts';
import { hefei } from '../rubric/fixtures.ts';
import { smallClaims, smallDecisions } from '../result/merge-fixtures.ts';

const small: SheetPackage = {
  digest: 'b'.repeat(64),
  year: 2026,
  rubricId: 'hefei-2017',
  allianceId: 'HFA-002',
  allianceName: '新材料联盟',
  claims: smallClaims,
};

function sheet(...reviews: SheetReview[]): UnsignedSheet {
  return {
    format: 'alliance-review/sheet',
    version: 1,
    year: 2026,
    rubric: 'hefei-2017',
    expert: { id: 'E01', name: '王明' },
    signedAt: '2027-01-20T09:30:00+08:00',
    reviews,
  };
}

const review = (decisions: SheetReview['decisions'], extra: Partial<SheetReview> = {}): SheetReview => ({
  allianceId: 'HFA-002',
  packageDigest: small.digest,
  recused: false,
  decisions,
  ...extra,
});

const check = (s: UnsignedSheet) => checkSheetAgainstPackages(s, [small], hefei).map((p) => [p.code, p.path]);

describe('checkSheetAgainstPackages', () => {
  it('passes a complete review', () => {
    expect(check(sheet(review(smallDecisions(2))))).toEqual([]);
  });

  it('passes a recusal, which decides nothing', () => {
    expect(check(sheet(review(undefined, { recused: true, comment: '回避' })))).toEqual([]);
  });

  it('needs no decision for unclaimed flags and absent lists', () => {
    const decisions = smallDecisions(2);
    expect(Object.keys(decisions)).not.toContain('I3.policy');
    expect(check(sheet(review(decisions)))).toEqual([]);
  });

  it.each<[string, SheetReview['decisions'], string[][]]>([
    [
      'an undecided claimed flag',
      Object.fromEntries(Object.entries(smallDecisions(2)).filter(([id]) => id !== 'I2.plans')),
      [['review-incomplete', 'reviews[0].decisions.I2.plans']],
    ],
    [
      'a judged criterion without a value',
      Object.fromEntries(Object.entries(smallDecisions(2)).filter(([id]) => id !== 'I10.outcomes')),
      [['review-incomplete', 'reviews[0].decisions.I10.outcomes']],
    ],
    [
      'a claimed item neither accepted nor rejected',
      { ...smallDecisions(2), 'I4.techContracts': { accepted: ['tc-1', 'tc-2'], rejected: {} } },
      [['review-incomplete', 'reviews[0].decisions.I4.techContracts']],
    ],
    [
      'an item both accepted and rejected',
      { ...smallDecisions(2), 'I4.techContracts': { accepted: ['tc-1', 'tc-2', 'tc-3'], rejected: { 'tc-3': '重复' } } },
      [['review-invalid', 'reviews[0].decisions.I4.techContracts']],
    ],
    [
      'an accepted flag the package does not claim',
      { ...smallDecisions(2), 'I3.audit': { accept: true } },
      [['review-invalid', 'reviews[0].decisions.I3.audit']],
    ],
    [
      'a judged value out of range',
      { ...smallDecisions(2), 'I10.status': { value: 3 } },
      [['review-invalid', 'reviews[0].decisions.I10.status']],
    ],
    [
      'a decision of the wrong shape for its criterion',
      { ...smallDecisions(2), 'I2.plans': { value: 5 } },
      [
        ['review-incomplete', 'reviews[0].decisions.I2.plans'],
        ['review-invalid', 'reviews[0].decisions.I2.plans'],
      ],
    ],
    [
      'a criterion the rubric does not have',
      { ...smallDecisions(2), 'I99.x': { accept: true } },
      [['review-invalid', 'reviews[0].decisions.I99.x']],
    ],
  ])('reports %s', (_name, decisions, expected) => {
    expect(check(sheet(review(decisions)))).toEqual(expected);
  });

  it('reports an override above the indicator cap, under overrides', () => {
    expect(check(sheet(review(smallDecisions(2), { overrides: { I2: { score: 6, reason: '加分' } } })))).toEqual([
      ['review-invalid', 'reviews[0].overrides.I2'],
    ]);
  });

  it('names the alliance in every message', () => {
    const problems = checkSheetAgainstPackages(sheet(review({})), [small], hefei);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.message.startsWith('联盟 HFA-002：')).toBe(true);
  });

  it('reports the rubric of the sheet when it is not the one in use', () => {
    expect(check({ ...sheet(review(smallDecisions(2))), rubric: 'hefei-2019' })).toEqual([
      ['rubric-mismatch', 'rubric'],
      ['rubric-mismatch', 'reviews[0]'],
    ]);
  });
});
