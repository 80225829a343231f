import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { mergeFiles } from '../../../electron/sheets/merge-files.ts';
import type { RequestOf } from '../../../shared/api/contract.ts';
import type { PaperContent } from '../../../shared/paper/paper-entries.ts';
import { resultText } from '../../../shared/result/result-text.ts';
import type { SheetReview } from '../../../shared/sheet/sheet-schema.ts';
import { backupReasonsIn, readNewestBackup } from '../../helpers/backup-copy.ts';
import { call } from '../../helpers/call.ts';
import { testContext } from '../../helpers/context.ts';
import { acceptEverything, makeExpert, writeSignedSheet } from '../../helpers/expert-sheet.ts';
import type { ChairMeeting } from '../../helpers/chair-meeting.ts';
import { prepareChairMeeting, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { settlePanelProcedure } from '../../helpers/panel-procedure.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';
import { smallDecisions } from '../../shared/result/merge-fixtures.ts';

const tempDir = useTempDir('chair-');
const CHAIR = '主任 孙立';

interface Setup {
  readonly ctx: ServiceContext;
  readonly meeting: ChairMeeting;
  readonly meetingId: number;
}

async function setup(): Promise<Setup> {
  const meeting = await writeChairMeeting(tempDir());
  const ctx = testContext(tempDir());
  const meetingId = await prepareChairMeeting(ctx, meeting);
  return { ctx, meeting, meetingId };
}

async function importAndConfirm({ ctx, meeting, meetingId }: Setup, sheets: readonly string[] = meeting.sheets) {
  const reports = await call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: sheets.map((path) => ({ path })) });
  const listed = await call(ctx, 'chair-sheet-list', { meetingId });
  for (const key of listed.pendingKeys) {
    await call(ctx, 'chair-key-decide', { meetingId, actor: CHAIR, publicKey: key.publicKey, decision: 'confirm', readOut: key.fingerprint });
  }
  return reports;
}

async function noteEveryFlag({ ctx, meetingId }: Setup, note = '经合议维持原评分') {
  const view = await call(ctx, 'panel-view', { meetingId });
  for (const flag of view.flags) {
    if (flag.note === null) await call(ctx, 'flag-note-save', { meetingId, actor: CHAIR, flagKey: flag.key, note });
  }
  // The other lock conditions (pledges, differences, outliers, last year): panel-procedure.test.ts tests them.
  await settlePanelProcedure(ctx, meetingId, CHAIR);
}

