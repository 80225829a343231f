import { describe, expect, it } from 'vitest';

import {
  bandScore,
  flagScore,
  perItemScore,
  perPairScore,
  tierPoints,
  tierScore,
} from '../../../shared/rubric/criterion-score.ts';
import { indexRubric } from '../../../shared/rubric/rubric-index.ts';
import type { Criterion, Rubric } from '../../../shared/rubric/types.ts';
import { hefei, madeUp } from './fixtures.ts';

function criterion<K extends Criterion['kind']>(rubric: Rubric, id: string, kind: K): Extract<Criterion, { kind: K }> {
  const found = indexRubric(rubric).criteria.get(id)?.criterion;
  if (found?.kind !== kind) throw new Error(`${id} is not a ${kind}`);
  return found as Extract<Criterion, { kind: K }>;
}

describe('flag', () => {
  it.each([
    ['I1.office', true, '2'],
    ['I1.office', false, '0'],
    ['I3.audit', true, '6'],
    ['I11.monthlyReports', true, '2'],
  ] as const)('%s accepted=%s gives %s', (id, accepted, score) => {
    expect(flagScore(criterion(hefei, id, 'flag'), accepted).toFixed()).toBe(score);
  });
});

describe('perItem', () => {
  it.each([
    ['I4.techContracts', 0, '0'],
    ['I4.techContracts', 7, '7'],
    ['I4.techContracts', 12, '12'], // the indicator cap applies later, not here
    ['I5.breakthroughs', 3, '15'],
    ['I11.bureauEvents', 0, '0'],
    ['I11.bureauEvents', 2, '2'],
    ['I11.bureauEvents', 3, '3'],
    ['I11.bureauEvents', 4, '3'], // criterion cap 3 (最多3分)
    ['I11.bureauEvents', 10, '3'],
  ] as const)('%s with %i accepted gives %s', (id, count, score) => {
    expect(perItemScore(criterion(hefei, id, 'perItem'), count).toFixed()).toBe(score);
  });

  it.each([
    [11, '5.5'],
    [12, '6'],
    [13, '6'],
  ])('a made-up 0.5-point per-item capped at 6: %i items give %s', (count, score) => {
    expect(perItemScore(criterion(madeUp, 'K2.papers', 'perItem'), count).toFixed()).toBe(score);
  });
});

describe('perPair (decision 4)', () => {
  it.each([
    [0, '0'],
    [1, '0'],
    [2, '1'],
    [3, '1'],
    [4, '2'],
    [5, '2'], // not 2.5
    [6, '3'],
  ])('I8.inventionPatents with %i accepted gives %s', (count, score) => {
    expect(perPairScore(criterion(hefei, 'I8.inventionPatents', 'perPair'), count).toFixed()).toBe(score);
  });

  it.each([
    [3, '1.5'],
    [5, '3'],
  ])('a made-up 1.5-point pair: %i items give %s', (count, score) => {
    expect(perPairScore(criterion(madeUp, 'K2.patents', 'perPair'), count).toFixed()).toBe(score);
  });
});

describe('band', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [5, '1'],
    [6, '2'],
    [10, '2'],
    [11, '3'],
    [50, '3'],
  ])('I11.newMembers with %i new members gives %s', (count, score) => {
    expect(bandScore(criterion(hefei, 'I11.newMembers', 'band'), count).toFixed()).toBe(score);
  });

  it.each([
    [2, '0'],
    [3, '2'],
    [4, '2'],
    [5, '4.5'],
    [9, '4.5'],
    [10, '8'],
  ])('a made-up band starting at 3: %i gives %s', (count, score) => {
    expect(bandScore(criterion(madeUp, 'K1.members', 'band'), count).toFixed()).toBe(score);
  });
});

describe('tier (decision 2)', () => {
  it.each([
    [0.5, '1'],
    [1, '1'],
    [9999, '1'],
    [9999.99, '1'],
    [10000, '2.5'], // exactly 1亿 is in 1亿-5亿
    [10000.01, '2.5'],
    [49999, '2.5'],
    [49999.99, '2.5'],
    [50000, '5'], // 5个亿以上 includes 5亿
    [200000, '5'],
  ])('B2.majorProjects, one project of %d万 gives %s', (amount, points) => {
    expect(tierPoints(criterion(hefei, 'B2.majorProjects', 'tier'), amount).toFixed()).toBe(points);
  });

  it('sums the tier of each accepted item', () => {
    expect(tierScore(criterion(hefei, 'B2.majorProjects', 'tier'), [50000, 9999, 10000]).toFixed()).toBe('8.5');
    expect(tierScore(criterion(hefei, 'B2.majorProjects', 'tier'), []).toFixed()).toBe('0');
  });

  it.each([
    [99.99, '0.5'],
    [100, '1'],
    [1000, '3'],
    [10000, '7'],
  ])('a made-up four-tier ladder: %d万 gives %s', (amount, points) => {
    expect(tierPoints(criterion(madeUp, 'X1.investments', 'tier'), amount).toFixed()).toBe(points);
  });
});
