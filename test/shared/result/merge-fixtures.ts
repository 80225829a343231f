/**
 * Fixtures for merge tests: two alliances' packages (as the merge sees them, and as files for
 * CLI tests) and decisions built from a few numbers, so every expected total can be worked
 * out by hand:
 *
 * - `small`: flags I1 (2+2+3) and I2 (5), three tech contracts (3), I10 judged. An expert who
 *   accepts everything and gives each I10 criterion `v` scores 15 + 4v (v = 2.5 → 25).
 * - `rich`: the worked example of rubric.md; accepting everything scores 90.5 (优秀).
 */
import type { Claims, Decisions } from '../../../shared/rubric/types.ts';
import { workedExample } from '../rubric/fixtures.ts';

export const smallClaims: Claims = {
  'I1.office': { claimed: true, evidence: ['制度建设/办公室.jpg'] },
  'I1.council': { claimed: true, evidence: ['制度建设/理事会纪要.pdf'] },
  'I1.platform': { claimed: true, evidence: ['制度建设/网站截图.png'] },
  'I2.plans': { claimed: true, evidence: ['计划总结/年度计划.pdf'] },
  'I4.techContracts': {
    items: [
      { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: ['成果转化/技术合同1.pdf'] },
      { id: 'tc-2', title: '声学模型开发合同', date: '2026-07-01', evidence: ['成果转化/技术合同2.pdf'] },
      { id: 'tc-3', title: '技术服务合同', date: '2026-09-30', evidence: ['成果转化/技术合同3.pdf'] },
    ],
  },
  'I10.status': { evidence: ['白皮书.pdf'] },
};

export const richClaims: Claims = workedExample.claims;

const I10 = ['I10.status', 'I10.problems', 'I10.measures', 'I10.outcomes'] as const;
const SMALL_FLAGS = ['I1.office', 'I1.council', 'I1.platform', 'I2.plans'] as const;

/** Decisions on `small`: every flag accepted unless rejected, every contract accepted, I10 = v each. */
export function smallDecisions(v: number, reject: readonly string[] = []): Decisions {
  const decisions: Record<string, Decisions[string]> = {};
  for (const flag of SMALL_FLAGS) {
    decisions[flag] = reject.includes(flag) ? { accept: false, reason: '证明材料不足' } : { accept: true };
  }
  decisions['I4.techContracts'] = { accepted: ['tc-1', 'tc-2', 'tc-3'], rejected: {} };
  for (const id of I10) decisions[id] = { value: v };
  return decisions;
}
