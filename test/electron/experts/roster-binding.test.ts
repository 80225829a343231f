import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { pngDataUrl } from '../../helpers/png.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('roster-binding-');
const CLERK = '会务 周敏';
const PASSPHRASE = '会议室口令-2027';
const ROSTER = [
  { id: 'E01', name: '王明', title: '教授', specialty: '材料科学', employer: '合肥工业大学', leader: true },
  { id: 'E02', name: '李华', title: '研究员', specialty: '', employer: '中国科学院合肥物质科学研究院', leader: false },
];

async function laptopWithRoster() {
  const ctx = testContext(tempDir());
  const meeting = await call(ctx, 'meeting-create', { name: '2026 年度评审会', year: 2026 });
  await call(ctx, 'meeting-roster-save', { meetingId: meeting.id, actor: CLERK, experts: ROSTER });
  return { ctx, meetingId: meeting.id };
}

describe('profiles bound to the roster', () => {
  it('on a laptop without a meeting, id and name are typed as before, and nothing is offered to choose', async () => {
    const ctx = testContext(tempDir());
    expect(await call(ctx, 'expert-roster-choices', {})).toEqual([]);
    const profile = await call(ctx, 'expert-create', { rosterId: 'E01', name: '王明', passphrase: PASSPHRASE });
    expect(profile).toMatchObject({ rosterId: 'E01', name: '王明', title: '', employer: '' });
  });

  it('on a laptop with a roster, the profile is the chosen entry: id, name, title and employer from the roster', async () => {
    const { ctx, meetingId } = await laptopWithRoster();
    const [choices] = await call(ctx, 'expert-roster-choices', {});
    expect(choices).toEqual({ meetingId, meetingName: '2026 年度评审会', year: 2026, experts: ROSTER.map((e) => ({ ...e, profileId: null })) });
    const profile = await call(ctx, 'expert-create', { meetingId, rosterId: 'E02', passphrase: PASSPHRASE });
    expect(profile).toMatchObject({ rosterId: 'E02', name: '李华', title: '研究员', employer: '中国科学院合肥物质科学研究院' });
    expect((await call(ctx, 'expert-roster-choices', {}))[0]?.experts.map((e) => e.profileId)).toEqual([null, profile.id]);
  });

  it.each([
    ['typed, even when right', { rosterId: 'E01', name: '王明', passphrase: PASSPHRASE }, /^expert-roster-required: 本机已有会议的专家名册/],
    ['typed in lower case', { rosterId: 'e01', name: '王明', passphrase: PASSPHRASE }, /^expert-roster-required/],
    ['chosen, but not exactly a roster id', { meetingId: 1, rosterId: 'e01', passphrase: PASSPHRASE }, /^expert-not-in-roster: “2026 年度评审会”的专家名册中没有编号 e01/],
    ['chosen with a space', { meetingId: 1, rosterId: 'E01 ', passphrase: PASSPHRASE }, /^invalid-request/],
    ['chosen from a meeting that is not here', { meetingId: 9, rosterId: 'E01', passphrase: PASSPHRASE }, /^meeting-not-found/],
  ])('refuses a profile %s', async (_case, request, refusal) => {
    const { ctx } = await laptopWithRoster();
    await expect(call(ctx, 'expert-create', request)).rejects.toThrow(refusal);
    expect(ctx.db.prepare('SELECT count(*) FROM expert').pluck().get()).toBe(0);
  });

  it('checks the profile against the year’s roster again when signing, and says what the roster holds', async () => {
    // A profile typed before the meeting file came (the only way then), for the wrong case.
    const ctx = testContext(tempDir());
    const typed = await call(ctx, 'expert-create', { rosterId: 'e01', name: '王明', passphrase: PASSPHRASE });
    const meeting = await call(ctx, 'meeting-create', { name: '2026 年度评审会', year: 2026 });
    await call(ctx, 'meeting-roster-save', { meetingId: meeting.id, actor: CLERK, experts: ROSTER });
    await expect(call(ctx, 'sheet-sign', { expertId: typed.id, year: 2026, passphrase: PASSPHRASE })).rejects.toThrow(
      '评分表未签名：您的专家档案与“2026 年度评审会”的专家名册不一致，组长导入时会拒收。名册中是 E01（王明），您的档案是 e01（王明）。',
    );
    // Another year's meeting has no say over this year's sheet.
    await expect(call(ctx, 'sheet-sign', { expertId: typed.id, year: 2027, passphrase: PASSPHRASE })).rejects.not.toThrow(/expert-not-in-roster/);
  });

  it('refuses to sign when the roster changed the name after the profile was made', async () => {
    const { ctx, meetingId } = await laptopWithRoster();
    const profile = await call(ctx, 'expert-create', { meetingId, rosterId: 'E01', passphrase: PASSPHRASE });
    await call(ctx, 'meeting-roster-save', { meetingId, actor: CLERK, experts: [{ ...ROSTER[0]!, name: '王敏' }, ROSTER[1]!] });
    await expect(call(ctx, 'sheet-sign', { expertId: profile.id, year: 2026, passphrase: PASSPHRASE })).rejects.toThrow(
      /expert-not-in-roster: .*名册中 E01 的姓名是“王敏”，您的档案是“王明”。/,
    );
  });

  it('on the roster, signing waits for the sign-in, and a sign-in names an alliance that is not the year’s', async () => {
    const { ctx, meetingId } = await laptopWithRoster();
    const profile = await call(ctx, 'expert-create', { meetingId, rosterId: 'E01', passphrase: PASSPHRASE });
    await expect(call(ctx, 'sheet-sign', { expertId: profile.id, year: 2026, passphrase: PASSPHRASE })).rejects.toThrow(/^sign-in-required: 2026 年度的评分尚未开始/);
    await expect(
      call(ctx, 'sign-in-save', { expertId: profile.id, year: 2026, passphrase: PASSPHRASE, handSignature: pngDataUrl(), recusals: [{ allianceId: 'HFA-999', reason: 'employed' }] }),
    ).rejects.toThrow('sign-in-invalid: 未签到：联盟 HFA-999 不在本年度的评审联盟中，不能声明回避。');
    expect(ctx.db.prepare('SELECT count(*) FROM expert_sign_in').pluck().get()).toBe(0);
    // Another year has no roster here: no sign-in needed, as on a laptop without a meeting.
    expect(await call(ctx, 'sign-in-get', { expertId: profile.id, year: 2027 })).toMatchObject({ required: false, signIn: null });
  });
});
