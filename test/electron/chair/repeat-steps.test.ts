/**
 * Steps safe to repeat on the chair's console: a second 定稿 of a locked result, the same paper
 * entry saved twice, and one note written for several flags at once, on a real SQLite store
 * through the real handlers (each request parsed by its channel's schema).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RequestOf } from '../../../shared/api/contract.ts';
import type { PaperContent } from '../../../shared/paper/paper-entries.ts';
import type { SheetReview } from '../../../shared/sheet/sheet-schema.ts';
import { call } from '../../helpers/call.ts';
import { prepareChairMeeting, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { testContext } from '../../helpers/context.ts';
import { settlePanelProcedure } from '../../helpers/panel-procedure.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('repeat-');
const CHAIR = '主任 孙立';

async function meetingWithSheets(count = 5) {
  const meeting = await writeChairMeeting(tempDir());
  const ctx = testContext(tempDir());
  const meetingId = await prepareChairMeeting(ctx, meeting);
  await call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: meeting.sheets.slice(0, count).map((path) => ({ path })) });
  for (const key of (await call(ctx, 'chair-sheet-list', { meetingId })).pendingKeys) {
    await call(ctx, 'chair-key-decide', { meetingId, actor: CHAIR, publicKey: key.publicKey, decision: 'confirm', readOut: key.fingerprint });
  }
  return { meeting, ctx, meetingId };
}

const count = (ctx: ReturnType<typeof testContext>, sql: string, meetingId: number) => ctx.db.prepare<[number], number>(sql).pluck().get(meetingId);

describe('定稿 twice', () => {
  it('answers a second 定稿 with the lock in force, writing no second lock or audit entry', async () => {
    const { ctx, meetingId } = await meetingWithSheets();
    const view = await call(ctx, 'panel-view', { meetingId });
    await call(ctx, 'flag-notes-save', { meetingId, actor: CHAIR, flagKeys: view.flags.map((f) => f.key), note: '经合议维持原评分' });
    await settlePanelProcedure(ctx, meetingId, CHAIR);
    const first = await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    expect(first.alreadyLocked).toBe(false);
    const auditBefore = count(ctx, 'SELECT count(*) FROM audit_entry WHERE meeting_id = ?', meetingId);
    const second = await call(ctx, 'panel-finalize', { meetingId, actor: '秘书 吴刚' });
    expect(second).toMatchObject({ alreadyLocked: true, resultSha256: first.resultSha256, lockedAt: first.lockedAt, lockedBy: CHAIR });
    expect(count(ctx, 'SELECT count(*) FROM panel_lock WHERE meeting_id = ?', meetingId)).toBe(1);
    expect(count(ctx, 'SELECT count(*) FROM audit_entry WHERE meeting_id = ?', meetingId)).toBe(auditBefore);
  });
});

describe('the same paper entry saved twice', () => {
  it('is a no-op, also after the two entries agreed; different content or another person is still refused', async () => {
    const { ctx, meetingId, meeting } = await meetingWithSheets(4);
    const sheet = JSON.parse(readFileSync(meeting.sheets[4]!, 'utf8')) as { reviews: SheetReview[] };
    const content: PaperContent = { signedOn: '2027-01-20', reviews: sheet.reviews };
    const entry = (actor: string, entryNo: 1 | 2, c: PaperContent = content) =>
      call(ctx, 'paper-entry-save', { meetingId, actor, expertId: 'E05', entryNo, content: c as RequestOf<'paper-entry-save'>['content'] });
    const entries = () => count(ctx, 'SELECT count(*) FROM paper_entry WHERE meeting_id = ?', meetingId);

    const once = await entry('会务 周敏', 1);
    const again = await entry('会务 周敏', 1);
    expect(again).toEqual(once);
    expect(entries()).toBe(1);

    const agreed = await entry('秘书 吴刚', 2);
    expect(agreed.agreed).toMatchObject({ enteredBy: '会务 周敏', confirmedBy: '秘书 吴刚' });
    const auditBefore = count(ctx, 'SELECT count(*) FROM audit_entry WHERE meeting_id = ?', meetingId);
    // The double click on 保存第 2 次录入: the second press arrives after the sheet agreed.
    expect(await entry('秘书 吴刚', 2)).toEqual(agreed);
    expect(entries()).toBe(2);
    expect(count(ctx, 'SELECT count(*) FROM audit_entry WHERE meeting_id = ?', meetingId)).toBe(auditBefore);

    const changed = { ...content, signedOn: '2027-01-21' };
    await expect(entry('秘书 吴刚', 2, changed)).rejects.toThrow(/^paper-agreed/);
    await expect(entry('会务 周敏', 2)).rejects.toThrow(/^paper-agreed/);
  });
});

describe('one note for several flags', () => {
  it('notes each chosen flag and logs each on its own; refuses all when one key is stale; validates the keys', async () => {
    const { ctx, meetingId } = await meetingWithSheets();
    const view = await call(ctx, 'panel-view', { meetingId });
    const trimmed = view.flags.filter((f) => f.flag.kind === 'trimmed-not-applied');
    expect(trimmed).toHaveLength(2);
    const keys = trimmed.map((f) => f.key);

    await expect(call(ctx, 'flag-notes-save', { meetingId, actor: CHAIR, flagKeys: [...keys, 'no-such-flag'], note: '人数不足，按规则不去极值' })).rejects.toThrow(
      /^flag-gone: 所选的 3 个标记中有 1 个已经不存在了/,
    );
    expect(count(ctx, 'SELECT count(*) FROM flag_note WHERE meeting_id = ?', meetingId)).toBe(0);
    await expect(call(ctx, 'flag-notes-save', { meetingId, actor: CHAIR, flagKeys: [], note: 'x' })).rejects.toThrow(/^invalid-request: .*请至少勾选一个标记/);
    await expect(call(ctx, 'flag-notes-save', { meetingId, actor: CHAIR, flagKeys: [keys[0]!, keys[0]!], note: 'x' })).rejects.toThrow(/^invalid-request: .*同一个标记勾选了两次/);

    const after = await call(ctx, 'flag-notes-save', { meetingId, actor: CHAIR, flagKeys: keys, note: '人数不足，按规则不去极值' });
    const noted = after.flags.filter((f) => keys.includes(f.key));
    expect(noted.map((f) => f.note?.text)).toEqual(['人数不足，按规则不去极值', '人数不足，按规则不去极值']);
    expect(after.flags.filter((f) => !keys.includes(f.key)).every((f) => f.note === null)).toBe(true);
    const audit = await call(ctx, 'audit-log', { meetingId });
    const logged = audit.entries.filter((e) => e.action === 'flag-note').map((e) => JSON.parse(e.detail) as { alliance: string; kind: string; note: string });
    expect(logged.map((d) => [d.alliance, d.kind, d.note])).toEqual(trimmed.map((f) => [f.allianceId, 'trimmed-not-applied', '人数不足，按规则不去极值']));
    expect(audit.verification.ok).toBe(true);
  });
});
