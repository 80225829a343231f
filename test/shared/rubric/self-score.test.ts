import { describe, expect, it } from 'vitest';

import { reviewScoreToJson } from '../../../shared/rubric/score-json.ts';
import {
  criteriaClaimedOutsideKind,
  isMeantFor,
  overCapIndicators,
  selfDecisions,
  selfScore,
} from '../../../shared/rubric/self-score.ts';
import { indexRubric } from '../../../shared/rubric/rubric-index.ts';
import type { Claims } from '../../../shared/rubric/types.ts';
import { flagClaim, hefei, judgedClaim, listClaim, madeUp, tierClaim, workedExample } from './fixtures.ts';

describe('selfScore', () => {
  it('gives the worked example 90.5, 优秀, with nothing undecided', () => {
    const result = selfScore(hefei, workedExample.claims);
    expect(result.total.toFixed()).toBe('90.5');
    expect(result.grade).toBe('excellent');
    expect(result.undecided).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('prints the self-score JSON fields', () => {
    const json = reviewScoreToJson(selfScore(hefei, workedExample.claims));
    expect(json).toMatchObject({ groups: { system: 22, tasks: 60, bonus: 8.5 }, total: 90.5, grade: 'excellent' });
    expect(json.criteria['I8.inventionPatents']).toBe(2);
    expect(json.indicators['I4']).toBe(10);
  });

  it('takes judged criteria at the claimed value, 0 where absent', () => {
    const claims: Claims = { 'I10.status': judgedClaim(2.5), 'I10.problems': judgedClaim() };
    const result = selfScore(hefei, claims);
    expect(result.criteria['I10.status']?.toFixed()).toBe('2.5');
    expect(result.criteria['I10.problems']?.toFixed()).toBe('0');
    expect(result.criteria['I10.measures']?.toFixed()).toBe('0');
    expect(result.total.toFixed()).toBe('2.5');
    expect(result.grade).toBe('fail');
  });

  it('accepts flags claimed true only', () => {
    const claims: Claims = { 'I1.office': flagClaim(true), 'I1.council': flagClaim(false) };
    expect(selfDecisions(hefei, claims)).toMatchObject({ 'I1.office': { accept: true } });
    expect(selfDecisions(hefei, claims)['I1.council']).toBeUndefined();
    expect(selfScore(hefei, claims).total.toFixed()).toBe('2');
  });

  it('reports a claimed judged value out of range instead of scoring it', () => {
    const result = selfScore(hefei, { 'I10.status': judgedClaim(3) });
    expect(result.criteria['I10.status']?.toFixed()).toBe('0');
    expect(result.problems).toEqual([{ kind: 'value-out-of-range', criterionId: 'I10.status', value: 3, max: 2.5 }]);
  });

  it('reports duplicate claimed item ids once and counts the item once', () => {
    const claims = { 'I4.techContracts': { items: [...listClaim('tc', 2).items, ...listClaim('tc', 1).items] } };
    const result = selfScore(hefei, claims);
    expect(result.problems).toEqual([{ kind: 'duplicate-claim-item', criterionId: 'I4.techContracts', itemId: 'tc-1' }]);
    expect(result.criteria['I4.techContracts']?.toFixed()).toBe('2');
  });

  it('scores the made-up rubric from its own data', () => {
    const result = selfScore(madeUp, { 'K1.members': listClaim('m', 3), 'X1.investments': tierClaim('x', [99]) });
    expect(result.total.toFixed()).toBe('2.5');
  });
});

describe('overCapIndicators', () => {
  it('lists indicators whose claims add up past the cap, with the sum before the cap', () => {
    const claims: Claims = {
      'I4.techContracts': listClaim('tc', 11),
      'I6.international': listClaim('i', 10),
      'I11.bureauEvents': listClaim('b', 9),
      'B1.hostedEvents': listClaim('h', 30),
    };
    const over = overCapIndicators(hefei, selfScore(hefei, claims));
    expect(over.map((o) => [o.indicatorId, o.criteriaSum.toFixed(), o.cap])).toEqual([['I4', '11', 10]]);
  });
});

describe('kind-specific criteria (decision 5)', () => {
  const criterion = (id: string) => {
    const found = indexRubric(hefei).criteria.get(id)?.criterion;
    if (found === undefined) throw new Error(id);
    return found;
  };

  it.each([
    ['I7.services', 'general', true],
    ['I7.nationalIncubators', 'incubator', true],
    ['I7.nationalIncubators', 'general', false],
    ['I7.nationalIncubators', 'finance', false],
    ['I7.listings', 'finance', true],
    ['I7.financialProducts', 'incubator', false],
  ] as const)('%s is meant for %s: %s', (id, kind, meant) => {
    expect(isMeantFor(criterion(id), kind)).toBe(meant);
  });

  it('finds kind-specific claims made by another kind, ignoring empty ones', () => {
    const claims: Claims = {
      'I7.nationalIncubators': listClaim('n', 1),
      'I7.provincialIncubators': listClaim('p', 0),
      'I7.listings': listClaim('l', 2),
      'I7.services': listClaim('s', 2),
    };
    expect(criteriaClaimedOutsideKind(hefei, claims, 'general').map((c) => c.id)).toEqual(['I7.nationalIncubators', 'I7.listings']);
    expect(criteriaClaimedOutsideKind(hefei, claims, 'incubator').map((c) => c.id)).toEqual(['I7.listings']);
    expect(criteriaClaimedOutsideKind(hefei, claims, 'finance').map((c) => c.id)).toEqual(['I7.nationalIncubators']);
  });
});
