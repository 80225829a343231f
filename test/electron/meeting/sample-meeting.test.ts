/** 载入示例会议 on a real store: the sample packages and a whole meeting with them, once. */
import { describe, expect, it } from 'vitest';
import { meetingSetupChannels } from '../../../shared/api/meeting-setup-channels.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

describe('the sample meeting', () => {
  const tempDir = useTempDir('sample-meeting-');

  it('is set up with settings, a roster with a 组长 and all six packages, and a second load changes nothing', async () => {
    const ctx = testContext(tempDir());
    try {
      await expect(call(ctx, 'sample-meeting-load', {})).rejects.toThrow('示例材料包还没有导入');
      await call(ctx, 'sample-packages-import', {});
      await ctx.jobs.idle();
      const first = await call(ctx, 'sample-meeting-load', {});
      expect(first).toMatchObject({ name: '2026 年度联盟考核评审会（示例）', year: 2026, outcome: 'created' });
      const setup = await call(ctx, 'meeting-setup', { meetingId: first.meetingId });
      expect(setup.settings.budgetYuan).toBe('1000000');
      expect(setup.experts).toHaveLength(5);
      expect(setup.experts.filter((e) => e.leader).map((e) => e.name)).toEqual(['王明']);
      expect(setup.experts.every((e) => e.title !== '' && e.employer !== '')).toBe(true);
      expect(setup.packages).toHaveLength(6);
      const audit = ctx.db.prepare('SELECT COUNT(*) FROM audit_entry').pluck().get();

      const again = await call(ctx, 'sample-meeting-load', {});
      expect(again).toEqual({ ...first, outcome: 'already-loaded' });
      expect(await call(ctx, 'meeting-list', {})).toHaveLength(1);
      expect(ctx.db.prepare('SELECT COUNT(*) FROM audit_entry').pluck().get()).toBe(audit);
    } finally {
      ctx.close();
    }
  });

  it('lets a meeting file be imported without an operator typed, and still refuses a blank one', () => {
    const schema = meetingSetupChannels['meeting-file-import'].request;
    expect(schema.safeParse({ source: { path: '/media/usb/x.meeting.zip' } }).success).toBe(true);
    expect(schema.safeParse({ actor: '  ', source: { path: '/media/usb/x.meeting.zip' } }).success).toBe(false);
  });
});
