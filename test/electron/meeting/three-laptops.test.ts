/**
 * The whole offline meeting on separate laptops: each laptop is a ServiceContext on its own
 * data folder, files move between them only as files on a temp folder standing for the USB stick,
 * and the only way in is the handler table the renderer uses. The steps follow
 * docs/meeting-procedure.md:
 *
 * 1. the clerk's laptop imports the alliances' packages (the sample meeting, resources/samples)
 *    from the stick, prepares the meeting and writes the meeting file to the stick;
 * 2. the experts' laptops (E01 王明, E02 李华) import the meeting file, make their profiles,
 *    score, sign and write their sheets to the stick; E02 recuses one alliance;
 * 3. the chair's laptop imports the meeting file and the sheets, and confirms each new key
 *    against the fingerprint its expert reads out;
 * 4. refusals, each naming the file and the reason: a tampered sheet, a sheet of another package
 *    version, an incomplete sheet, a second key for E02; then E01 revises and the later sheet
 *    supersedes the first, which stays in the history: the objective difference E01's revision
 *    answers is settled, and E01's outlying subjective score is explained in the signed sheet;
 * 5. the chair's result is byte for byte what `alliance-review merge --json` prints for the
 *    stick's packages and the sheets that count (the real CLI, a child process);
 * 6. E03 张伟 scores on paper; two people enter it, the second entry disagrees once and is then
 *    corrected; the result marks it `paper-entered`;
 * 7. the lock conditions one by one: E03's paper pledge, the panel's reason for each objective
 *    difference that stands, that there is no 2025 result, a note on every flag, and a 补正
 *    request still open; the chair locks, reopens for one of art. 64's four reasons (audit-logged)
 *    and locks again;
 * 8. the chair exports the locked result, which writes `E03.paper.json` beside it; the archive
 *    (the stick's packages, the signed sheets that count and the paper sheet file) gives, with
 *    `alliance-review merge --json --paper`, exactly the locked bytes, paper sheet included;
 * 9. the chair exports the result documents: the 评审报告 (pdftotext) says how each difference and
 *    the outlier ended, the 补正 request, the reopening with its ground and every flag's note;
 * 10. `alliance-review merge --pdf --meeting-file --panel-record` on the archived files writes the
 *    same procedure documents, the 评审报告 compared section by section; only the day of making differs.
 *
 * The steps share one meeting and run in order; a failing step leaves the later ones failing too.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../../electron/app/context.ts';
import { unlockExpertKey } from '../../../electron/experts/expert-store.ts';
import { signSheet } from '../../../electron/sheets/sign-sheet.ts';
import { writeSheetFile } from '../../../electron/sheets/write-sheet-file.ts';
import type { RequestOf } from '../../../shared/api/contract.ts';
import type { PackageImportReport } from '../../../shared/api/package-types.ts';
import type { ExpertProfile } from '../../../shared/api/expert-work-types.ts';
import type { MeetingPackageView } from '../../../shared/api/meeting-setup-types.ts';
import { resultText } from '../../../shared/result/result-text.ts';
import { selfDecisions } from '../../../shared/rubric/self-score.ts';
import type { Sheet, UnsignedSheet } from '../../../shared/sheet/sheet-schema.ts';
import { call } from '../../helpers/call.ts';
import { prepareChairMeeting, writeChairMeeting } from '../../helpers/chair-meeting.ts';
import { makeExpert, writeSignedSheet } from '../../helpers/expert-sheet.ts';
import type { AlliancePlan } from '../../helpers/meeting-room.ts';
import { importMeetingFile, RoomClock, roomLaptop, scoreThroughWorkspace } from '../../helpers/meeting-room.ts';
import { pngDataUrl } from '../../helpers/png.ts';
import { resultDocumentsReport } from '../../../shared/api/job-results.ts';
import { pdfText } from '../export/pdf-tools.ts';
import { repoRoot, runCli } from '../../helpers/run-cli.ts';
import { PLEDGE_TEXT } from '../../../shared/sheet/sign-in.ts';
import { hefei } from '../../shared/rubric/fixtures.ts';

const CLERK = '会务 周敏';
const SECOND = '秘书 吴刚';
const CHAIR = '主任 孙立';
const ROSTER = [
  { id: 'E01', name: '王明', title: '教授', specialty: '材料科学', employer: '合肥工业大学', leader: true },
  { id: 'E02', name: '李华', title: '研究员', specialty: '信息技术', employer: '中国科学院合肥物质科学研究院', leader: false },
  { id: 'E03', name: '张伟', title: '高级工程师', specialty: '', employer: '', leader: false },
];
const PASSPHRASES = { E01: '王明的口令-2027', E02: '李华的口令-2027', spare: '备用电脑口令-2027' } as const;
const MEETING_NAME = '2026 年度合肥市产业技术创新战略联盟考核评审会';
/**
 * The meeting's settings, and the same settings as `merge` options. The threshold is below the
 * 4.75 points by which E01 and E02 each differ from their mean on HFA-003, so the setting shows
 * in the result (a merge with the default 10 would print other bytes).
 */
const SETTINGS = { method: 'trimmed', deviationThreshold: '4.5', budgetYuan: '1000000' } as const;
const MERGE_OPTIONS = ['--method', 'trimmed', '--deviation', '4.5', '--budget', '1000000'];
const OUTLIER_EXPLANATION = '白皮书对行业问题只有罗列，未分析成因，故评 0.5 分';
const AUDIT_STANDS = '审计报告未单列联盟经费，E01 不予认定、E02 据经费明细认定，经合议各自判断均有依据';
const CLARIFICATION = '联系人电话有误，请更正';
const REOPEN_REASON = '复核 HFA-003 的审计报告认定，确认汇总无误后再次定稿';
const SHEET_1 = 'E01-王明-2026-v1.sheet.json';
const SHEET_1_REVISED = 'E01-王明-2026-v2.sheet.json';
const SHEET_2 = 'E02-李华-2026-v1.sheet.json';
const SHEET_2_OTHER_VERSION = 'E02-李华-2026-v2.sheet.json';
const TAMPERED = 'E01-王明-2026-v1-改过.sheet.json';
const INCOMPLETE = 'E01-王明-2026-手改.sheet.json';

