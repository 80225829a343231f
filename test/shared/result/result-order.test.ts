import { describe, expect, it } from 'vitest';
import { compareIds, gradedFirst } from '../../../shared/result/result-order.ts';

describe('compareIds', () => {
  it.each([
    ['E01', 'E02', -1],
    ['E10', 'E02', 1],
    ['E01', 'e01', -1],
    ['HFA-002', 'HFA-012', -1],
    ['HFA-012', 'HFA-012', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
  });
});

describe('gradedFirst', () => {
  it('lists alliances every expert recused after the graded ones, each part in id order', () => {
    const listed = gradedFirst([
      { allianceId: 'HFA-001', total: null },
      { allianceId: 'HFA-003', total: 70 },
      { allianceId: 'HFA-002', total: 91 },
      { allianceId: 'HFA-000', total: null },
    ]);
    expect(listed.map((a) => a.allianceId)).toEqual(['HFA-002', 'HFA-003', 'HFA-000', 'HFA-001']);
  });

  it('leaves the input as it was', () => {
    const input = [{ allianceId: 'B', total: null }, { allianceId: 'A', total: 1 }];
    gradedFirst(input);
    expect(input.map((a) => a.allianceId)).toEqual(['B', 'A']);
  });
});
