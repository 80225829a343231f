import { describe, expect, it } from 'vitest';

import { rankAlliances } from '../../../electron/export/result-ranking.ts';
import type { AllianceResult } from '../../../shared/panel/types.ts';

function alliance(allianceId: string, total: number | null): AllianceResult {
  return {
    allianceId,
    name: allianceId,
    packageDigest: '0'.repeat(64),
    selfTotal: 0,
    experts: [],
    indicators: {},
    total,
    grade: total === null ? null : total >= 90 ? 'excellent' : total >= 60 ? 'pass' : 'fail',
    consequence: null,
    award: null,
    flags: [],
  };
}

describe('rankAlliances', () => {
  it('ranks by total, ties share a rank and the next skips, no total comes last unranked', () => {
    const ranked = rankAlliances([
      alliance('A', 80),
      alliance('B', 91),
      alliance('C', null),
      alliance('D', 80),
      alliance('E', 59.99),
    ]);
    expect(ranked.map(({ alliance: entry, rank }) => `${entry.allianceId}:${rank}`)).toEqual(['B:1', 'A:2', 'D:2', 'E:4', 'C:null']);
  });
});
