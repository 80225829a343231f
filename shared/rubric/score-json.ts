/**
 * Score JSON: a review score as the plain numbers the self-score output prints
 * (`{ criteria: {id: score}, indicators: {id: score}, groups: {…}, total, grade }`).
 *
 * - JSON number: at most two decimals, printed exactly (shared/decimal/print-score.ts).
 */
import type { Decimal } from '../decimal/decimal.ts';
import { toJsonNumber } from '../decimal/print-score.ts';
import type { ReviewScore } from './score-review.ts';
import type { Grade } from './types.ts';

export interface ReviewScoreJson {
  readonly criteria: Record<string, number>;
  readonly indicators: Record<string, number>;
  readonly groups: Record<string, number>;
  readonly total: number;
  readonly grade: Grade;
}

export function reviewScoreToJson(score: ReviewScore): ReviewScoreJson {
  return {
    criteria: mapNumbers(score.criteria, (value) => value),
    indicators: mapNumbers(score.indicators, (indicator) => indicator.score),
    groups: mapNumbers(score.groups, (value) => value),
    total: toJsonNumber(score.total),
    grade: score.grade,
  };
}

function mapNumbers<T>(record: Readonly<Record<string, T>>, pick: (value: T) => Decimal): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(record)) result[key] = toJsonNumber(pick(value));
  return result;
}