/** What `alliance-review merge --json` prints for the same files (the same function the CLI runs). */
async function cliResultText(meeting: ChairMeeting, sheets: readonly string[] = meeting.sheets, previous: string | null = null): Promise<string> {
  const outcome = await mergeFiles({
    cwd: meeting.dir,
    packages: meeting.packages.map((p) => p.path),
    sheets,
    method: meeting.settings.method,
    deviationThreshold: meeting.settings.deviationThreshold,
    budgetYuan: meeting.settings.budgetYuan,
    previous,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return resultText(outcome.result);
}

describe('chair: importing sheets', () => {
  it('keeps a new key’s sheets waiting until the chair confirms the fingerprint the expert reads out', async () => {
    const s = await setup();
    const { ctx, meetingId, meeting } = s;
    const reports = await call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: meeting.sheets.map((path) => ({ path })) });
    expect(reports.map((r) => [r.source, r.outcome])).toEqual(meeting.experts.map((e) => [`${e.id}.sheet.json`, 'awaiting-fingerprint']));
    let view = await call(ctx, 'panel-view', { meetingId });
    expect(view.result).toBeNull();
    expect(view.experts.map((e) => e.state)).toEqual(['awaiting-fingerprint', 'awaiting-fingerprint', 'awaiting-fingerprint', 'awaiting-fingerprint', 'awaiting-fingerprint']);

    const key = (await call(ctx, 'chair-sheet-list', { meetingId })).pendingKeys[0]!;
    await expect(
      call(ctx, 'chair-key-decide', { meetingId, actor: CHAIR, publicKey: key.publicKey, decision: 'confirm', readOut: '0000 0000 0000 0000' }),
    ).rejects.toThrow(/^fingerprint-mismatch/);
    const spaced = key.fingerprint.toUpperCase().replace(/ /g, '-');
    await call(ctx, 'chair-key-decide', { meetingId, actor: CHAIR, publicKey: key.publicKey, decision: 'confirm', readOut: spaced });
    view = await call(ctx, 'panel-view', { meetingId });
    expect(view.experts[0]).toMatchObject({ id: 'E01', state: 'signed', fingerprint: meeting.experts[0]!.fingerprint });
    expect(view.result?.alliances).toHaveLength(6);
    expect(view.result?.alliances[0]?.experts.map((e) => e.id)).toEqual(['E01']);
  });

  it('merges exactly what `merge --json` gives on the same files, with every flag where the data puts it', async () => {
    const s = await setup();
    await importAndConfirm(s);
    const view = await call(s.ctx, 'panel-view', { meetingId: s.meetingId });
    expect(view.unreviewed).toEqual([]);
    expect(view.problems).toEqual([]);
    expect(resultText(view.result!)).toBe(await cliResultText(s.meeting));
    expect(view.flags.map((f) => [f.allianceId, f.flag.kind, f.flag.expert ?? f.flag.indicator ?? ''])).toEqual([
      ['HFA-002', 'deviation', 'E05'],
      ['HFA-002', 'spread', 'I2'],
      ['HFA-002', 'spread', 'I10'],
      ['HFA-003', 'trimmed-not-applied', ''],
      ['HFA-004', 'override', 'E02'],
      ['HFA-005', 'quorum', ''],
      ['HFA-005', 'trimmed-not-applied', ''],
    ]);
    expect(view.awardRule).toContain('优秀联盟 2 家');
    expect(view.awardRule).toContain('每家奖励 200,000 元');
  });

  it('refuses, naming file and reason: a known expert with another key (loudly), an unknown expert, another name, a tampered or incomplete sheet', async () => {
    const s = await setup();
    await importAndConfirm(s);
    const dir = tempDir();
    const [p1, p2, p3, p4, p5, p6] = s.meeting.packages;
    const all = [p1!, p2!, p3!, p4!, p5!, p6!].map((p) => ({ package: p }));
    const impostor = makeExpert('E01', '王明');
    const otherKey = await writeSignedSheet(dir, hefei, impostor, all, { fileName: 'E01-新.sheet.json', signedAt: '2027-01-20T11:00:00+08:00' });
    const stranger = await writeSignedSheet(dir, hefei, makeExpert('E09', '赵强'), all, { fileName: 'E09.sheet.json' });
    const renamed = await writeSignedSheet(dir, hefei, makeExpert('E04', '刘阳'), all, { fileName: 'E04-改名.sheet.json' });
    const tampered = join(dir, 'E02-改过.sheet.json');
    writeFileSync(tampered, readFileSync(s.meeting.sheets[1]!, 'utf8').replace(/"value": 2\n/, '"value": 1\n'));
    const incomplete = await writeSignedSheet(dir, hefei, s.meeting.experts[2]!, [{ package: p2!, decisions: { 'I1.office': { accept: true } } }], {
      fileName: 'E03-不完整.sheet.json',
      signedAt: '2027-01-20T12:00:00+08:00',
    });
    const reports = await call(s.ctx, 'chair-sheet-import', {
      meetingId: s.meetingId,
      actor: CHAIR,
      sources: [otherKey, stranger, renamed, tampered, incomplete].map((path) => ({ path })),
    });
    expect(reports.map((r) => [r.source, r.outcome, r.problems[0]?.code])).toEqual([
      ['E01-新.sheet.json', 'refused', 'expert-key-changed'],
      ['E09.sheet.json', 'refused', 'expert-not-in-roster'],
      ['E04-改名.sheet.json', 'refused', 'expert-name-mismatch'],
      ['E02-改过.sheet.json', 'refused', 'signature-invalid'],
      ['E03-不完整.sheet.json', 'refused', 'review-incomplete'],
    ]);
    expect(reports[0]?.problems[0]?.message).toContain('⚠ 密钥不符');
    expect(reports[0]?.problems[0]?.message).toContain(impostor.fingerprint);
    expect(reports.every((r) => r.problems.every((p) => p.source === r.source))).toBe(true);
    // Nothing refused was stored or counted.
    const listed = await call(s.ctx, 'chair-sheet-list', { meetingId: s.meetingId });
    expect(listed.sheets).toHaveLength(5);
  });

  it('lets a later sheet of the same expert and key supersede the earlier one, keeps both, and refuses an older one', async () => {
    const s = await setup();
    await importAndConfirm(s);
    const dir = tempDir();
    const [p1, p2, p3, p4, p5, p6] = s.meeting.packages as [never, never, never, never, never, never];
    const e05 = s.meeting.experts[4]!;
    const revised = [
      { package: p1 },
      { package: p2, decisions: smallDecisions(2) },
      { package: p3 },
      { package: p4 },
      { package: p5, decisions: smallDecisions(2.5) },
      { package: p6, decisions: smallDecisions(2, ['I1.council']) },
    ];
    const newer = await writeSignedSheet(dir, hefei, e05, revised, { fileName: 'E05-修改后.sheet.json', signedAt: '2027-01-20T15:00:00+08:00' });
    const older = await writeSignedSheet(dir, hefei, e05, revised, { fileName: 'E05-早先.sheet.json', signedAt: '2027-01-20T08:00:00+08:00' });
    const reports = await call(s.ctx, 'chair-sheet-import', { meetingId: s.meetingId, actor: CHAIR, sources: [{ path: newer }, { path: older }] });
    expect(reports.map((r) => [r.source, r.outcome, r.problems[0]?.code])).toEqual([
      ['E05-修改后.sheet.json', 'supersedes', undefined],
      ['E05-早先.sheet.json', 'refused', 'sheet-older'],
    ]);
    const listed = await call(s.ctx, 'chair-sheet-list', { meetingId: s.meetingId });
    expect(listed.sheets.filter((r) => r.expertId === 'E05').map((r) => [r.sourceName, r.status])).toEqual([
      ['E05-修改后.sheet.json', 'current'],
      ['E05.sheet.json', 'superseded'],
    ]);
    const view = await call(s.ctx, 'panel-view', { meetingId: s.meetingId });
    const sheets = [...s.meeting.sheets.slice(0, 4), newer];
    expect(resultText(view.result!)).toBe(await cliResultText(s.meeting, sheets));
    expect(view.flags.some((f) => f.allianceId === 'HFA-002' && f.flag.kind === 'deviation')).toBe(false);
    const again = await call(s.ctx, 'chair-sheet-import', { meetingId: s.meetingId, actor: CHAIR, sources: [{ path: newer }] });
    expect(again[0]?.outcome).toBe('already-imported');
  });

  it('backs up the store after a batch that stored a sheet, not after one that stored none', async () => {
    const s = await setup();
    const { ctx, meetingId, meeting } = s;
    const before = backupReasonsIn(ctx.dataDir);
    await call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: meeting.sheets.map((path) => ({ path })) });
    expect(backupReasonsIn(ctx.dataDir)).toEqual(['import', ...before]);
    const inBackup = readNewestBackup(ctx.dataDir, 'import', (db) =>
      db.prepare('SELECT expert_id FROM chair_sheet WHERE meeting_id = ? ORDER BY expert_id').pluck().all(meetingId),
    );
    expect(inBackup).toEqual(meeting.experts.map((e) => e.id));

    // The same files again: every one already imported, nothing stored, no backup.
    const again = await call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: meeting.sheets.map((path) => ({ path })) });
    expect(again.every((r) => r.outcome === 'already-imported')).toBe(true);
    expect(backupReasonsIn(ctx.dataDir)).toEqual(['import', ...before]);
  });

  it('imports every *.sheet.json of a folder', async () => {
    const s = await setup();
    const reports = await call(s.ctx, 'chair-sheet-import', { meetingId: s.meetingId, actor: CHAIR, sources: [{ path: s.meeting.dir }] });
    expect(reports.map((r) => r.source).sort()).toEqual(['E01.sheet.json', 'E02.sheet.json', 'E03.sheet.json', 'E04.sheet.json', 'E05.sheet.json']);
  });

  it('imports a folder file by file: a sheet with a lone surrogate in a comment is refused alone, the others come in', async () => {
    const s = await setup();
    const bad = s.meeting.sheets[1]!;
    const text = readFileSync(bad, 'utf8');
    const json = JSON.parse(text) as { reviews: { comment?: string }[] };
    json.reviews[0]!.comment = 'PLACEHOLDER';
    writeFileSync(bad, JSON.stringify(json, null, 2).replace('"PLACEHOLDER"', '"材料\\ud800齐全"'));
    const reports = await call(s.ctx, 'chair-sheet-import', { meetingId: s.meetingId, actor: CHAIR, sources: [{ path: s.meeting.dir }] });
    const bySource = new Map(reports.map((r) => [r.source, r]));
    expect(reports).toHaveLength(5);
    expect(bySource.get('E02.sheet.json')?.outcome).toBe('refused');
    expect(bySource.get('E02.sheet.json')?.problems.map((p) => [p.code, p.path])).toEqual([['field-ill-formed', 'reviews[0].comment']]);
    for (const id of ['E01', 'E03', 'E04', 'E05']) expect(bySource.get(`${id}.sheet.json`)?.outcome).toBe('awaiting-fingerprint');
  });

  it('refuses a rejected key’s later sheets, and lets the real expert’s key be confirmed after a rejection', async () => {
    const s = await setup();
    const dir = tempDir();
    const all = s.meeting.packages.map((p) => ({ package: p }));
    const fake = await writeSignedSheet(dir, hefei, makeExpert('E01', '王明'), all, { fileName: '冒名.sheet.json' });
    await call(s.ctx, 'chair-sheet-import', { meetingId: s.meetingId, actor: CHAIR, sources: [{ path: fake }] });
    const blocked = await call(s.ctx, 'chair-sheet-import', { meetingId: s.meetingId, actor: CHAIR, sources: [{ path: s.meeting.sheets[0]! }] });
    expect(blocked[0]?.problems[0]?.code).toBe('expert-key-pending');
    const pending = (await call(s.ctx, 'chair-sheet-list', { meetingId: s.meetingId })).pendingKeys[0]!;
    await call(s.ctx, 'chair-key-decide', { meetingId: s.meetingId, actor: CHAIR, publicKey: pending.publicKey, decision: 'reject', readOut: s.meeting.experts[0]!.fingerprint });
    const real = await call(s.ctx, 'chair-sheet-import', { meetingId: s.meetingId, actor: CHAIR, sources: [{ path: s.meeting.sheets[0]! }] });
    expect(real[0]?.outcome).toBe('awaiting-fingerprint');
    const again = await call(s.ctx, 'chair-sheet-import', { meetingId: s.meetingId, actor: CHAIR, sources: [{ path: fake }] });
    expect(again[0]?.problems[0]?.code).toBe('key-rejected');
    const listed = await call(s.ctx, 'chair-sheet-list', { meetingId: s.meetingId });
    expect(listed.sheets.map((r) => [r.sourceName, r.status])).toEqual([
      ['E01.sheet.json', 'awaiting-fingerprint'],
      ['冒名.sheet.json', 'key-rejected'],
    ]);
  });
});