/** E01 decides everything: rejections with reasons, judged values of their own, an override. */
const E01_PLAN: Record<string, AlliancePlan> = {
  'HFA-003': {
    reject: { 'I3.audit': '审计报告未单列联盟经费', 'I6.international#intl-6': '仅为参会，无实质合作' },
    values: { 'I10.status': 2 },
    overrides: { I8: { score: 8, reason: '参与制定的标准尚未发布，酌减' } },
    comment: '材料齐全，成果突出。',
  },
  'HFA-011': { reject: { 'I4.techContracts#tc-3': '合同未在技术市场登记' }, values: { 'I10.outcomes': 0.5 } },
  'HFA-026': { reject: { 'I7.nationalIncubators#ni-1': '综合类联盟不适用孵化器指标' } },
  // 0.5 where the others give the claimed 1.5: further than 30% of the 2.5 cap, a subjective outlier (畸低).
  'HFA-030': { reject: { 'I1.council': '无理事会会议纪要' }, values: { 'I10.problems': 0.5 } },
};
/** E02 recuses HFA-017 and accepts the rest, but for one rejection. */
const E02_PLAN: Record<string, AlliancePlan> = {
  // Declared at sign-in with a standard reason; the plan states the same, so it changes nothing.
  'HFA-017': { recuse: '近三年内在该联盟成员单位任职：本人任职于该联盟牵头单位' },
  'HFA-022': { reject: { 'B2.majorProjects#mp-3': '项目尚未落地' } },
};

interface Expert {
  readonly ctx: ServiceContext;
  readonly profile: ExpertProfile;
}

const room = new RoomClock('2027-01-20T08:00:00+08:00');
let root = '';
/** The USB stick: alliance packages, the meeting file, the sheets. */
let stick = '';
let stickPackages: string[] = [];
let clerk: ServiceContext;
let chair: ServiceContext;
let chairMeetingId = 0;
const experts: Record<'E01' | 'E02', Expert> = {} as Record<'E01' | 'E02', Expert>;
let meetingFile = { path: '', fingerprint: '' };
let meetingPackages: readonly MeetingPackageView[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'three-laptops-'));
  stick = join(root, 'U盘');
  mkdirSync(stick);
});
afterAll(() => {
  for (const ctx of [clerk, chair, experts.E01?.ctx, experts.E02?.ctx]) ctx?.close();
  rmSync(root, { recursive: true, force: true });
});

function laptop(name: string): ServiceContext {
  return roomLaptop(join(root, name), room);
}

function cliMerge(sheets: readonly string[], packages: readonly string[] = stickPackages) {
  return runCli(['merge', '--json', '--packages', ...packages, '--sheets', ...sheets, ...MERGE_OPTIONS]);
}

async function importOnExpertLaptop(ctx: ServiceContext, actor: string) {
  const { status, outcome } = await importMeetingFile(ctx, meetingFile.path, actor);
  expect(status.state).toBe('done');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  // The fingerprint on screen is the one the clerk read out, and every package came with its digest.
  expect(outcome.value).toMatchObject({ outcome: 'created', name: MEETING_NAME, year: 2026, fingerprint: meetingFile.fingerprint });
  expect(outcome.value.packages.map((p) => [p.allianceId, p.outcome, p.digest])).toEqual(
    meetingPackages.map((p) => [p.allianceId, 'imported', p.digest]),
  );
  return outcome.value.meetingId;
}

async function signOnto(expert: Expert, passphrase: string, folder = stick) {
  return call(expert.ctx, 'sheet-sign', { expertId: expert.profile.id, year: 2026, passphrase, folder });
}

