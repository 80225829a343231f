import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeRequestIssues, fieldLabel } from '../../../shared/api/request-issues.ts';
import { contract } from '../../../shared/api/contract.ts';
import { chineseZodLocale } from '../../../shared/api/zod-messages.ts';

z.config(chineseZodLocale);

describe('a refused request in the words of the screen', () => {
  it.each([
    [['actor'], '操作人'],
    [['budgetYuan'], '奖励预算'],
    [['experts', 2, 'id'], '专家名单第 3 行的编号'],
    [['experts', 0, 'name'], '专家名单第 1 行的名称'],
    [['packageIds', 4], '材料包第 5 项'],
    [['sqlInjection'], null],
    [[], null],
  ] as const)('%j → %s', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });

  it('names roster line 3, not experts.2.id, and the budget, not budgetYuan, and says what to do', () => {
    const parsed = contract['meeting-roster-save'].request.safeParse({
      meetingId: 1,
      actor: '王秘书',
      experts: [
        { id: 'E01', name: '王明' },
        { id: 'E02', name: '刘洋' },
        { id: 'E 03', name: '' },
      ],
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const message = describeRequestIssues(parsed.error.issues);
    expect(message).toBe('专家名单第 3 行的编号：专家编号只能用字母、数字、- 和 _（1–64 个）；专家名单第 3 行的名称：专家姓名不能为空。请改正后再试。');
    expect(message).not.toMatch(/experts|\bid\b|\.2\./);
  });

  it('does not repeat a field a message already names', () => {
    const parsed = contract['meeting-settings-save'].request.safeParse({
      meetingId: 1,
      actor: ' ',
      rubricId: 'hefei-2017',
      method: 'mean',
      deviationThreshold: '10',
      budgetYuan: '一百万',
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(describeRequestIssues(parsed.error.issues)).toBe(
      '请先在页面顶部填写操作人姓名；奖励预算：请写成元数，如 1000000、1,000,000 或 100万（最多两位小数）。请改正后再试。',
    );
  });

  it.each([
    ['1,000,000', '1000000'],
    ['1，000，000', '1000000'],
    ['５０００００', '500000'],
    ['２．５', '2.5'],
    [' 7.5 ', '7.5'],
  ])('accepts an amount typed as %s (→ %s)', (typed, stored) => {
    const parsed = contract['meeting-settings-save'].request.safeParse({
      meetingId: 1,
      actor: '王秘书',
      rubricId: 'hefei-2017',
      method: 'mean',
      deviationThreshold: '10',
      budgetYuan: typed,
    });
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.budgetYuan).toBe(stored);
  });

  it('still refuses a separator in the wrong place', () => {
    const parsed = contract['meeting-settings-save'].request.safeParse({
      meetingId: 1,
      actor: '王秘书',
      rubricId: 'hefei-2017',
      method: 'mean',
      deviationThreshold: '10',
      budgetYuan: '10,00',
    });
    expect(parsed.success).toBe(false);
  });
});
