/**
 * Property tests: random claims, decisions and overrides (from a seeded PRNG, so a failure
 * names its seed and replays) against invariants that must hold for every review.
 */
import { describe, expect, it } from 'vitest';

import { dec, sumOf } from '../../../shared/decimal/decimal.ts';
import { toJsonNumber } from '../../../shared/decimal/print-score.ts';
import { reviewScoreToJson } from '../../../shared/rubric/score-json.ts';
import { scoreReview } from '../../../shared/rubric/score-review.ts';
import type { Claim, Decision, Override, Rubric } from '../../../shared/rubric/types.ts';
import { hefei, madeUp, randomInt, seededRandom } from './fixtures.ts';

// Amounts around every tier boundary of both rubrics, plus arbitrary ones.
const AMOUNTS = [0.01, 1, 99.99, 100, 999.99, 1000, 9999, 9999.99, 10000, 10000.01, 49999, 49999.99, 50000, 123456.78];

function randomReview(rubric: Rubric, random: () => number) {
  const claims: Record<string, Claim> = {};
  const decisions: Record<string, Decision> = {};
  const overrides: Record<string, Override> = {};
  const pick = <T>(values: readonly T[]): T => values[randomInt(random, values.length - 1)] as T;

  for (const group of rubric.groups) {
    for (const indicator of group.indicators) {
      for (const criterion of indicator.criteria) {
        switch (criterion.kind) {
          case 'flag': {
            const claimed = random() < 0.7;
            claims[criterion.id] = { claimed, evidence: [] };
            if (claimed) decisions[criterion.id] = random() < 0.8 ? { accept: true } : { accept: false, reason: '材料不足' };
            break;
          }
          case 'judged': {
            const tenths = randomInt(random, Math.round(criterion.max * 10));
            decisions[criterion.id] = { value: tenths / 10 };
            break;
          }
          default: {
            const count = randomInt(random, 14);
            const items = Array.from({ length: count }, (_, i) => ({
              id: `${criterion.id}-${i}`,
              title: 'x',
              evidence: [],
              ...(criterion.kind === 'tier' ? { amountWan: random() < 0.7 ? pick(AMOUNTS) : randomInt(random, 9_000_000) / 100 + 0.01 } : {}),
            }));
            claims[criterion.id] = { items };
            const accepted: string[] = [];
            const rejected: Record<string, string> = {};
            for (const item of items) {
              if (random() < 0.75) accepted.push(item.id);
              else rejected[item.id] = '不予认定';
            }
            decisions[criterion.id] = { accepted, rejected };
          }
        }
      }
      if (random() < 0.15) {
        const max = indicator.cap ?? 60;
        overrides[indicator.id] = { score: randomInt(random, max * 100) / 100, reason: '改判' };
      }
    }
  }
  return { claims, decisions, overrides };
}

const SEEDS = Array.from({ length: 400 }, (_, i) => i + 1);

describe.each([
  ['hefei-2017', hefei],
  ['made-up', madeUp],
] as const)('every random complete review of %s', (_name, rubric) => {
  it.each(SEEDS)('seed %i: parts add up, caps hold, the grade matches the printed total', (seed) => {
    const { claims, decisions, overrides } = randomReview(rubric, seededRandom(seed));
    const result = scoreReview(rubric, claims, { decisions, overrides });

    expect(result.problems).toEqual([]);
    expect(result.undecided).toEqual([]);

    // The total is the sum of its groups, and of its indicators; each group of its indicators.
    const indicatorScores = Object.values(result.indicators).map((i) => i.score);
    expect(result.total.equals(sumOf(Object.values(result.groups)))).toBe(true);
    expect(result.total.equals(sumOf(indicatorScores))).toBe(true);
    for (const group of rubric.groups) {
      const groupSum = sumOf(group.indicators.map((i) => result.indicators[i.id]?.score ?? dec(-1)));
      expect(result.groups[group.id]?.equals(groupSum)).toBe(true);
      if (group.cap !== null) expect(groupSum.lessThanOrEqualTo(group.cap)).toBe(true);
      for (const indicator of group.indicators) {
        const score = result.indicators[indicator.id];
        const criteriaSum = sumOf(indicator.criteria.map((c) => result.criteria[c.id] ?? dec(-1)));
        expect(score?.criteriaSum.equals(criteriaSum)).toBe(true);
        if (indicator.cap !== null) expect(score?.score.lessThanOrEqualTo(indicator.cap)).toBe(true);
        const override = overrides[indicator.id];
        if (override === undefined) {
          const capped = indicator.cap === null || criteriaSum.lessThan(indicator.cap) ? criteriaSum : dec(indicator.cap);
          expect(score?.score.equals(capped)).toBe(true);
        } else {
          expect(score?.score.equals(dec(override.score))).toBe(true);
        }
      }
    }

    // The printed total has at most two decimals, prints exactly, and its grade is the grade.
    const json = reviewScoreToJson(result);
    expect(String(json.total)).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(json.total).toBe(toJsonNumber(result.total));
    const expected = json.total >= rubric.grades.excellent ? 'excellent' : json.total >= rubric.grades.pass ? 'pass' : 'fail';
    expect(result.grade).toBe(expected);
    // Printing is consistent too: the JSON numbers of the indicators add up to the JSON total.
    expect(sumOf(Object.values(json.indicators).map((v) => dec(v))).equals(dec(json.total))).toBe(true);
  });
});
