import { describe, expect, it } from 'vitest';
import { checkDecision, checkOverride } from '../../../shared/review/check-decision.ts';
import type { StoredDecision } from '../../../shared/review/stored-review.ts';
import { decisionKey, decisionsNeeded, reviewFromStored, splitDecisionKey } from '../../../shared/review/stored-review.ts';
import type { Claims } from '../../../shared/rubric/types.ts';
import { hefei } from '../rubric/fixtures.ts';

const claims: Claims = {
  'I1.office': { claimed: true, evidence: [] },
  'I1.council': { claimed: false, evidence: [] },
  'I4.techContracts': {
    items: [
      { id: 'tc-1', title: 'a', evidence: [] },
      { id: 'tc-2', title: 'b', evidence: [] },
      { id: 'tc-3', title: 'c', evidence: [] },
    ],
  },
};

describe('decision keys', () => {
  it.each([
    ['I1.office', null, 'I1.office'],
    ['I4.techContracts', 'tc-1', 'I4.techContracts#tc-1'],
    ['I4.techContracts', 'a#b', 'I4.techContracts#a#b'],
  ])('%s / %s ⇄ %s', (criterionId, itemId, key) => {
    expect(decisionKey(criterionId, itemId)).toBe(key);
    expect(splitDecisionKey(key)).toEqual({ criterionId, itemId });
  });
});

describe('reviewFromStored', () => {
  it('builds the sheet decisions: accepted ids in claim order, rejections with reasons, values as numbers', () => {
    const stored: StoredDecision[] = [
      { criterionId: 'I4.techContracts', itemId: 'tc-3', decision: { accept: true } },
      { criterionId: 'I4.techContracts', itemId: 'tc-1', decision: { accept: true } },
      { criterionId: 'I4.techContracts', itemId: 'tc-2', decision: { accept: false, reason: '未登记' } },
      { criterionId: 'I1.office', itemId: null, decision: { accept: false, reason: '无照片' } },
      { criterionId: 'I10.status', itemId: null, decision: { value: '2.3' } },
    ];
    const review = reviewFromStored(hefei, claims, stored, [{ indicatorId: 'I2', score: '3.25', reason: '缺总结' }]);
    expect(review).toEqual({
      decisions: {
        'I1.office': { accept: false, reason: '无照片' },
        'I4.techContracts': { accepted: ['tc-1', 'tc-3'], rejected: { 'tc-2': '未登记' } },
        'I10.status': { value: 2.3 },
      },
      overrides: { I2: { score: 3.25, reason: '缺总结' } },
    });
  });

  it('leaves out a list criterion with no item decided, and items no longer claimed', () => {
    const review = reviewFromStored(hefei, claims, [{ criterionId: 'I4.techContracts', itemId: 'gone', decision: { accept: true } }], []);
    expect(review.decisions).toEqual({});
  });

  it('counts the decisions a package needs: claimed flags, claimed items and every judged criterion', () => {
    expect(decisionsNeeded(hefei, claims)).toBe(1 + 3 + 4);
    expect(decisionsNeeded(hefei, {})).toBe(4);
  });
});

describe('checkDecision and checkOverride', () => {
  it.each([
    ['I10.status', null, { value: 2.5 }, null],
    ['I10.status', null, { value: 0 }, null],
    ['I10.status', null, { value: 2.51 }, /0 到 2.5/],
    ['I10.status', null, { value: 0.15 }, /一位小数/],
    ['I10.status', null, { accept: true }, /分值/],
    ['I1.office', null, { accept: true }, null],
    ['I1.office', null, null, null],
    ['I1.council', null, { accept: true }, /没有申报/],
    ['I1.council', null, null, null],
    ['I4.techContracts', 'tc-2', { accept: false, reason: 'x' }, null],
    ['I4.techContracts', 'tc-4', { accept: true }, /tc-4/],
    ['I4.techContracts', null, { accept: true }, /逐条/],
    ['I1.office', 'x', { accept: true }, /没有条目/],
    ['I9.nothing', null, { accept: true }, /没有评分项/],
  ] as const)('%s %s %j → %s', (criterionId, itemId, change, expected) => {
    const message = checkDecision(hefei, claims, criterionId, itemId, change);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
  });

  it.each([
    ['I2', 5, null],
    ['I2', 0, null],
    ['I2', 5.01, /上限 5/],
    ['I2', -1, /小于 0/],
    ['B1', 40, null],
    ['I2', 2.125, /两位小数/],
    ['I99', 1, /没有指标/],
  ] as const)('override %s = %s → %s', (indicatorId, score, expected) => {
    const message = checkOverride(hefei, indicatorId, score);
    if (expected === null) expect(message).toBeNull();
    else expect(message).toMatch(expected);
  });
});
