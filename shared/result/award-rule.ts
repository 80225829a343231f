/**
 * Award rule, in words (rubric.md decision 12): how the year's budget was split among the
 * excellent alliances, so the chair and the bureau see the arithmetic behind each award:
 * min(cap, ⌊budget ÷ n⌋) whole yuan each. The numbers come from `splitAwards`; this only says
 * what it did.
 */
import { dec } from '../decimal/decimal.ts';
import { splitAwards } from '../panel/award-split.ts';

function yuan(value: number): string {
  return `${value.toLocaleString('en-US')} 元`;
}

export function awardRuleText(budgetYuan: number, excellentCount: number, capYuan: number): string {
  const budget = `奖励预算 ${yuan(budgetYuan)}`;
  if (excellentCount === 0) return `${budget}；没有优秀联盟，不发放奖励。`;
  const ids = Array.from({ length: excellentCount }, (_, i) => String(i));
  const each = splitAwards(budgetYuan, ids, capYuan)['0'] ?? 0;
  const share = Number(dec(budgetYuan).dividedToIntegerBy(excellentCount).toFixed(0));
  const division = `${yuan(budgetYuan)} ÷ ${excellentCount} 家 = ${yuan(share)}（取整到元）`;
  const capped = share > capYuan ? `，超过每家上限 ${yuan(capYuan)}，按上限发放` : `，不超过每家上限 ${yuan(capYuan)}`;
  return `${budget}，优秀联盟 ${excellentCount} 家：${division}${capped}；每家奖励 ${yuan(each)}，合计 ${yuan(each * excellentCount)}（规则：每家 min(${yuan(capYuan)}, ⌊预算 ÷ 优秀家数⌋)，总额不超过预算，评分细则决定 12）。`;
}