describe('chair: drill-down', () => {
  it('shows every expert’s decisions on one indicator side by side, with overrides, recusals and the evidence files', async () => {
    const s = await setup();
    await importAndConfirm(s);
    const i2 = await call(s.ctx, 'panel-drilldown', { meetingId: s.meetingId, allianceId: 'HFA-004', indicatorId: 'I2' });
    expect(i2.panelScore).toBe(5);
    expect(i2.experts.map((e) => [e.id, e.indicator?.score, e.indicator?.computed, e.indicator?.override?.reason ?? null])).toEqual([
      ['E01', 5, 5, null],
      ['E02', 3, 5, '仅有年度计划，缺半年总结'],
      ['E03', 5, 5, null],
      ['E04', 5, 5, null],
      ['E05', 5, 5, null],
    ]);
    expect(i2.flags.map((f) => f.kind)).toEqual(['override']);
    const evidence = i2.criteria[0]?.evidence[0];
    expect(evidence).toMatchObject({ path: '证明材料/a.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(i2.packageId).toEqual(expect.any(Number));

    const b2 = await call(s.ctx, 'panel-drilldown', { meetingId: s.meetingId, allianceId: 'HFA-003', indicatorId: 'B2' });
    expect(b2.criteria[0]?.items.map((item) => [item.id, item.amountWan])).toEqual([
      ['mp-1', 50000],
      ['mp-2', 9999],
      ['mp-3', 10000],
    ]);
    const e01 = b2.experts.find((e) => e.id === 'E01');
    expect(e01?.decisions['B2.majorProjects']).toMatchObject({ accepted: [], rejected: { 'mp-1': '项目未落地' }, score: 0 });
    expect(b2.experts.find((e) => e.id === 'E03')).toMatchObject({ recused: true, indicator: null });
  });
});

describe('chair: notes, finalizing, the lock and reopening', () => {
  it('refuses to finalize while a flag has no note; locks the CLI’s exact bytes; holds; reopens only with a logged reason', async () => {
    const s = await setup();
    const { ctx, meetingId, meeting } = s;
    await importAndConfirm(s);
    await call(ctx, 'previous-result-import', { meetingId, actor: CHAIR, source: { path: meeting.previous } });
    let view = await call(ctx, 'panel-view', { meetingId });
    expect(view.result?.alliances.find((a) => a.allianceId === 'HFA-006')?.consequence).toBe('disqualify');
    expect(view.consequenceReasons['HFA-006']).toBe('2025 年度、2026 年度连续两年考核不合格 → 取消市级联盟资格');
    await expect(call(ctx, 'panel-finalize', { meetingId, actor: CHAIR })).rejects.toThrow(/^finalize-refused: .*7 个标记没有主任的说明/);

    const first = view.flags[0]!;
    await call(ctx, 'flag-note-save', { meetingId, actor: CHAIR, flagKey: first.key, note: '请专家复核' });
    await call(ctx, 'flag-note-save', { meetingId, actor: CHAIR, flagKey: first.key, note: '经合议维持原评分' });
    view = await call(ctx, 'panel-view', { meetingId });
    expect(view.flags[0]?.note).toMatchObject({ text: '经合议维持原评分', by: CHAIR });
    expect(view.flags[0]?.history.map((n) => n.text)).toEqual(['请专家复核']);
    await expect(call(ctx, 'panel-finalize', { meetingId, actor: CHAIR })).rejects.toThrow(/6 个标记没有主任的说明/);

    await noteEveryFlag(s);
    const lock = await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    expect(lock.resultText).toBe(await cliResultText(meeting, meeting.sheets, meeting.previous));
    expect(lock.intact).toBe(true);
    expect(lock.findings).toHaveLength(7);
    expect(lock.publicity.map((p) => [p.rank, p.allianceId, p.award])).toEqual([
      [1, 'HFA-001', 200000],
      [2, 'HFA-004', 200000],
    ]);

    // The lock holds: nothing that changes the result is accepted.
    const locked = /^result-locked/;
    await expect(call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: [{ path: meeting.sheets[0]! }] })).rejects.toThrow(locked);
    await expect(call(ctx, 'flag-note-save', { meetingId, actor: CHAIR, flagKey: first.key, note: '改口' })).rejects.toThrow(locked);
    await expect(
      call(ctx, 'meeting-settings-save', { meetingId, actor: CHAIR, rubricId: 'hefei-2017', method: 'mean', deviationThreshold: '10', budgetYuan: null }),
    ).rejects.toThrow(locked);
    await expect(call(ctx, 'meeting-roster-save', { meetingId, actor: CHAIR, experts: [] })).rejects.toThrow(locked);
    await expect(call(ctx, 'previous-result-import', { meetingId, actor: CHAIR, source: { path: meeting.previous } })).rejects.toThrow(locked);
    view = await call(ctx, 'panel-view', { meetingId });
    expect(view.lock?.resultSha256).toBe(lock.resultSha256);
    expect(view.blockers[0]).toMatch(/定稿锁定/);

    const out = tempDir();
    const saved = await call(ctx, 'panel-result-export', { meetingId, folder: out });
    expect(readFileSync(saved.resultPath, 'utf8')).toBe(lock.resultText);
    expect(readFileSync(saved.publicityPath, 'utf8')).toContain('1. 合肥市智能语音产业技术创新战略联盟（HFA-001）  总分 90.5  奖励 200,000 元');

    await expect(call(ctx, 'panel-reopen', { meetingId, actor: CHAIR, ground: 'extreme-score', reason: '  ' })).rejects.toThrow(/^invalid-request/);
    view = await call(ctx, 'panel-reopen', { meetingId, actor: CHAIR, ground: 'extreme-score', reason: '专家 E05 要求复核 HFA-002' });
    expect(view.lock).toBeNull();
    expect(view.reopenings[0]).toMatchObject({ reopenedBy: CHAIR, ground: 'extreme-score', reason: '专家 E05 要求复核 HFA-002', resultSha256: lock.resultSha256 });
    const audit = await call(ctx, 'audit-log', { meetingId });
    expect(audit.verification.ok).toBe(true);
    expect(audit.entries.at(-1)).toMatchObject({ action: 'reopen', actor: CHAIR });
    expect(audit.entries.at(-2)).toMatchObject({ action: 'lock', actor: CHAIR });
    expect(JSON.parse(audit.entries.at(-2)!.detail)).toMatchObject({ resultSha256: lock.resultSha256 });
    // Reopened, the meeting takes changes again (and the next lock is a new one).
    await call(ctx, 'flag-note-save', { meetingId, actor: CHAIR, flagKey: first.key, note: '复核后维持' });
    const relock = await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    expect(relock.resultSha256).toBe(lock.resultSha256);
  });

  it('asks for a new note when a re-signed sheet changes a flag', async () => {
    const s = await setup();
    await importAndConfirm(s);
    await noteEveryFlag(s);
    const before = await call(s.ctx, 'panel-view', { meetingId: s.meetingId });
    expect(before.blockers).toEqual([]);
    const [p1, p2, p3, p4, p5, p6] = s.meeting.packages as [never, never, never, never, never, never];
    const e05 = s.meeting.experts[4]!;
    const newer = await writeSignedSheet(
      tempDir(),
      hefei,
      e05,
      [
        { package: p1 },
        { package: p2, decisions: smallDecisions(0.5, ['I2.plans']) },
        { package: p3 },
        { package: p4 },
        { package: p5, decisions: smallDecisions(2.5) },
        { package: p6, decisions: smallDecisions(2, ['I1.council']) },
      ],
      { signedAt: '2027-01-20T16:00:00+08:00' },
    );
    await call(s.ctx, 'chair-sheet-import', { meetingId: s.meetingId, actor: CHAIR, sources: [{ path: newer }] });
    const after = await call(s.ctx, 'panel-view', { meetingId: s.meetingId });
    const deviation = after.flags.find((f) => f.flag.kind === 'deviation');
    expect(deviation?.note).toBeNull();
    expect(after.blockers.some((b) => b.includes('没有主任的说明'))).toBe(true);
  });
});