describe('an offline meeting on three laptops and a USB stick', { timeout: 120_000 }, () => {
  it('the clerk imports the alliances’ packages, prepares the meeting and writes the meeting file to the stick', async () => {
    // The alliances' packages arrive on the stick as they were handed in (zips and a folder).
    const delivered = join(stick, '材料包');
    cpSync(join(repoRoot, 'resources', 'samples', '2026'), delivered, { recursive: true });
    stickPackages = readdirSync(delivered).sort().map((name) => join(delivered, name));
    expect(stickPackages).toHaveLength(6);

    clerk = laptop('会务电脑');
    const { jobId } = await call(clerk, 'package-import', { sources: stickPackages.map((path) => ({ path })) });
    await clerk.jobs.idle();
    const imported = await call(clerk, 'job-status', { jobId });
    expect(imported.results.map((r) => r.outcome)).toEqual(Array(6).fill('imported'));

    const meeting = await call(clerk, 'meeting-create', { name: MEETING_NAME, year: 2026 });
    const meetingId = meeting.id;
    await call(clerk, 'meeting-settings-save', { meetingId, actor: CLERK, rubricId: 'hefei-2017', ...SETTINGS });
    await call(clerk, 'meeting-roster-save', { meetingId, actor: CLERK, experts: ROSTER });
    const candidates = (await call(clerk, 'meeting-setup', { meetingId })).candidates;
    const setup = await call(clerk, 'meeting-packages-save', { meetingId, actor: CLERK, packageIds: candidates.map((p) => p.id) });
    expect(setup.packages.map((p) => p.allianceId)).toEqual(['HFA-003', 'HFA-011', 'HFA-017', 'HFA-022', 'HFA-026', 'HFA-030']);
    meetingPackages = setup.packages;

    const exported = await call(clerk, 'meeting-file-export', { meetingId, folder: stick });
    expect(exported.path).toBe(join(stick, `${MEETING_NAME}.meeting.zip`));
    meetingFile = { path: exported.path, fingerprint: exported.fingerprint };
  });

  it('each expert laptop refuses a damaged meeting file, imports the real one with every digest checked, and signs a sheet onto the stick', async () => {
    room.set('2027-01-20T08:30:00+08:00');
    // A copy damaged in one byte (a bad stick) is refused as a whole; the laptop keeps nothing.
    const e02ctx = laptop('专家电脑-E02');
    const damagedDir = join(root, '坏U盘');
    mkdirSync(damagedDir);
    const damagedPath = join(damagedDir, basename(meetingFile.path));
    const bytes = readFileSync(meetingFile.path);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    writeFileSync(damagedPath, bytes);
    const damaged = await importMeetingFile(e02ctx, damagedPath, '专家 李华');
    expect(damaged.status.state).toBe('failed');
    expect(damaged.status.error?.message).toContain(basename(damagedPath));
    expect(damaged.outcome.ok).toBe(false);
    expect(e02ctx.db.prepare('SELECT count(*) FROM meeting').pluck().get()).toBe(0);

    const e01ctx = laptop('专家电脑-E01');
    const e01meeting = await importOnExpertLaptop(e01ctx, '专家 王明');
    const e02meeting = await importOnExpertLaptop(e02ctx, '专家 李华');
    // The roster arrived whole with the meeting file, and a profile is made by choosing one's
    // entry from it: typing an id (the `e01` for `E01` of the issue) is refused on such a laptop.
    const choices = await call(e01ctx, 'expert-roster-choices', {});
    expect(choices).toEqual([
      { meetingId: e01meeting, meetingName: MEETING_NAME, year: 2026, experts: ROSTER.map((entry) => ({ ...entry, profileId: null })) },
    ]);
    await expect(call(e01ctx, 'expert-create', { rosterId: 'e01', name: '王明', passphrase: PASSPHRASES.E01 })).rejects.toThrow(
      /expert-roster-required.*从名册里选择/,
    );
    await expect(call(e01ctx, 'expert-create', { meetingId: e01meeting, rosterId: 'e01', passphrase: PASSPHRASES.E01 })).rejects.toThrow(
      /expert-not-in-roster.*没有编号 e01/,
    );
    experts.E01 = { ctx: e01ctx, profile: await call(e01ctx, 'expert-create', { meetingId: e01meeting, rosterId: 'E01', passphrase: PASSPHRASES.E01 }) };
    experts.E02 = { ctx: e02ctx, profile: await call(e02ctx, 'expert-create', { meetingId: e02meeting, rosterId: 'E02', passphrase: PASSPHRASES.E02 }) };
    expect(experts.E01.profile).toMatchObject({ rosterId: 'E01', name: '王明', title: '教授', employer: '合肥工业大学' });
    expect((await call(e01ctx, 'expert-roster-choices', {}))[0]?.experts.map((e) => e.profileId)).toEqual([experts.E01.profile.id, null, null]);

    // Scoring is locked until the expert has signed in: identity, pledge, recusals, key.
    const before = await call(e01ctx, 'expert-workspace', { expertId: experts.E01.profile.id });
    const first = { expertId: experts.E01.profile.id, packageId: before.alliances[0]!.packageId };
    await expect(call(e01ctx, 'decision-set', { ...first, criterionId: 'I1.council', decision: { accept: true } })).rejects.toThrow(/^sign-in-required: 2026 年度的评分尚未开始/);
    await expect(call(e01ctx, 'recusal-set', { ...first, reason: '测试' })).rejects.toThrow(/^sign-in-required/);
    expect(await call(e01ctx, 'sign-in-get', { expertId: experts.E01.profile.id, year: 2026 })).toMatchObject({ required: true, signIn: null, pledgeText: PLEDGE_TEXT });
    room.set('2027-01-20T08:50:00+08:00');
    await expect(
      call(e01ctx, 'sign-in-save', { expertId: experts.E01.profile.id, year: 2026, passphrase: '错误的口令-2027', handSignature: pngDataUrl(), recusals: [] }),
    ).rejects.toThrow(/^wrong-passphrase/);
    const e01signIn = await call(e01ctx, 'sign-in-save', { expertId: experts.E01.profile.id, year: 2026, passphrase: PASSPHRASES.E01, handSignature: pngDataUrl(), recusals: [] });
    // The time in the laptop's own offset, as a sheet's signedAt.
    const at = e01signIn.signIn?.at ?? '';
    expect(new Date(at).toISOString()).toBe('2027-01-20T00:50:00.000Z');
    expect(e01signIn.signIn).toEqual({ at, pledge: { text: PLEDGE_TEXT, signedAt: at }, recusals: [] });
    await expect(
      call(e01ctx, 'sign-in-save', { expertId: experts.E01.profile.id, year: 2026, passphrase: PASSPHRASES.E01, handSignature: pngDataUrl(), recusals: [] }),
    ).rejects.toThrow(/^signed-in-already/);
    await expect(
      call(e02ctx, 'sign-in-save', {
        expertId: experts.E02.profile.id,
        year: 2026,
        passphrase: PASSPHRASES.E02,
        handSignature: pngDataUrl(),
        recusals: [{ allianceId: 'HFA-017', reason: 'other' }],
      }),
    ).rejects.toThrow(/^sign-in-invalid: 未签到：对 .* 选择了“其他利害关系”，请写明具体情况。/);
    const e02signIn = await call(e02ctx, 'sign-in-save', {
      expertId: experts.E02.profile.id,
      year: 2026,
      passphrase: PASSPHRASES.E02,
      handSignature: pngDataUrl(),
      recusals: [{ allianceId: 'HFA-017', reason: 'employed', detail: '本人任职于该联盟牵头单位' }],
    });
    expect(e02signIn.signIn?.recusals).toEqual([{ allianceId: 'HFA-017', reason: 'employed', detail: '本人任职于该联盟牵头单位' }]);
    // The declared recusal is the alliance's recusal, before any scoring.
    expect((await call(e02ctx, 'expert-workspace', { expertId: experts.E02.profile.id })).alliances.find((a) => a.allianceId === 'HFA-017')?.status).toBe('recused');

    room.set('2027-01-20T09:00:00+08:00');
    const e01 = await scoreThroughWorkspace(e01ctx, experts.E01.profile.id, E01_PLAN);
    expect(e01.alliances.map((a) => a.status)).toEqual(Array(6).fill('complete'));
    expect(e01.alliances.map((a) => a.digest)).toEqual(meetingPackages.map((p) => p.digest));
    expect(e01.blockers).toEqual([]);
    const e02 = await scoreThroughWorkspace(e02ctx, experts.E02.profile.id, E02_PLAN);
    expect(e02.alliances.map((a) => [a.allianceId, a.status])).toEqual([
      ['HFA-003', 'complete'],
      ['HFA-011', 'complete'],
      ['HFA-017', 'recused'],
      ['HFA-022', 'complete'],
      ['HFA-026', 'complete'],
      ['HFA-030', 'complete'],
    ]);

    room.set('2027-01-20T10:30:00+08:00');
    const signed1 = await signOnto(experts.E01, PASSPHRASES.E01);
    const signed2 = await signOnto(experts.E02, PASSPHRASES.E02);
    expect([signed1.path, signed2.path]).toEqual([join(stick, SHEET_1), join(stick, SHEET_2)]);
    // The fingerprint each expert will read out is their profile's key.
    expect(signed1.sheet.fingerprint).toBe(experts.E01.profile.fingerprint);
    expect(signed2.sheet.fingerprint).toBe(experts.E02.profile.fingerprint);
    const sheet1 = JSON.parse(readFileSync(signed1.path, 'utf8')) as Sheet;
    const hfa003 = sheet1.reviews[0]!;
    expect(hfa003.decisions?.['I3.audit']).toEqual({ accept: false, reason: '审计报告未单列联盟经费' });
    expect(hfa003.decisions?.['I6.international']).toEqual({
      accepted: ['intl-1', 'intl-2', 'intl-3', 'intl-4', 'intl-5'],
      rejected: { 'intl-6': '仅为参会，无实质合作' },
    });
    expect(hfa003.decisions?.['I10.status']).toEqual({ value: 2 });
    expect(hfa003.overrides).toEqual({ I8: { score: 8, reason: '参与制定的标准尚未发布，酌减' } });
    const sheet2 = JSON.parse(readFileSync(signed2.path, 'utf8')) as Sheet;
    // Format 2: the sign-in travels in the signed sheet, word for word as signed on the laptop.
    expect(sheet2.version).toBe(2);
    expect(sheet2.signIn).toEqual(e02signIn.signIn);
    expect(sheet2.dissent).toBeUndefined();
    expect(sheet2.reviews.find((r) => r.allianceId === 'HFA-017')).toEqual({
      allianceId: 'HFA-017',
      packageDigest: meetingPackages[2]!.digest,
      recused: true,
      comment: '近三年内在该联盟成员单位任职：本人任职于该联盟牵头单位',
    });
  });

  it('the chair’s laptop imports the meeting file and the stick’s sheets, and counts each key only once its fingerprint is confirmed as read out', async () => {
    room.set('2027-01-20T11:00:00+08:00');
    chair = laptop('主任电脑');
    const { status, outcome } = await importMeetingFile(chair, meetingFile.path, CHAIR);
    expect(status.state).toBe('done');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    expect(outcome.value.fingerprint).toBe(meetingFile.fingerprint);
    chairMeetingId = outcome.value.meetingId;
    const meetingId = chairMeetingId;
    const setup = await call(chair, 'meeting-setup', { meetingId });
    expect(setup.settings).toEqual(SETTINGS);
    expect(setup.experts).toEqual(ROSTER);

    // The whole stick at once: the two sheets, each waiting for its fingerprint.
    const reports = await call(chair, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: [{ path: stick }] });
    expect(reports.map((r) => [r.source, r.outcome, r.fingerprint])).toEqual([
      [SHEET_1, 'awaiting-fingerprint', experts.E01.profile.fingerprint],
      [SHEET_2, 'awaiting-fingerprint', experts.E02.profile.fingerprint],
    ]);
    expect((await call(chair, 'panel-view', { meetingId })).result).toBeNull();

    const listed = await call(chair, 'chair-sheet-list', { meetingId });
    const pending = (id: string) => listed.pendingKeys.find((k) => k.expertId === id)!;
    // A mis-heard read-out is refused; what E01's own laptop shows, typed as heard, is confirmed.
    await expect(
      call(chair, 'chair-key-decide', { meetingId, actor: CHAIR, publicKey: pending('E01').publicKey, decision: 'confirm', readOut: experts.E02.profile.fingerprint }),
    ).rejects.toThrow(/^fingerprint-mismatch/);
    for (const id of ['E01', 'E02'] as const) {
      const readOut = experts[id].profile.fingerprint.toUpperCase().replace(/ /g, '');
      await call(chair, 'chair-key-decide', { meetingId, actor: CHAIR, publicKey: pending(id).publicKey, decision: 'confirm', readOut });
    }

    const view = await call(chair, 'panel-view', { meetingId });
    expect(view.experts.map((e) => [e.id, e.state, e.fingerprint])).toEqual([
      ['E01', 'signed', experts.E01.profile.fingerprint],
      ['E02', 'signed', experts.E02.profile.fingerprint],
      ['E03', 'none', null],
    ]);
    expect(view.problems).toEqual([]);
    expect(view.unreviewed).toEqual([]);
    const hfa017 = view.result?.alliances.find((a) => a.allianceId === 'HFA-017');
    expect(hfa017?.experts.map((e) => [e.id, e.recused])).toEqual([
      ['E01', false],
      ['E02', true],
    ]);
    expect(hfa017?.flags.map((f) => f.kind)).toContain('quorum');
    const hfa003 = view.result?.alliances.find((a) => a.allianceId === 'HFA-003');
    expect(hfa003?.experts.find((e) => e.id === 'E01')?.indicators?.['I8']).toBe(8);
    expect(hfa003?.flags).toContainEqual(expect.objectContaining({ kind: 'override', expert: 'E01', indicator: 'I8' }));

    // The console lists every objective difference side by side, with the reasons given, and the
    // subjective outlier; none is settled yet, and each holds the lock.
    const procedure = view.procedure!;
    const tc3 = procedure.differences.find((d) => d.allianceId === 'HFA-011' && d.criterionId === 'I4.techContracts' && d.itemId === 'tc-3');
    expect(tc3).toMatchObject({ status: 'open', decisions: [{ expertId: 'E01', decision: 'reject', reason: '合同未在技术市场登记' }, { expertId: 'E02', decision: 'accept' }] });
    expect(procedure.differences.every((d) => d.status === 'open')).toBe(true);
    // With two experts each is the other's outlier; E03's paper sheet later leaves only E01's.
    expect(procedure.outliers.map((o) => [o.allianceId, o.criterionId, o.expertId, o.score, o.othersMean, o.direction, o.status])).toEqual([
      ['HFA-030', 'I10.problems', 'E01', '0.5', '1.5', 'low', 'open'],
      ['HFA-030', 'I10.problems', 'E02', '1.5', '0.5', 'high', 'open'],
    ]);
    expect(procedure.conditions.find((c) => c.id === 'outliers')?.met).toBe(false);
  });

  it('refuses, naming each file and the reason: a tampered sheet, another package version, an incomplete sheet, and a second key for E02 (loudly)', async () => {
    room.set('2027-01-20T12:00:00+08:00');
    const meetingId = chairMeetingId;

    // One byte of E01's sheet changed on the stick: a judged value.
    const original = readFileSync(join(stick, SHEET_1));
    const at = original.indexOf('"value": ') + '"value": '.length;
    const tampered = Buffer.from(original);
    tampered[at] = original[at] === 0x30 ? 0x31 : 0x30;
    expect(tampered.filter((byte, i) => byte !== original[i])).toHaveLength(1);
    writeFileSync(join(stick, TAMPERED), tampered);

    // E02's laptop is handed a corrected HFA-022 after signing; E02 revises, scores the new
    // version and signs against it: a package the meeting does not have.
    const corrected = join(root, '联盟补交', 'HFA-022-科技金融联盟');
    cpSync(stickPackages.find((p) => basename(p).startsWith('HFA-022'))!, corrected, { recursive: true });
    const manifestPath = join(corrected, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { alliance: { contact: { phone: string } } };
    manifest.alliance.contact.phone = '0551-62620099';
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const e02 = experts.E02;
    const { jobId } = await call(e02.ctx, 'package-import', { sources: [{ path: corrected }] });
    await e02.ctx.jobs.idle();
    // One import, one package report (a cast, not a narrowing: job results may be of other kinds).
    const newVersion = (await call(e02.ctx, 'job-status', { jobId })).results[0] as PackageImportReport;
    expect(newVersion).toMatchObject({ outcome: 'imported', allianceId: 'HFA-022', version: 2 });
    expect(newVersion.digest).not.toBe(meetingPackages[3]!.digest);
    await call(e02.ctx, 'sheet-revise', { expertId: e02.profile.id, year: 2026 });
    // Only the contact changed: every claim is unchanged, so E02's decisions were carried over
    // (补正) and wait for confirmation; E02 confirms them in one step.
    const carried = await call(e02.ctx, 'expert-workspace', { expertId: e02.profile.id });
    const hfa022 = carried.alliances.find((a) => a.allianceId === 'HFA-022');
    expect(hfa022).toMatchObject({ undecided: 0 });
    expect(hfa022?.carried).toBeGreaterThan(0);
    await call(e02.ctx, 'carried-confirm', { expertId: e02.profile.id, packageId: newVersion.packageId! });
    const rescored = await scoreThroughWorkspace(e02.ctx, e02.profile.id, { ...E02_PLAN, 'HFA-022': {} });
    expect(rescored.alliances.find((a) => a.allianceId === 'HFA-022')?.digest).toBe(newVersion.digest);
    room.set('2027-01-20T12:10:00+08:00');
    expect((await signOnto(e02, PASSPHRASES.E02)).path).toBe(join(stick, SHEET_2_OTHER_VERSION));

    // An incomplete sheet under E01's real key: a decision taken out of the signed sheet, signed
    // again (as a hand-edited file or a faulty program might).
    const key = unlockExpertKey(experts.E01.ctx.db, experts.E01.profile.id, PASSPHRASES.E01);
    const sheet1 = JSON.parse(original.toString('utf8')) as Sheet;
    const [first, ...rest] = sheet1.reviews;
    const { 'I1.office': _dropped, ...fewer } = first!.decisions ?? {};
    const incomplete: UnsignedSheet = {
      format: sheet1.format,
      version: sheet1.version,
      year: sheet1.year,
      rubric: sheet1.rubric,
      expert: sheet1.expert,
      signedAt: '2027-01-20T12:20:00+08:00',
      reviews: [{ ...first!, decisions: fewer }, ...rest],
      signIn: sheet1.signIn,
    };
    await writeSheetFile(join(stick, INCOMPLETE), signSheet(incomplete, key));

    // A spare laptop with its own profile "E02 李华": the same expert id, another key.
    const spare = laptop('备用电脑');
    const spareImport = await importMeetingFile(spare, meetingFile.path, '专家 李华');
    if (!spareImport.outcome.ok) throw new Error(JSON.stringify(spareImport.outcome.error));
    const spareProfile = await call(spare, 'expert-create', { meetingId: spareImport.outcome.value.meetingId, rosterId: 'E02', passphrase: PASSPHRASES.spare });
    await call(spare, 'sign-in-save', { expertId: spareProfile.id, year: 2026, passphrase: PASSPHRASES.spare, handSignature: pngDataUrl(), recusals: [] });
    await scoreThroughWorkspace(spare, spareProfile.id, {});
    const spareFolder = join(stick, '备用电脑');
    mkdirSync(spareFolder);
    room.set('2027-01-20T12:30:00+08:00');
    const spareSheet = (await signOnto({ ctx: spare, profile: spareProfile }, PASSPHRASES.spare, spareFolder)).path;
    spare.close();

    const files = [join(stick, TAMPERED), join(stick, SHEET_2_OTHER_VERSION), join(stick, INCOMPLETE), spareSheet];
    const reports = await call(chair, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: files.map((path) => ({ path })) });
    expect(reports.map((r) => [r.source, r.outcome, r.problems[0]?.code])).toEqual([
      [TAMPERED, 'refused', 'signature-invalid'],
      [SHEET_2_OTHER_VERSION, 'refused', 'package-digest-unknown'],
      [INCOMPLETE, 'refused', 'review-incomplete'],
      [SHEET_2, 'refused', 'expert-key-changed'],
    ]);
    expect(reports.every((r) => r.problems.length > 0 && r.problems.every((p) => p.source === r.source && p.message.length > 0))).toBe(true);
    expect(reports[1]?.problems[0]).toMatchObject({ path: 'reviews[3].packageDigest' });
    // The chair reads the file they chose and the alliance by name; the check's own text (with the id) stays beside it.
    expect(reports[1]?.problems[0]?.message).toContain(`「${SHEET_2_OTHER_VERSION}」`);
    expect(reports[1]?.problems[0]?.message).toContain('合肥市科技金融产业技术创新战略联盟');
    expect(reports[1]?.problems[0]?.detail).toContain('HFA-022');
    expect(reports[2]?.problems[0]?.message).toContain(`「${INCOMPLETE}」`);
    expect(reports[2]?.problems[0]?.detail).toContain('HFA-003');
    const loud = reports[3]?.problems[0]?.message ?? '';
    expect(loud).toMatch(/^⚠ 密钥不符/);
    expect(loud).toContain(experts.E02.profile.fingerprint);
    expect(loud).toContain(spareProfile.fingerprint);

    // Nothing refused was kept; the stateless merge refuses the same files.
    const listed = await call(chair, 'chair-sheet-list', { meetingId });
    expect(listed.sheets.map((s) => [s.sourceName, s.status])).toEqual([
      [SHEET_1, 'current'],
      [SHEET_2, 'current'],
    ]);
    const good = { E01: join(stick, SHEET_1), E02: join(stick, SHEET_2) };
    for (const sheets of [
      [join(stick, TAMPERED), good.E02],
      [good.E01, join(stick, SHEET_2_OTHER_VERSION)],
      [join(stick, INCOMPLETE), good.E02],
      [good.E01, good.E02, spareSheet],
    ]) {
      const run = cliMerge(sheets);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('✗ 未汇总 merge refused');
    }
    expect(cliMerge([join(stick, TAMPERED), good.E02]).stderr).toContain(TAMPERED);
    expect(cliMerge([join(stick, INCOMPLETE), good.E02]).stderr).toContain(INCOMPLETE);
  });

  it('E01 revises and signs again: the later sheet supersedes the first in the merge, and the first stays in the history', async () => {
    room.set('2027-01-20T13:00:00+08:00');
    const meetingId = chairMeetingId;
    const e01 = experts.E01;
    await call(e01.ctx, 'sheet-revise', { expertId: e01.profile.id, year: 2026 });
    const workspace = await call(e01.ctx, 'expert-workspace', { expertId: e01.profile.id });
    const hfa011 = workspace.alliances.find((a) => a.allianceId === 'HFA-011')!;
    await call(e01.ctx, 'decision-set', {
      expertId: e01.profile.id,
      packageId: hfa011.packageId,
      criterionId: 'I4.techContracts',
      itemId: 'tc-3',
      decision: { accept: true },
    });
    // E01 writes a dissent (异议) on the sign dialog; it is signed with the rest of the sheet.
    const DISSENT = '对 HFA-011 的技术合同认定，本人保留意见：部分合同未见登记证明。';
    // An explanation of a criterion E01 did not decide is refused, as merge would refuse it.
    await expect(
      call(e01.ctx, 'sheet-sign', { expertId: e01.profile.id, year: 2026, passphrase: PASSPHRASES.E01, folder: stick, explanations: { 'HFA-011': { 'I9.nothing': '说明' } } }),
    ).rejects.toThrow(/^sheet-invalid: .*I9\.nothing/);
    const EXPLANATION = '技术合同登记证明齐全，故认定';
    const revised = await call(e01.ctx, 'sheet-sign', {
      expertId: e01.profile.id,
      year: 2026,
      passphrase: PASSPHRASES.E01,
      folder: stick,
      dissent: `  ${DISSENT}\n`,
      // E01 keeps the low score and explains it in writing, signed with the sheet.
      explanations: { 'HFA-011': { 'I4.techContracts': EXPLANATION }, 'HFA-030': { 'I10.problems': OUTLIER_EXPLANATION } },
    });
    expect(revised.path).toBe(join(stick, SHEET_1_REVISED));
    const revisedSheet = JSON.parse(readFileSync(revised.path, 'utf8')) as Sheet;
    expect(revisedSheet).toMatchObject({ version: 2, dissent: DISSENT });
    expect(revisedSheet.reviews.find((r) => r.allianceId === 'HFA-011')?.explanations).toEqual({ 'I4.techContracts': EXPLANATION });
    // The dissent is signed: changing it breaks the signature.
    const altered = join(root, '改过异议.sheet.json');
    writeFileSync(altered, readFileSync(revised.path, 'utf8').replace('保留意见', '没有意见'));
    expect(runCli(['verify', altered]).status).not.toBe(0);

    // The chair takes the whole stick again: only the revised sheet is new.
    const reports = await call(chair, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: [{ path: stick }] });
    const outcomes = reports.map((r) => `${r.source} ${r.outcome} ${r.problems[0]?.code ?? ''}`.trim()).sort();
    expect(outcomes).toEqual(
      [
        `${SHEET_1} already-imported same-sheet`,
        `${SHEET_1_REVISED} supersedes`,
        `${INCOMPLETE} refused review-incomplete`,
        `${TAMPERED} refused signature-invalid`,
        `${SHEET_2} already-imported same-sheet`,
        `备用电脑/${SHEET_2} refused expert-key-changed`,
        `${SHEET_2_OTHER_VERSION} refused package-digest-unknown`,
      ].sort(),
    );
    const listed = await call(chair, 'chair-sheet-list', { meetingId });
    expect(listed.sheets.filter((s) => s.expertId === 'E01').map((s) => [s.sourceName, s.status])).toEqual([
      [SHEET_1_REVISED, 'current'],
      [SHEET_1, 'superseded'],
    ]);
    const audit = await call(chair, 'audit-log', { meetingId });
    const supersede = audit.entries.filter((e) => e.action === 'sheet-supersede');
    expect(supersede).toHaveLength(1);
    expect(JSON.parse(supersede[0]!.detail)).toMatchObject({ expert: 'E01', file: SHEET_1_REVISED, supersedesSignedAt: expect.any(String) });
    const view = await call(chair, 'panel-view', { meetingId });
    const e01Hfa011 = view.result?.alliances.find((a) => a.allianceId === 'HFA-011')?.experts.find((e) => e.id === 'E01');
    expect(e01Hfa011?.indicators?.['I4']).toBe(7);
    // The re-signed sheet agrees with E02 on tc-3: the difference is settled, by the experts, not the chair.
    const procedure = view.procedure!;
    expect(procedure.differences.filter((d) => d.status === 'settled').map((d) => [d.allianceId, d.criterionId, d.itemId])).toEqual([['HFA-011', 'I4.techContracts', 'tc-3']]);
    expect(procedure.outliers.find((o) => o.expertId === 'E01')).toMatchObject({
      allianceId: 'HFA-030',
      status: 'explained',
      explanation: { text: OUTLIER_EXPLANATION, by: 'E01（评分表内签名）', source: 'sheet' },
    });
  });

  it('the chair’s result is byte for byte what `alliance-review merge --json` prints for the stick’s packages and the sheets that count', async () => {
    const view = await call(chair, 'panel-view', { meetingId: chairMeetingId });
    const appText = resultText(view.result!);
    const counted = [join(stick, SHEET_1_REVISED), join(stick, SHEET_2)];
    const run = cliMerge(counted);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(appText).toBe(run.stdout);
    const hfa003 = view.result!.alliances[0]!;
    expect(hfa003.experts.map((e) => [e.id, e.total])).toEqual([
      ['E01', 89],
      ['E02', 98.5],
    ]);
    expect(hfa003.flags.filter((f) => f.kind === 'deviation').map((f) => f.expert)).toEqual(['E01', 'E02']);
    // The CLI is stateless: it takes only the latest sheet of each expert.
    const both = cliMerge([join(stick, SHEET_1), ...counted]);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('E01');
    // Anyone holding only the meeting's sheets sees each expert's key, as the chair confirmed it.
    const verify = runCli(['verify', join(stick, SHEET_1_REVISED)]);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain(experts.E01.profile.fingerprint);
    expect(verify.stdout).toMatch(/签到时间 signed in：2027-01-20T00:50:00\+00:00（已签署承诺书 pledge signed 2027-01-20T00:50:00\+00:00；签到时声明回避 recusals declared 0）/);
  });

  it('E03’s paper sheet is entered twice by two people; a disagreeing entry is shown field by field, then corrected, and the result marks it paper-entered', async () => {
    room.set('2027-01-20T14:00:00+08:00');
    const meetingId = chairMeetingId;
    const form = await call(chair, 'paper-form', { meetingId });
    expect(form.alliances.map((a) => a.digest)).toEqual(meetingPackages.map((p) => p.digest));
    const reviews = form.alliances.map((a) => ({
      allianceId: a.allianceId,
      packageDigest: a.digest,
      recused: false,
      decisions: {
        ...selfDecisions(form.rubric, a.claims),
        ...(a.allianceId === 'HFA-026' ? { 'I3.audit': { accept: false, reason: '审计报告为复印件，无公章' } } : {}),
        ...(a.allianceId === 'HFA-011' ? { 'I10.status': { value: 1.5 } } : {}),
      },
    }));
    type Content = RequestOf<'paper-entry-save'>['content'];
    const paper = { signedOn: '2027-01-20', reviews } as Content;
    const misread = structuredClone(paper) as { reviews: { decisions: Record<string, unknown> }[] };
    misread.reviews[1]!.decisions['I10.status'] = { value: 2.5 };
    const entry = (actor: string, entryNo: 1 | 2, content: Content) =>
      call(chair, 'paper-entry-save', { meetingId, actor, expertId: 'E03', entryNo, content });

    await entry(CLERK, 1, paper);
    let sheet = await entry(SECOND, 2, misread as unknown as Content);
    expect(sheet.agreed).toBeNull();
    expect(sheet.mismatches.map(({ where, first, second }) => ({ where, first, second }))).toEqual([{ where: 'HFA-011 · I10.status', first: '1.5', second: '2.5' }]);
    let view = await call(chair, 'panel-view', { meetingId });
    expect(view.experts[2]?.state).toBe('paper-entering');
    expect(view.result?.alliances[0]?.experts.map((e) => e.id)).toEqual(['E01', 'E02']);

    sheet = await entry(SECOND, 2, paper);
    expect(sheet.agreed).toMatchObject({ enteredBy: CLERK, confirmedBy: SECOND });
    expect(sheet.mismatches).toEqual([]);
    view = await call(chair, 'panel-view', { meetingId });
    expect(view.experts[2]).toMatchObject({ id: 'E03', state: 'paper', fingerprint: null, paper: { enteredBy: CLERK, confirmedBy: SECOND } });
    const detail = `纸质评分表，无电子签名：由 ${CLERK} 录入，${SECOND} 盲录复核一致`;
    for (const alliance of view.result!.alliances) {
      expect(alliance.experts.find((e) => e.id === 'E03')).toMatchObject({ fingerprint: 'paper', recused: false });
      expect(alliance.flags).toContainEqual({ kind: 'paper-entered', expert: 'E03', detail });
    }
    // The signed experts' own scores are still exactly the CLI's without the paper sheet (the
    // whole result, paper sheet included, is compared with the CLI's after the export below).
    const signed = JSON.parse(cliMerge([join(stick, SHEET_1_REVISED), join(stick, SHEET_2)]).stdout) as NonNullable<typeof view.result>;
    for (const [i, alliance] of view.result!.alliances.entries()) {
      expect(alliance.experts.filter((e) => e.id !== 'E03')).toEqual(signed.alliances[i]!.experts);
    }
  });

  it('the chair settles each lock condition, locks, and reopens only for one of art. 64’s reasons, audit-logged', async () => {
    room.set('2027-01-20T15:00:00+08:00');
    const meetingId = chairMeetingId;
    let view = await call(chair, 'panel-view', { meetingId });
    const missing = (id: string) => view.procedure?.conditions.find((c) => c.id === id)?.missing ?? [];
    // E03 scored on paper: no sign-in of their own until the chair records the signed paper pledge.
    expect(missing('signed-in')).toEqual(['专家 E03 张伟 尚未签到（没有签到记录，也没有登记签字承诺书）']);
    await call(chair, 'panel-pledge-record', { meetingId, actor: CHAIR, expertId: 'E03', signedOn: '2027-01-20' });
    // The objective differences no revision settled: the panel records why each stands.
    view = await call(chair, 'panel-view', { meetingId });
    const open = view.procedure!.differences.filter((d) => d.status === 'open');
    expect(open.map((d) => `${d.allianceId} ${d.criterionId}`)).toContain('HFA-003 I3.audit');
    for (const difference of open) {
      const reason = difference.allianceId === 'HFA-003' && difference.criterionId === 'I3.audit' ? AUDIT_STANDS : '经合议，各专家维持各自判断';
      await call(chair, 'panel-difference-standing', { meetingId, actor: CHAIR, differenceKey: difference.key, reason });
    }
    // There is no 2025 result for these alliances; a 补正 request to HFA-022 stays open.
    await call(chair, 'panel-previous-none', { meetingId, actor: CHAIR });
    await call(chair, 'clarification-request', { meetingId, actor: CHAIR, allianceId: 'HFA-022', missing: CLARIFICATION, dueOn: '2027-01-22' });
    view = await call(chair, 'panel-view', { meetingId });
    expect(view.blockers).toEqual([expect.stringContaining('没有主任的说明')]);
    await expect(call(chair, 'panel-finalize', { meetingId, actor: CHAIR })).rejects.toThrow();
    for (const flag of view.flags) await call(chair, 'flag-note-save', { meetingId, actor: CHAIR, flagKey: flag.key, note: '经合议维持原评分' });
    view = await call(chair, 'panel-view', { meetingId });
    expect(view.blockers).toEqual([]);
    expect(view.procedure?.conditions.every((c) => c.met)).toBe(true);
    const lock = await call(chair, 'panel-finalize', { meetingId, actor: CHAIR });
    expect(lock.intact).toBe(true);
    expect(lock.resultText).toBe(resultText(view.result!));
    expect(lock.resultText).toContain('"kind": "paper-entered"');

    // Reopening needs one of the four grounds; anything else is refused and changes nothing.
    await expect(call(chair, 'panel-reopen', { meetingId, actor: CHAIR, ground: 'chair-wish', reason: '想再看看' } as unknown as RequestOf<'panel-reopen'>)).rejects.toThrow(/^invalid-request/);
    room.set('2027-01-20T15:30:00+08:00');
    await call(chair, 'panel-reopen', { meetingId, actor: CHAIR, ground: 'objective-inconsistent', reason: REOPEN_REASON });
    expect((await call(chair, 'panel-view', { meetingId })).lock).toBeNull();
    const relock = await call(chair, 'panel-finalize', { meetingId, actor: CHAIR });
    expect(relock.resultText).toBe(lock.resultText);

    const audit = await call(chair, 'audit-log', { meetingId });
    expect(audit.verification).toMatchObject({ ok: true, problems: [] });
    const actions = audit.entries.map((e) => e.action);
    expect(actions[0]).toBe('meeting-file-import');
    expect(actions.filter((a) => a === 'sheet-import')).toHaveLength(2);
    expect(actions.filter((a) => a === 'key-confirm')).toHaveLength(2);
    expect(actions.slice(-3)).toEqual(['lock', 'reopen', 'lock']);
    const reopen = audit.entries.find((e) => e.action === 'reopen')!;
    expect(reopen.actor).toBe(CHAIR);
    expect(JSON.parse(reopen.detail)).toMatchObject({ ground: 'objective-inconsistent', reason: REOPEN_REASON, resultSha256: lock.resultSha256 });
  });

  it('the exported archive (packages, signed sheets, E03.paper.json) recomputes with the CLI to exactly the locked bytes', async () => {
    const meetingId = chairMeetingId;
    const lock = (await call(chair, 'panel-view', { meetingId })).lock!;
    const archive = join(root, '存档');
    mkdirSync(archive);
    await call(chair, 'panel-result-export', { meetingId, folder: archive });
    expect(readdirSync(archive).sort()).toEqual(['2026-result.json', '2026-公示名单.txt', 'E03.paper.json'].sort());
    const resultFile = readFileSync(join(archive, '2026-result.json'), 'utf8');
    expect(resultFile).toBe(lock.resultText);
    const verify = runCli(['verify', join(archive, 'E03.paper.json')]);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('无电子签名 no digital signature');
    expect(verify.stdout).toContain(`录入 entered by：${CLERK}`);
    expect(verify.stdout).toContain(`盲录复核 confirmed by：${SECOND}`);
    const run = runCli([
      'merge', '--json', '--packages', ...stickPackages,
      '--sheets', join(stick, SHEET_1_REVISED), join(stick, SHEET_2),
      '--paper', join(archive, 'E03.paper.json'),
      ...MERGE_OPTIONS,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(lock.resultText);
  });

  it('the 评审报告 the chair exports says how each difference and the outlier ended, the 补正 request, the reopening and every flag’s note', async () => {
    const meetingId = chairMeetingId;
    const folder = join(root, '结果文件');
    const started = await call(chair, 'result-documents-export', { meetingId, folder, overwrite: false });
    await chair.jobs.idle();
    const exported = resultDocumentsReport(await call(chair, 'job-status', { jobId: started.jobId }));
    expect(exported?.outcome).toBe('written');
    // pdftotext puts table cells on lines of their own: compared without white space.
    const report = pdfText(join(folder, '2026-评审报告.pdf')).replace(/\s+/g, '');
    const flat = (text: string) => text.replace(/\s+/g, '');
    expect(report).toContain(flat('专家组组长：王明（E01）'));
    // The difference E01's re-signed sheet settled, the one the panel recorded with its reason, the explained outlier.
    expect(report).toContain(flat('I4 吸纳技术合同登记「轻量化铝合金电池包壳体技术转让合同」：E01 王明 不认可、E02 李华 认可、E03 张伟 认可 专家重新签名后一致'));
    expect(report).toContain(flat(`经合议维持：${AUDIT_STANDS}（${CHAIR} 记录）`));
    expect(report).toContain(flat(`王明（E01） 评 0.5 分，其他专家平均 1.5 分`));
    expect(report).toContain(flat(`专家已书面说明：${OUTLIER_EXPLANATION}`));
    // The 补正 request, still open; the reopening with its art. 64 ground; no flag without a note.
    expect(report).toContain(flat(`合肥市科技金融产业技术创新战略联盟（HFA-022）`));
    expect(report).toContain(flat(CLARIFICATION));
    // pdftotext interleaves a table's header with its first row: each cell on its own.
    for (const cell of [CLARIFICATION, '2027-01-22', `${CHAIR} 2027-01-20 15:00`, '结果 未补正 七、标记与组长意见']) expect(report).toContain(flat(cell));
    expect(report).toContain(flat('八、重新开启'));
    expect(report).toContain(flat(`2027-01-20 15:30 ${CHAIR}`));
    expect(report).toContain(flat('客观评分不一致'));
    expect(report).toContain(flat(REOPEN_REASON));
    expect(report).toContain('经合议维持原评分');
    expect(report).not.toContain('（未写说明）');
    expect(report).toContain(flat('王明（E01） 组长的异议（随评分表签名）：对 HFA-011 的技术合同认定，本人保留意见'));
  });

  it('the command line writes from the archived files (packages, sheets, paper sheet, meeting file, panel record) the same procedure documents, section by section', async () => {
    const exported = join(root, '结果文件');
    const archive = join(root, '存档');
    const written = join(root, '命令行结果文件');
    const recordFile = join(exported, '2026-专家组记录.panel.json');
    const run = runCli([
      'merge', '--json', '--packages', ...stickPackages,
      '--sheets', join(stick, SHEET_1_REVISED), join(stick, SHEET_2),
      '--paper', join(archive, 'E03.paper.json'),
      ...MERGE_OPTIONS,
      '--pdf', written, '--meeting-file', meetingFile.path, '--panel-record', recordFile,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(archive, '2026-result.json'), 'utf8'));
    // The record's summary: the settled and the recorded differences, the explained outlier, E03's paper pledge, the open 补正 request.
    expect(run.stderr).toMatch(/客观分歧 \d+ 项 · 畸高畸低 1 项 · 纸质承诺书 1 份 · 补正要求 1 项 · 监督意见 0 条 · 专家组结论 0 个 · 重新开启 1 次/);

    /**
     * What must differ: the day each was made (the app's export ran on the meeting's clock, the
     * command line runs today), printed as 报告生成于 … and on the date lines; and the signature,
     * which is in the PDF's bytes, not its text. Nothing else.
     */
    const comparable = (path: string) => pdfText(path).replace(/\d{4} 年 \d{1,2} 月 \d{1,2} 日/g, '（生成日期）');
    const sections = (text: string) => text.split(/\n(?=[一二三四五六七八九十]+、)/);
    const appReport = comparable(join(exported, '2026-评审报告.pdf'));
    const cliReport = comparable(join(written, '2026-评审报告.pdf'));
    expect(appReport).toContain('报告生成于 （生成日期）。');
    const appSections = sections(appReport);
    const cliSections = sections(cliReport);
    expect(appSections.map((t) => t.slice(0, 12))).toEqual(cliSections.map((t) => t.slice(0, 12)));
    expect(appSections.length).toBeGreaterThanOrEqual(10);
    for (const [i, section] of appSections.entries()) expect(cliSections[i], section.slice(0, 20)).toBe(section);
    // Section 五 in particular: every expert's decision on the settled difference and the outlier's explanation.
    const five = appSections.find((t) => t.startsWith('五、')) ?? '';
    const flat = (text: string) => text.replace(/\s+/g, '');
    expect(flat(five)).toContain(flat('I4 吸纳技术合同登记「轻量化铝合金电池包壳体技术转让合同」：E01 王明 不认可、E02 李华 认可、E03 张伟 认可 专家重新签名后一致'));
    expect(flat(five)).toContain(flat(`专家已书面说明：${OUTLIER_EXPLANATION}`));
    // The sign-in sheet, the pledges and each alliance's 专家组意见 (E03's paper pledge, the roster's titles) too.
    const procedureFiles = readdirSync(exported).filter((f) => /^2026-(专家签到表|评审专家承诺书|专家组意见-.+)\.pdf$/.test(f));
    expect(procedureFiles.length).toBeGreaterThanOrEqual(8);
    for (const file of procedureFiles) expect(comparable(join(written, file)), file).toBe(comparable(join(exported, file)));
  });
});

