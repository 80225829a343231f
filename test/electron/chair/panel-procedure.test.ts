/**
 * The panel's procedure before the lock (electron/chair/panel-procedure.ts, procedure-records.ts)
 * on a real store with real signed sheets: the chair meeting of test/helpers/chair-meeting.ts.
 * Expected by hand (criterion-disagreements-merged.test.ts derives the first two):
 * - first sheets: one objective difference, HFA-002 I2.plans (E05 rejects: 证明材料不足), and
 *   eight outliers, I10's four parts of HFA-002: E01 2.5 (others 1.375) and E05 0 (others 2).
 * - E05 re-signs: accepts I2.plans (that difference is settled), rejects HFA-001's I3.audit (a
 *   new difference, which the panel records as standing), and scores I10 at 1: E05's four
 *   outliers at 0 are revised to 1; 1 against the others' 2 is still 1 away (> 0.75), and
 *   E01's 2.5 against (2 + 1.5 + 2 + 1) / 4 = 1.625 is 0.875 away: eight open outliers again,
 *   which the chair explains.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { mergeFiles } from '../../../electron/sheets/merge-files.ts';
import { resultText } from '../../../shared/result/result-text.ts';
import { call } from '../../helpers/call.ts';
import type { ChairMeeting } from '../../helpers/chair-meeting.ts';
import { prepareChairMeeting, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { testContext } from '../../helpers/context.ts';
import { acceptEverything, writeSignedSheet } from '../../helpers/expert-sheet.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { smallDecisions } from '../../shared/result/merge-fixtures.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';

const tempDir = useTempDir('panel-procedure-');
const CHAIR = '主任 孙立';

async function setup(): Promise<{ ctx: ServiceContext; meeting: ChairMeeting; meetingId: number }> {
  const meeting = await writeChairMeeting(tempDir());
  const ctx = testContext(tempDir());
  const meetingId = await prepareChairMeeting(ctx, meeting);
  return { ctx, meeting, meetingId };
}

async function importAndConfirm(ctx: ServiceContext, meetingId: number, sheets: readonly string[]) {
  await call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: sheets.map((path) => ({ path })) });
  for (const key of (await call(ctx, 'chair-sheet-list', { meetingId })).pendingKeys) {
    await call(ctx, 'chair-key-decide', { meetingId, actor: CHAIR, publicKey: key.publicKey, decision: 'confirm', readOut: key.fingerprint });
  }
}

async function noteEveryFlag(ctx: ServiceContext, meetingId: number) {
  for (const flag of (await call(ctx, 'panel-view', { meetingId })).flags) {
    if (flag.note === null) await call(ctx, 'flag-note-save', { meetingId, actor: CHAIR, flagKey: flag.key, note: '经合议维持原评分' });
  }
}

/** HFA-003 as every scoring expert of the chair meeting decides it. */
function partly(meeting: ChairMeeting) {
  return {
    ...acceptEverything(hefei, meeting.packages[2]!.claims),
    'I3.audit': { accept: false, reason: '审计报告未单列联盟经费' },
    'B2.majorProjects': { accepted: [], rejected: { 'mp-1': '项目未落地', 'mp-2': '项目未落地', 'mp-3': '项目未落地' } },
  };
}

/** E05's second sheet (see the module comment). */
async function e05Resigned(meeting: ChairMeeting): Promise<string> {
  const [p1, p2, p3, p4, p5, p6] = meeting.packages as [never, never, never, never, never, never];
  const hfa001 = meeting.packages[0]!;
  return writeSignedSheet(
    tempDir(),
    hefei,
    meeting.experts[4]!,
    [
      { package: p1, decisions: { ...acceptEverything(hefei, hfa001.claims), 'I3.audit': { accept: false, reason: '审计报告未单列联盟经费' } } },
      { package: p2, decisions: smallDecisions(1) },
      { package: p3, decisions: partly(meeting) },
      { package: p4 },
      { package: p5, decisions: smallDecisions(2.5) },
      { package: p6, decisions: smallDecisions(2, ['I1.council']) },
    ],
    { signedAt: '2027-01-20T16:00:00+08:00' },
  );
}

const conditionsOf = (view: { procedure: { conditions: readonly { id: string; met: boolean }[] } | null }) =>
  Object.fromEntries((view.procedure?.conditions ?? []).map((c) => [c.id, c.met]));