describe('chair: an unstable outcome', () => {
  it('shows an unstable flag that needs its note before the lock, and locks the CLI\'s bytes with it and the analysis', async () => {
    const s = await setup();
    const { ctx, meetingId, meeting } = s;
    // E05 re-signs, rejecting HFA-004's audit (84.5). Trimmed over five: 89.83, 合格; without
    // E05 four remain, the mean 90, 优秀: E05 decides HFA-004's grade, consequence and award
    // (two excellent alliances: 1000000 ÷ 2, capped at 200000).
    const [p1, p2, p3, p4, p5, p6] = meeting.packages as [never, never, never, never, never, never];
    const hfa004 = meeting.packages[3]!;
    const rejected = { ...acceptEverything(hefei, hfa004.claims), 'I3.audit': { accept: false, reason: '审计报告未单列联盟经费' } };
    const newer = await writeSignedSheet(
      tempDir(),
      hefei,
      meeting.experts[4]!,
      [{ package: p1 }, { package: p2, decisions: smallDecisions(0, ['I2.plans']) }, { package: p3 }, { package: p4, decisions: rejected }, { package: p5, decisions: smallDecisions(2) }, { package: p6, decisions: smallDecisions(2, ['I1.council']) }],
      { signedAt: '2027-01-20T16:00:00+08:00' },
    );
    await importAndConfirm(s, [...meeting.sheets.slice(0, 4), newer]);
    const view = await call(ctx, 'panel-view', { meetingId });
    const unstable = view.flags.filter((f) => f.flag.kind === 'unstable');
    expect(unstable.map((f) => [f.allianceId, f.flag.expert, f.flag.detail])).toEqual([
      ['HFA-004', 'E05', '去掉 E05 后总分 90，等级由合格变为优秀，处理由无变为“给予资金奖励”，奖励由无变为 200000 元'],
    ]);
    expect(unstable[0]?.note).toBeNull();
    await expect(call(ctx, 'panel-finalize', { meetingId, actor: CHAIR })).rejects.toThrow(/没有主任的说明/);
    await noteEveryFlag(s);
    const noted = await call(ctx, 'panel-view', { meetingId });
    expect(noted.blockers).toEqual([]);
    const lock = await call(ctx, 'panel-finalize', { meetingId, actor: CHAIR });
    expect(lock.resultText).toBe(await cliResultText(meeting, [...meeting.sheets.slice(0, 4), newer]));
    expect(lock.resultText).toContain('"kind": "unstable"');
    expect(lock.resultText).toContain('"analysis": {');
    expect(lock.findings.some((f) => f.flag.kind === 'unstable' && f.allianceId === 'HFA-004')).toBe(true);
  });
});

