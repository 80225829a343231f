/** The award budget as people type it: exact yuan, or a message saying how to write it. */
import { describe, expect, it } from 'vitest';
import { meetingSetupChannels } from '../../../shared/api/meeting-setup-channels.ts';
import { parseYuanText, YUAN_HINT } from '../../../shared/meeting/yuan-text.ts';

describe('parseYuanText', () => {
  it.each([
    ['1000000', '1000000'],
    ['1,000,000', '1000000'],
    ['１，０００，０００', '1000000'],
    ['1，000，000 元', '1000000'],
    ['100万', '1000000'],
    ['100 万元', '1000000'],
    ['１００万', '1000000'],
    ['1.5万', '15000'],
    ['0.00015万', '1.5'],
    ['12.3456万', '123456'],
    ['999999999999', '999999999999'],
    ['500000.5', '500000.5'],
    ['0', '0'],
  ])('%s is %s yuan', (typed, yuan) => {
    expect(parseYuanText(typed)).toEqual({ ok: true, yuan });
  });

  it.each(['一百万', '-5', '1,00,000', '100万万', '1.234', '0.0000001万', '999999999999万', 'abc', '', '1e6'])('%s is refused with how to write it', (typed) => {
    expect(parseYuanText(typed)).toEqual({ ok: false, message: YUAN_HINT });
  });

  it('is what the settings save accepts, and its refusal names how to write the budget', () => {
    const schema = meetingSetupChannels['meeting-settings-save'].request;
    const base = { meetingId: 1, actor: '张会务', rubricId: 'hefei-2017', method: 'mean', deviationThreshold: '10' } as const;
    const ok = schema.safeParse({ ...base, budgetYuan: '100万' });
    expect(ok.success && ok.data.budgetYuan).toBe('1000000');
    const bad = schema.safeParse({ ...base, budgetYuan: '一百万' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(YUAN_HINT);
  });
});