describe('the panel procedure: differences, outliers, sign-ins and the lock conditions', () => {
  it('settles a difference by re-signing, records one that stands, explains outliers, refuses the lock until every condition is met, reopens for a ground', async () => {
    const { ctx, meeting, meetingId } = await setup();
    await importAndConfirm(ctx, meetingId, meeting.sheets);
    await noteEveryFlag(ctx, meetingId);
    let view = await call(ctx, 'panel-view', { meetingId });
    const procedure = view.procedure!;
    expect(procedure.outlierShare).toBe('0.3');
    expect(procedure.differences.map((d) => [d.allianceId, d.criterionId, d.itemId, d.status])).toEqual([['HFA-002', 'I2.plans', null, 'open']]);
    expect(procedure.differences[0]).toMatchObject({ allianceName: '合肥市新材料产业技术创新战略联盟', indicatorId: 'I2' });
    expect(procedure.differences[0]!.decisions.map((d) => [d.expertId, d.expertName, d.decision, d.reason])).toEqual([
      ['E01', '王明', 'accept', null],
      ['E02', '李华', 'accept', null],
      ['E03', '张伟', 'accept', null],
      ['E04', '刘洋', 'accept', null],
      ['E05', '陈静', 'reject', '证明材料不足'],
    ]);
    expect(procedure.outliers.map((o) => `${o.criterionId} ${o.expertId} ${o.score} ${o.othersMean} ${o.limit} ${o.direction} ${o.status}`)).toEqual([
      'I10.status E01 2.5 1.375 0.75 high open',
      'I10.status E05 0 2 0.75 low open',
      'I10.problems E01 2.5 1.375 0.75 high open',
      'I10.problems E05 0 2 0.75 low open',
      'I10.measures E01 2.5 1.375 0.75 high open',
      'I10.measures E05 0 2 0.75 low open',
      'I10.outcomes E01 2.5 1.375 0.75 high open',
      'I10.outcomes E05 0 2 0.75 low open',
    ]);
    expect(conditionsOf(view)).toEqual({ signed: true, 'signed-in': false, differences: false, outliers: false, flags: true, previous: false });
    const refused = call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    await expect(refused).rejects.toThrow(/^finalize-refused: /);
    await expect(refused).rejects.toThrow(/专家 E01 王明 尚未签到（没有签到记录，也没有登记签字承诺书）/);
    await expect(refused).rejects.toThrow(/合肥市新材料产业技术创新战略联盟 .*：专家判断不一致，尚未解决或记录/);
    await expect(refused).rejects.toThrow(/专家 E05 陈静 评 0 分，其他专家平均 2 分，尚未修改或说明/);
    await expect(refused).rejects.toThrow(/上一年度结果尚未导入/);

    // E05 re-signs: I2.plans settled, a new difference on HFA-001's audit, E05's outliers revised.
    await importAndConfirm(ctx, meetingId, [await e05Resigned(meeting)]);
    view = await call(ctx, 'panel-view', { meetingId });
    expect(view.procedure!.differences.map((d) => [d.allianceId, d.criterionId, d.status])).toEqual([
      ['HFA-001', 'I3.audit', 'open'],
      ['HFA-002', 'I2.plans', 'settled'],
    ]);
    const outliers = view.procedure!.outliers;
    expect(outliers.filter((o) => o.status === 'revised').map((o) => `${o.criterionId} ${o.expertId} ${o.score}→${o.revisedTo}`)).toEqual([
      'I10.status E05 0→1',
      'I10.problems E05 0→1',
      'I10.measures E05 0→1',
      'I10.outcomes E05 0→1',
    ]);
    expect(outliers.filter((o) => o.status === 'open').map((o) => `${o.criterionId} ${o.expertId} ${o.score} ${o.othersMean}`)).toEqual([
      'I10.status E01 2.5 1.625',
      'I10.status E05 1 2',
      'I10.problems E01 2.5 1.625',
      'I10.problems E05 1 2',
      'I10.measures E01 2.5 1.625',
      'I10.measures E05 1 2',
      'I10.outcomes E01 2.5 1.625',
      'I10.outcomes E05 1 2',
    ]);

    // The panel records that the audit difference stands; a settled one cannot be recorded.
    const audit = view.procedure!.differences[0]!;
    const settled = view.procedure!.differences[1]!;
    await expect(call(ctx, 'panel-difference-standing', { meetingId, actor: CHAIR, differenceKey: settled.key, reason: '维持' })).rejects.toThrow(/^difference-gone/);
    await expect(call(ctx, 'panel-difference-standing', { meetingId, actor: CHAIR, differenceKey: audit.key, reason: '  ' })).rejects.toThrow(/^invalid-request/);
    view = await call(ctx, 'panel-difference-standing', { meetingId, actor: CHAIR, differenceKey: audit.key, reason: '经合议，E05 认为审计报告未单列联盟经费，其余专家认可，分歧维持' });
    expect(view.procedure!.differences[0]).toMatchObject({ status: 'standing', standing: { by: CHAIR, reason: '经合议，E05 认为审计报告未单列联盟经费，其余专家认可，分歧维持' } });
    expect(conditionsOf(view).differences).toBe(true);

    // Explanations, each for its exact score; a revised score takes none.
    const revised = outliers.find((o) => o.status === 'revised')!;
    await expect(call(ctx, 'panel-outlier-explain', { meetingId, actor: CHAIR, outlierKey: revised.key, explanation: '已修改' })).rejects.toThrow(/^outlier-gone/);
    for (const outlier of outliers.filter((o) => o.status === 'open')) {
      view = await call(ctx, 'panel-outlier-explain', { meetingId, actor: CHAIR, outlierKey: outlier.key, explanation: `${outlier.expertName}：对照佐证材料，维持 ${outlier.score} 分` });
    }
    expect(view.procedure!.outliers.filter((o) => o.status === 'explained')).toHaveLength(8);
    expect(view.procedure!.outliers.find((o) => o.status === 'explained')?.explanation).toMatchObject({ text: '王明：对照佐证材料，维持 2.5 分', by: CHAIR, source: 'chair' });

    // Sign-ins: a pledge for an expert on the roster only.
    await expect(call(ctx, 'panel-pledge-record', { meetingId, actor: CHAIR, expertId: 'E99', signedOn: '2027-01-20' })).rejects.toThrow(/^expert-not-on-roster/);
    for (const expert of meeting.experts) view = await call(ctx, 'panel-pledge-record', { meetingId, actor: CHAIR, expertId: expert.id, signedOn: '2027-01-20' });
    expect(view.procedure!.pledges.map((p) => [p.expertId, p.signedOn, p.by])).toEqual(meeting.experts.map((e) => [e.id, '2027-01-20', CHAIR]));
    await noteEveryFlag(ctx, meetingId);
    view = await call(ctx, 'panel-view', { meetingId });
    expect(conditionsOf(view)).toEqual({ signed: true, 'signed-in': true, differences: true, outliers: true, flags: true, previous: false });
    expect(view.blockers).toEqual(['上一年度结果尚未导入：连续两年不合格要取消资格，请在“定稿”页导入上一年度结果，或确认本会议没有上一年度结果']);
    await expect(call(ctx, 'panel-finalize', { meetingId, actor: CHAIR })).rejects.toThrow(/上一年度结果尚未导入/);

    view = await call(ctx, 'panel-previous-none', { meetingId, actor: CHAIR });
    expect(view.procedure!.previousNone).toMatchObject({ by: CHAIR });
    expect(view.blockers).toEqual([]);
    const lock = await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    // The result bytes are the CLI's: nothing of the procedure enters the result.
    const merged = await mergeFiles({
      cwd: meeting.dir,
      packages: meeting.packages.map((p) => p.path),
      sheets: [...meeting.sheets.slice(0, 4), await e05Resigned(meeting)],
      method: meeting.settings.method,
      deviationThreshold: meeting.settings.deviationThreshold,
      budgetYuan: meeting.settings.budgetYuan,
    });
    if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
    expect(lock.resultText).toBe(resultText(merged.result));
    // Locked: no record changes any more.
    await expect(call(ctx, 'panel-pledge-record', { meetingId, actor: CHAIR, expertId: 'E01', signedOn: '2027-01-20' })).rejects.toThrow(/^result-locked/);
    await expect(call(ctx, 'panel-previous-none', { meetingId, actor: CHAIR })).rejects.toThrow(/^result-locked/);

    // Reopening needs one of art. 64's four grounds.
    await expect(call(ctx, 'panel-reopen', { meetingId, actor: CHAIR, reason: '复核' } as never)).rejects.toThrow(/^invalid-request.*法定事由/);
    await expect(call(ctx, 'panel-reopen', { meetingId, actor: CHAIR, ground: 'changed-mind', reason: '复核' } as never)).rejects.toThrow(/^invalid-request/);
    view = await call(ctx, 'panel-reopen', { meetingId, actor: CHAIR, ground: 'objective-inconsistent', reason: 'HFA-001 审计报告一项，专家判断不一致，需复核' });
    expect(view.lock).toBeNull();
    expect(view.reopenings[0]).toMatchObject({ ground: 'objective-inconsistent', reason: 'HFA-001 审计报告一项，专家判断不一致，需复核', reopenedBy: CHAIR });
    const stored = ctx.db.prepare('SELECT ground, reason FROM panel_reopen').all();
    expect(stored).toEqual([{ ground: 'objective-inconsistent', reason: 'HFA-001 审计报告一项，专家判断不一致，需复核' }]);

    const log = await call(ctx, 'audit-log', { meetingId });
    expect(log.verification.ok).toBe(true);
    const actions = log.entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'difference-standing')).toHaveLength(1);
    expect(actions.filter((a) => a === 'outlier-explanation')).toHaveLength(8);
    expect(actions.filter((a) => a === 'pledge-record')).toHaveLength(5);
    expect(actions.filter((a) => a === 'previous-none')).toHaveLength(1);
    expect(log.entries.find((e) => e.action === 'difference-standing')).toMatchObject({ actionLabel: '记录客观分歧维持的理由' });
    expect(JSON.parse(log.entries.find((e) => e.action === 'difference-standing')!.detail)).toEqual({
      alliance: 'HFA-001',
      criterion: 'I3.audit',
      item: null,
      decisions: 'E01 认可、E02 认可、E03 认可、E04 认可、E05 不认可',
      reason: '经合议，E05 认为审计报告未单列联盟经费，其余专家认可，分歧维持',
    });
    expect(JSON.parse(log.entries.at(-1)!.detail)).toMatchObject({ ground: 'objective-inconsistent', resultSha256: lock.resultSha256 });

    // Reopened, the conditions still hold and the same result locks again.
    const relock = await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    expect(relock.resultSha256).toBe(lock.resultSha256);
  });

  it('opens a standing difference again when the decisions it answered change', async () => {
    const { ctx, meeting, meetingId } = await setup();
    await importAndConfirm(ctx, meetingId, meeting.sheets);
    let view = await call(ctx, 'panel-view', { meetingId });
    const difference = view.procedure!.differences[0]!;
    await call(ctx, 'panel-difference-standing', { meetingId, actor: CHAIR, differenceKey: difference.key, reason: '维持' });
    // E04 re-signs rejecting I2.plans too: four accept → three accept, two reject; still a difference, but not the recorded one.
    const [p1, p2, p3, p4, p5, p6] = meeting.packages as [never, never, never, never, never, never];
    const e04 = await writeSignedSheet(
      tempDir(),
      hefei,
      meeting.experts[3]!,
      [{ package: p1 }, { package: p2, decisions: smallDecisions(2, ['I2.plans']) }, { package: p3, decisions: partly(meeting) }, { package: p4 }, { package: p5, decisions: smallDecisions(2.5) }, { package: p6, decisions: smallDecisions(2, ['I1.council']) }],
      { signedAt: '2027-01-20T16:00:00+08:00' },
    );
    await importAndConfirm(ctx, meetingId, [e04]);
    view = await call(ctx, 'panel-view', { meetingId });
    expect(view.procedure!.differences.map((d) => [d.criterionId, d.status, d.decisions.map((x) => x.decision).join(' ')])).toEqual([['I2.plans', 'open', 'accept accept accept reject reject']]);
  });

  it('takes the outlier share from 会议准备, logged, within 0–100 %', async () => {
    const { ctx, meeting, meetingId } = await setup();
    await importAndConfirm(ctx, meetingId, meeting.sheets);
    const settings = { meetingId, actor: CHAIR, rubricId: 'hefei-2017', method: 'trimmed' as const, deviationThreshold: '10', budgetYuan: '1000000' };
    for (const bad of ['0', '150', '-5']) {
      await expect(call(ctx, 'meeting-settings-save', { ...settings, outlierPercent: bad })).rejects.toThrow(/^invalid-request/);
    }
    // 50 %: limit 1.25; E01's 1.125 is within, E05's 2 is not.
    const setup50 = await call(ctx, 'meeting-settings-save', { ...settings, outlierPercent: '50' });
    expect(setup50.outlierPercent).toBe('50');
    const view = await call(ctx, 'panel-view', { meetingId });
    expect(view.procedure!.outlierShare).toBe('0.5');
    expect(view.procedure!.outliers.map((o) => `${o.expertId} ${o.limit}`)).toEqual(['E05 1.25', 'E05 1.25', 'E05 1.25', 'E05 1.25']);
    const log = await call(ctx, 'audit-log', { meetingId });
    expect(JSON.parse(log.entries.at(-1)!.detail)).toEqual({ outlierPercent: '50', before: '畸高畸低阈值 30%' });
    // Saving the same settings again changes nothing and logs nothing.
    await call(ctx, 'meeting-settings-save', { ...settings, outlierPercent: '50' });
    expect((await call(ctx, 'audit-log', { meetingId })).entries).toHaveLength(log.entries.length);
  });

  it('refuses to confirm there is no previous year once last year’s result is loaded', async () => {
    const { ctx, meeting, meetingId } = await setup();
    await call(ctx, 'previous-result-import', { meetingId, actor: CHAIR, source: { path: meeting.previous } });
    await expect(call(ctx, 'panel-previous-none', { meetingId, actor: CHAIR })).rejects.toThrow(/^previous-loaded: 已经导入了上一年度结果（2025-result.json）/);
    const view = await call(ctx, 'panel-view', { meetingId });
    expect(view.procedure!.conditions.find((c) => c.id === 'previous')?.met).toBe(true);
  });
});
