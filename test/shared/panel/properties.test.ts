/**
 * Property tests of panel aggregation against an independent oracle in integer cents (BigInt):
 * random panels from a seeded PRNG, so a failure names its seed and replays.
 */
import { describe, expect, it } from 'vitest';

import { aggregatePanel } from '../../../shared/panel/aggregate-panel.ts';
import { buildAllianceResults } from '../../../shared/panel/alliance-results.ts';
import type { PanelExpert, PanelMethod } from '../../../shared/panel/types.ts';
import { hefei, randomInt, seededRandom } from '../rubric/fixtures.ts';
import { recused, scoring } from './panel-fixtures.ts';

/** round-half-up(sum / n) in cents, for non-negative sums. */
function meanCents(cents: readonly bigint[]): bigint {
  const n = BigInt(cents.length);
  const sum = cents.reduce((a, b) => a + b, 0n);
  return (2n * sum + n) / (2n * n);
}

function oracleCents(cents: readonly bigint[], method: PanelMethod): bigint {
  if (method === 'trimmed' && cents.length >= 5) {
    const sorted = [...cents].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return meanCents(sorted.slice(1, -1));
  }
  return meanCents(cents);
}

const SEEDS = Array.from({ length: 500 }, (_, i) => i + 1);

describe('every random panel', () => {
  it.each(SEEDS)('seed %i: total, grade and deviation flags match the integer oracle', (seed) => {
    const random = seededRandom(seed);
    const method: PanelMethod = random() < 0.5 ? 'mean' : 'trimmed';
    const threshold = randomInt(random, 20);
    const count = randomInt(random, 7);
    const experts: PanelExpert[] = [];
    const cents: bigint[] = [];
    for (let i = 0; i < count; i++) {
      const id = `E${i}`;
      if (random() < 0.15) {
        experts.push(recused(id));
        continue;
      }
      // Totals near the grade boundaries more often than not; at most two decimals.
      const total = random() < 0.5 ? 8950 + randomInt(random, 100) : randomInt(random, 12000);
      const i1 = Math.min(randomInt(random, 700), total);
      experts.push(scoring(id, { I1: i1 / 100, B1: (total - i1) / 100 }));
      cents.push(BigInt(total));
    }

    const panel = aggregatePanel(hefei, experts, { method, deviationThreshold: threshold });
    const [result] = buildAllianceResults(hefei, [{ allianceId: 'A', name: 'A', packageDigest: 'd', claims: {}, experts }], {
      method,
      deviationThreshold: threshold,
    });

    if (cents.length === 0) {
      expect(panel.total).toBeNull();
      expect(result?.total).toBeNull();
      expect(result?.grade).toBeNull();
      return;
    }
    const expectedCents = oracleCents(cents, method);
    expect(panel.total?.times(100).toFixed()).toBe(expectedCents.toString());
    expect(result?.total).toBe(Number(expectedCents) / 100);

    // The grade is the grade of the printed total.
    const printed = result?.total ?? Number.NaN;
    expect(result?.grade).toBe(printed >= 90 ? 'excellent' : printed >= 60 ? 'pass' : 'fail');
    expect(String(printed)).toMatch(/^\d+(\.\d{1,2})?$/);

    // Deviation: |n·t − Σ| > n·threshold, in cents.
    const n = BigInt(cents.length);
    const sum = cents.reduce((a, b) => a + b, 0n);
    const scoringIds = experts.filter((e) => !e.recused).map((e) => e.expertId);
    const deviating = scoringIds.filter((_, i) => {
      const gap = (cents[i] ?? 0n) * n - sum;
      return (gap < 0n ? -gap : gap) > n * BigInt(threshold * 100);
    });
    expect(panel.flags.filter((f) => f.kind === 'deviation').map((f) => f.expert)).toEqual(deviating);

    expect(panel.flags.some((f) => f.kind === 'quorum')).toBe(cents.length < 3);
    expect(panel.flags.some((f) => f.kind === 'trimmed-not-applied')).toBe(method === 'trimmed' && cents.length < 5);
  });
});