describe('chair: the audit log', () => {
  async function lockedMeeting() {
    const s = await setup();
    await importAndConfirm(s);
    await noteEveryFlag(s);
    await call(s.ctx, 'panel-finalize', { meetingId: s.meetingId, actor: CHAIR });
    return s;
  }

  it('logs every action that changes the result with time and actor, and verifies the chain', async () => {
    const s = await lockedMeeting();
    const audit = await call(s.ctx, 'audit-log', { meetingId: s.meetingId });
    const actions = audit.entries.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['settings-change', 'roster-change', 'packages-change']);
    expect(actions.filter((a) => a === 'sheet-import')).toHaveLength(5);
    expect(actions.filter((a) => a === 'key-confirm')).toHaveLength(5);
    expect(actions.filter((a) => a === 'flag-note')).toHaveLength(7);
    expect(actions.at(-1)).toBe('lock');
    expect(audit.entries.every((e) => e.at === '2027-01-20T01:30:00.000Z' && e.actor.length > 0)).toBe(true);
    expect(audit.verification).toMatchObject({ ok: true, entryCount: audit.entries.length, problems: [] });
    expect(audit.verification.headFingerprint).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
  });

  it('refuses UPDATE and DELETE on the log while its triggers stand', async () => {
    const s = await lockedMeeting();
    expect(() => s.ctx.db.prepare("UPDATE audit_entry SET actor = 'x' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => s.ctx.db.prepare('DELETE FROM audit_entry WHERE seq = 3').run()).toThrow(/append-only/);
  });

  it.each([
    ['an edited entry', 'UPDATE audit_entry SET actor = \'别人\' WHERE seq = 4', 'content', 4],
    ['an edited detail', 'UPDATE audit_entry SET detail_json = replace(detail_json, \'E01\', \'E09\') WHERE seq = 4', 'content', 4],
    ['an entry deleted in the middle', 'DELETE FROM audit_entry WHERE seq = 5', 'gap', 6],
    ['the last entries cut off', 'DELETE FROM audit_entry WHERE seq >= (SELECT max(seq) - 1 FROM audit_entry)', 'missing', null],
  ])('detects %s after the triggers are dropped', async (_label, tamper, kind, seq) => {
    const s = await lockedMeeting();
    const file = join(s.ctx.dataDir, 'alliance-review.sqlite');
    const other = new Database(file);
    other.exec('DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;');
    other.pragma('foreign_keys = OFF');
    other.exec(tamper);
    other.close();
    const audit = await call(s.ctx, 'audit-log', { meetingId: s.meetingId });
    expect(audit.verification.ok).toBe(false);
    const problem = audit.verification.problems.find((p) => p.kind === kind);
    expect(problem).toBeDefined();
    if (seq !== null) expect(problem?.seq).toBe(seq);
    expect(problem?.message).toMatch(/改动|删除/);
  });
});

describe('chair: paper sheets', () => {
  it('counts a paper sheet only when two people’s blind entries agree, shows mismatches field by field, and marks it in the result', async () => {
    const meeting = await writeChairMeeting(tempDir());
    const ctx = testContext(tempDir());
    const meetingId = await prepareChairMeeting(ctx, meeting);
    await importAndConfirm({ ctx, meeting, meetingId }, meeting.sheets.slice(0, 4));
    const form = await call(ctx, 'paper-form', { meetingId });
    expect(form.alliances).toHaveLength(6);
    // E05 scores on paper: the same decisions as the signed sheet would carry.
    const sheet = JSON.parse(readFileSync(meeting.sheets[4]!, 'utf8')) as { reviews: SheetReview[] };
    const content: PaperContent = { signedOn: '2027-01-20', reviews: sheet.reviews };
    const entry = (actor: string, entryNo: 1 | 2, c: PaperContent = content) =>
      call(ctx, 'paper-entry-save', { meetingId, actor, expertId: 'E05', entryNo, content: c as RequestOf<'paper-entry-save'>['content'] });

    let view = await entry('会务 周敏', 1);
    expect(view.first?.by).toBe('会务 周敏');
    await expect(entry('会务 周敏', 2)).rejects.toThrow(/^paper-same-person/);
    const typo = JSON.parse(JSON.stringify(content)) as { signedOn: string; reviews: { decisions: Record<string, unknown> }[] };
    typo.reviews[1]!.decisions['I10.status'] = { value: 0.5 };
    view = await entry('秘书 吴刚', 2, typo as unknown as PaperContent);
    expect(view.agreed).toBeNull();
    expect(view.mismatches).toEqual([
      { where: 'HFA-002 · I10.status', at: { allianceId: 'HFA-002', criterionId: 'I10.status', itemId: null, indicatorId: null, field: null }, first: '0', second: '0.5' },
    ]);
    let panel = await call(ctx, 'panel-view', { meetingId });
    expect(panel.experts[4]?.state).toBe('paper-entering');
    expect(panel.blockers.some((b) => b.includes('纸质评分表两次录入尚未一致'))).toBe(true);

    const own = await call(ctx, 'paper-entry-get', { meetingId, expertId: 'E05', entryNo: 2 });
    expect(own?.reviews[1]).toMatchObject({ allianceId: 'HFA-002' });
    view = await entry('秘书 吴刚', 2);
    expect(view.agreed).toMatchObject({ enteredBy: '会务 周敏', confirmedBy: '秘书 吴刚' });
    // The same entry saved again (a double click) is a no-op; a different one is refused.
    expect(await entry('秘书 吴刚', 2)).toEqual(view);
    await expect(entry('秘书 吴刚', 2, typo as unknown as PaperContent)).rejects.toThrow(/^paper-agreed/);

    panel = await call(ctx, 'panel-view', { meetingId });
    expect(panel.experts[4]).toMatchObject({ state: 'paper', paper: { enteredBy: '会务 周敏', confirmedBy: '秘书 吴刚' } });
    const hfa2 = panel.result?.alliances.find((a) => a.allianceId === 'HFA-002');
    expect(hfa2?.experts.find((e) => e.id === 'E05')).toMatchObject({ fingerprint: 'paper', total: 10 });
    expect(hfa2?.flags.at(-1)).toEqual({ kind: 'paper-entered', expert: 'E05', detail: '纸质评分表，无电子签名：由 会务 周敏 录入，秘书 吴刚 盲录复核一致' });
    // Apart from the fingerprint and the paper flags, the result is what the signed sheet gives.
    const signedText = await cliResultText(meeting);
    const strip = (text: string) =>
      text.replace(/"fingerprint": "[^"]*"/g, '"fingerprint": "-"').replace(/,?\s*\{\s*"kind": "paper-entered",[^}]*\}/g, '').replace(/"flags": \[\s*\]/g, '"flags": []');
    expect(strip(resultText(panel.result!))).toBe(strip(signedText));
    const signedAgain = await call(ctx, 'chair-sheet-import', { meetingId, actor: '主任 孙立', sources: [{ path: meeting.sheets[4]! }] });
    expect(signedAgain[0]?.problems[0]?.code).toBe('expert-has-paper-sheet');
    const audit = await call(ctx, 'audit-log', { meetingId });
    expect(audit.entries.at(-1)).toMatchObject({ action: 'paper-agree', actor: '秘书 吴刚' });
  });

  it('refuses an incomplete paper entry with what is missing', async () => {
    const meeting = await writeChairMeeting(tempDir());
    const ctx = testContext(tempDir());
    const meetingId = await prepareChairMeeting(ctx, meeting);
    const p2 = meeting.packages[1]!;
    await expect(
      call(ctx, 'paper-entry-save', {
        meetingId,
        actor: '会务 周敏',
        expertId: 'E05',
        entryNo: 1,
        content: { signedOn: '2027-01-20', reviews: [{ allianceId: 'HFA-002', packageDigest: p2.digest, recused: false, decisions: { 'I1.office': { accept: true } } }] },
      }),
    ).rejects.toThrow(/^paper-entry-invalid: .*尚未评定/);
  });
});
