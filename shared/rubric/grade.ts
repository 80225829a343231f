/**
 * Grade: 优秀 / 合格 / 不合格 from a total.
 *
 * Thresholds include their own number (以上 includes 本数, Civil Code art. 1259; decision 1),
 * so exactly 90 is `excellent` and exactly 60 is `pass`. The total given must already be the
 * printed (rounded) total: the grade always matches what people read (decision 9).
 */
import type { Decimal } from '../decimal/decimal.ts';
import { dec } from '../decimal/decimal.ts';
import type { Grade, Rubric } from './types.ts';

export function gradeOf(rubric: Rubric, printedTotal: Decimal): Grade {
  if (printedTotal.greaterThanOrEqualTo(dec(rubric.grades.excellent))) return 'excellent';
  if (printedTotal.greaterThanOrEqualTo(dec(rubric.grades.pass))) return 'pass';
  return 'fail';
}

export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
};
