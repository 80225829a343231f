/**
 * Consequences of a grade (rubric.md decision 12).
 *
 * - 优秀 → eligible for an award (`award`).
 * - 不合格 → 限期整改 (`rectify`); 不合格 this year and the previous year → 取消市级联盟资格
 *   (`disqualify`).
 * - 合格, or no grade (every expert recused) → none.
 */
import { assertNever } from '../rubric/assert-never.ts';
import type { Grade } from '../rubric/types.ts';
import type { Consequence } from './types.ts';

/** `previousGrade`: last year's grade of the same alliance, null when it had none. */
export function consequenceOf(grade: Grade | null, previousGrade: Grade | null): Consequence {
  if (grade === null) return null;
  switch (grade) {
    case 'excellent':
      return 'award';
    case 'pass':
      return null;
    case 'fail':
      return previousGrade === 'fail' ? 'disqualify' : 'rectify';
    default:
      return assertNever(grade);
  }
}

export const CONSEQUENCE_LABELS: Readonly<Record<Exclude<Consequence, null>, string>> = {
  award: '给予资金奖励',
  rectify: '限期整改',
  disqualify: '取消市级联盟资格',
};
