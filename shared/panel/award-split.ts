/**
 * Award split (rubric.md decision 12): 对考核结果为优秀的联盟给予每家不超过20万元的资金奖励，
 * 奖励总额按资金总量控制.
 *
 * - budget: the year's award money, in yuan.
 * - award: what one excellent alliance gets: min(cap, floor(budget / n)) whole yuan, n the number
 *   of excellent alliances, so the awards never add up to more than the budget.
 */
import { dec, minOf } from '../decimal/decimal.ts';

/** Alliance id → award in whole yuan, for every excellent alliance (each id counted once). */
export function splitAwards(
  budgetYuan: number,
  excellentAllianceIds: readonly string[],
  capYuan: number,
): Record<string, number> {
  if (!Number.isFinite(budgetYuan) || budgetYuan < 0) {
    throw new RangeError(`budget must be a non-negative number of yuan, got ${String(budgetYuan)}`);
  }
  if (!Number.isSafeInteger(capYuan) || capYuan < 0) {
    throw new RangeError(`award cap must be a non-negative whole number of yuan, got ${String(capYuan)}`);
  }
  const ids = [...new Set(excellentAllianceIds)];
  const awards: Record<string, number> = {};
  if (ids.length === 0) return awards;
  const share = minOf(dec(capYuan), dec(budgetYuan).dividedToIntegerBy(ids.length));
  const yuan = Number(share.toFixed(0));
  for (const id of ids) awards[id] = yuan;
  return awards;
}
