/**
 * Test helper: a sample meeting for the chair's console, 6 alliances and 5 experts, built from
 * real package zips and real signed sheets (expert-sheet.ts), so that each kind of flag appears
 * exactly where the data puts it (with method `trimmed`, threshold 10):
 *
 * | alliance | package | what the experts do | what the result shows |
 * |---|---|---|---|
 * | HFA-001 | worked example | all accept (90.5 each) | 优秀, award |
 * | HFA-002 | small | I10 values 2.5 2 1.5 2 0, E05 also rejects I2.plans | deviation E05, spread I2 and I10 |
 * | HFA-003 | worked example | all reject I3.audit and B2 (76); E03 recuses | 合格, trimmed-not-applied |
 * | HFA-004 | worked example | E02 overrides I2 to 3 | override E02 I2, 优秀 |
 * | HFA-005 | small | E01–E03 recuse | quorum, trimmed-not-applied |
 * | HFA-006 | small | all reject I1.council | 不合格; with last year's result: disqualify |
 *
 * A 2025 result in which HFA-006 failed is written too (`previous`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../../electron/app/context.ts';
import type { Decisions } from '../../shared/rubric/types.ts';
import { call } from './call.ts';
import { hefei } from '../shared/rubric/fixtures.ts';
import { richClaims, smallClaims, smallDecisions } from '../shared/result/merge-fixtures.ts';
import type { ReviewSpec, TestExpert } from './expert-sheet.ts';
import { acceptEverything, makeExpert, writeSignedSheet } from './expert-sheet.ts';
import { allianceManifest, alliancePackage, type TestPackage } from './package-builder.ts';

export interface ChairMeeting {
  readonly dir: string;
  readonly packages: readonly TestPackage[];
  readonly experts: readonly TestExpert[];
  /** Sheet files, one per expert, in expert order. */
  readonly sheets: readonly string[];
  /** A 2025 result file (format 1) in which HFA-006 failed. */
  readonly previous: string;
  readonly settings: { readonly method: 'trimmed'; readonly deviationThreshold: 10; readonly budgetYuan: 1000000 };
}

export const CHAIR_EXPERTS = [
  ['E01', '王明'],
  ['E02', '李华'],
  ['E03', '张伟'],
  ['E04', '刘洋'],
  ['E05', '陈静'],
] as const;

const ALLIANCES = [
  ['HFA-001', '合肥市智能语音产业技术创新战略联盟', 'rich'],
  ['HFA-002', '合肥市新材料产业技术创新战略联盟', 'small'],
  ['HFA-003', '合肥市集成电路产业技术创新战略联盟', 'rich'],
  ['HFA-004', '合肥市新能源汽车产业技术创新战略联盟', 'rich'],
  ['HFA-005', '合肥市生物医药产业技术创新战略联盟', 'small'],
  ['HFA-006', '合肥市光伏产业技术创新战略联盟', 'small'],
] as const;

function reviewsOf(expertIndex: number, packages: readonly TestPackage[]): ReviewSpec[] {
  const [p1, p2, p3, p4, p5, p6] = packages as [TestPackage, TestPackage, TestPackage, TestPackage, TestPackage, TestPackage];
  const i10 = [2.5, 2, 1.5, 2, 0][expertIndex] ?? 2;
  const hfa2: Decisions = smallDecisions(i10, expertIndex === 4 ? ['I2.plans'] : []);
  const councilRejected = smallDecisions(2, ['I1.council']);
  const partly: Decisions = {
    ...acceptEverything(hefei, richClaims),
    'I3.audit': { accept: false, reason: '审计报告未单列联盟经费' },
    'B2.majorProjects': { accepted: [], rejected: { 'mp-1': '项目未落地', 'mp-2': '项目未落地', 'mp-3': '项目未落地' } },
  };
  return [
    { package: p1 },
    { package: p2, decisions: hfa2 },
    expertIndex === 2 ? { package: p3, recused: true } : { package: p3, decisions: partly },
    expertIndex === 1 ? { package: p4, overrides: { I2: { score: 3, reason: '仅有年度计划，缺半年总结' } } } : { package: p4 },
    expertIndex <= 2 ? { package: p5, recused: true, comment: '本人所在单位是该联盟成员，申请回避' } : { package: p5, decisions: smallDecisions(2.5) },
    { package: p6, decisions: councilRejected },
  ];
}