describe('a stick holding the same file name in two folders', () => {
  /*
   * Two laptops of the same expert id both write `E02-李华-2026-v1.sheet.json`; on the stick they
   * sit in different folders. Each report names its file by its path inside the chosen folder,
   * so the chair can tell which one to set aside (this test found reports giving bare names).
   */
  it('names each refused file so the chair can find it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'same-name-'));
    try {
      mkdirSync(join(dir, '会议'));
      const meeting = await writeChairMeeting(join(dir, '会议'));
      const ctx = roomLaptop(join(dir, '主任电脑'), room);
      const meetingId = await prepareChairMeeting(ctx, meeting, CLERK);
      const stickDir = join(dir, 'U盘');
      const reviews = meeting.packages.map((p) => ({ package: p }));
      for (const folder of ['李华的电脑', '备用电脑']) mkdirSync(join(stickDir, folder), { recursive: true });
      await writeSignedSheet(join(stickDir, '李华的电脑'), hefei, makeExpert('E02', '李华'), reviews, { fileName: SHEET_2 });
      await writeSignedSheet(join(stickDir, '备用电脑'), hefei, makeExpert('E02', '李华'), reviews, { fileName: SHEET_2 });
      const reports = await call(ctx, 'chair-sheet-import', { meetingId, actor: CHAIR, sources: [{ path: stickDir }] });
      ctx.close();
      expect(reports.map((r) => r.outcome).sort()).toEqual(['awaiting-fingerprint', 'refused']);
      expect(new Set(reports.map((r) => r.source)).size).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