export async function writeChairMeeting(dir: string, options: { readonly signedAt?: string } = {}): Promise<ChairMeeting> {
  const packages: TestPackage[] = [];
  for (const [allianceId, name, kind] of ALLIANCES) {
    packages.push(await alliancePackage(allianceManifest(allianceId, kind === 'rich' ? richClaims : smallClaims, { name })).write(join(dir, `${allianceId}.zip`)));
  }
  const experts = CHAIR_EXPERTS.map(([id, name]) => makeExpert(id, name));
  const sheets: string[] = [];
  for (const [i, expert] of experts.entries()) {
    sheets.push(await writeSignedSheet(dir, hefei, expert, reviewsOf(i, packages), { signedAt: options.signedAt ?? '2027-01-20T10:00:00+08:00' }));
  }
  const previous = join(dir, '2025-result.json');
  writeFileSync(previous, previousResultText(2025, 'HFA-006'));
  return { dir, packages, experts, sheets, previous, settings: { method: 'trimmed', deviationThreshold: 10, budgetYuan: 1000000 } };
}

/** A minimal valid result file of `year` in which `failedId` failed and HFA-001 passed. */
export function previousResultText(year: number, failedId: string): string {
  const indicators = Object.fromEntries(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10', 'I11', 'B1', 'B2'].map((id) => [id, 0]));
  const alliance = (allianceId: string, total: number, grade: 'pass' | 'fail') => ({
    allianceId,
    name: `${allianceId} 联盟`,
    packageDigest: 'c'.repeat(64),
    selfTotal: total,
    experts: [],
    indicators,
    total,
    grade,
    consequence: grade === 'fail' ? 'rectify' : null,
    award: null,
    flags: [],
  });
  return `${JSON.stringify(
    {
      format: 'alliance-review/result',
      version: 1,
      year,
      rubric: 'hefei-2017',
      method: 'mean',
      alliances: [alliance('HFA-001', 80, 'pass'), alliance(failedId, 40, 'fail')],
    },
    null,
    2,
  )}\n`;
}

/**
 * On a laptop's context: imports the meeting's package zips, creates the 2026 meeting with the
 * five experts, its packages and settings, as the clerk does. Returns the meeting id.
 */
export async function prepareChairMeeting(ctx: ServiceContext, meeting: ChairMeeting, actor = '会务 周敏'): Promise<number> {
  const started = await call(ctx, 'package-import', { sources: meeting.packages.map((p) => ({ path: p.path })) });
  await ctx.jobs.idle();
  const status = await call(ctx, 'job-status', { jobId: started.jobId });
  const refused = status.results.filter((r) => r.outcome === 'refused');
  if (refused.length > 0) throw new Error(`packages refused: ${JSON.stringify(refused)}`);
  const created = await call(ctx, 'meeting-create', { name: '2026 年度合肥市产业技术创新战略联盟考核评审会', year: 2026 });
  const meetingId = created.id;
  await call(ctx, 'meeting-settings-save', {
    meetingId,
    actor,
    rubricId: 'hefei-2017',
    method: meeting.settings.method,
    deviationThreshold: String(meeting.settings.deviationThreshold),
    budgetYuan: String(meeting.settings.budgetYuan),
  });
  await call(ctx, 'meeting-roster-save', { meetingId, actor, experts: CHAIR_EXPERTS.map(([id, name]) => ({ id, name })) });
  const setup = await call(ctx, 'meeting-setup', { meetingId });
  await call(ctx, 'meeting-packages-save', { meetingId, actor, packageIds: setup.candidates.map((p) => p.id) });
  return meetingId;
}

/** The chair imports these signed sheets and confirms every new key, as read out by its expert. */
export async function importChairSheets(ctx: ServiceContext, meetingId: number, actor: string, sheets: readonly string[]): Promise<void> {
  await call(ctx, 'chair-sheet-import', { meetingId, actor, sources: sheets.map((path) => ({ path })) });
  for (const key of (await call(ctx, 'chair-sheet-list', { meetingId })).pendingKeys) {
    await call(ctx, 'chair-key-decide', { meetingId, actor, publicKey: key.publicKey, decision: 'confirm', readOut: key.fingerprint });
  }
}
