/**
 * Test helper: meetings of several years in one store, for the agreement by year
 * (electron/chair/agreement-history.ts). Each year is a meeting of real package zips of that
 * year and real signed sheets of three experts, imported and confirmed through the chair's
 * channels as the console does.
 *
 * - year plan: per alliance, each expert's I10.status value and decision on I1.office
 *   (`a` accept, `r` reject); every other claim (I1.council, I1.platform, I2.plans) is accepted
 *   and the other judged criteria are 0, so the statistics are those of the plan alone.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { ServiceContext } from '../../electron/app/context.ts';
import type { Claims, Decisions } from '../../shared/rubric/types.ts';
import { call } from './call.ts';
import { acceptEverything, makeExpert, writeSignedSheet } from './expert-sheet.ts';
import { alliancePackage, manifest } from './package-builder.ts';
import { hefei } from '../shared/rubric/fixtures.ts';

export const YEAR_EXPERTS = [
  ['E01', '王明'],
  ['E02', '李华'],
  ['E03', '张伟'],
] as const;

export interface YearPlan {
  readonly year: number;
  /** Per alliance, per expert: I10.status. */
  readonly values: readonly (readonly number[])[];
  /** Per alliance, one letter per expert: I1.office accepted (`a`) or rejected (`r`). */
  readonly office: readonly string[];
}

const CLAIMS: Claims = {
  'I1.office': { claimed: true, evidence: ['制度建设/办公室.jpg'] },
  'I1.council': { claimed: true, evidence: ['制度建设/理事会纪要.pdf'] },
  'I1.platform': { claimed: true, evidence: ['制度建设/网站截图.png'] },
  'I2.plans': { claimed: true, evidence: ['计划总结/年度计划.pdf'] },
  'I10.status': { evidence: ['白皮书.pdf'] },
};

/** Writes the year's zips and sheets under `dir`, imports them into `ctx` as a meeting of that year; its id. */
export async function storeYearMeeting(ctx: ServiceContext, dir: string, plan: YearPlan, actor = '主任 孙立'): Promise<number> {
  const folder = join(dir, String(plan.year));
  mkdirSync(folder, { recursive: true });
  const packages = [];
  for (const [i] of plan.values.entries()) {
    const id = `HFA-${String(i + 1).padStart(3, '0')}`;
    const m = manifest({ year: plan.year, alliance: { id, name: `合肥市第${i + 1}产业技术创新战略联盟` }, claims: CLAIMS });
    packages.push(await alliancePackage(m).write(join(folder, `${id}.zip`)));
  }
  const started = await call(ctx, 'package-import', { sources: packages.map((p) => ({ path: p.path })) });
  await ctx.jobs.idle();
  const status = await call(ctx, 'job-status', { jobId: started.jobId });
  const refused = status.results.filter((r) => r.outcome === 'refused');
  if (refused.length > 0) throw new Error(`packages refused: ${JSON.stringify(refused)}`);

  const meeting = await call(ctx, 'meeting-create', { name: `${plan.year} 年度合肥市产业技术创新战略联盟考核评审会`, year: plan.year });
  await call(ctx, 'meeting-settings-save', { meetingId: meeting.id, actor, rubricId: 'hefei-2017', method: 'mean', deviationThreshold: '10', budgetYuan: null });
  await call(ctx, 'meeting-roster-save', { meetingId: meeting.id, actor, experts: YEAR_EXPERTS.map(([id, name]) => ({ id, name })) });
  const setup = await call(ctx, 'meeting-setup', { meetingId: meeting.id });
  await call(ctx, 'meeting-packages-save', { meetingId: meeting.id, actor, packageIds: setup.candidates.map((p) => p.id) });

  const sheets: string[] = [];
  for (const [e, [expertId, name]] of YEAR_EXPERTS.entries()) {
    const reviews = packages.map((pkg, i) => {
      const decisions: Decisions = {
        ...acceptEverything(hefei, pkg.claims),
        'I1.office': plan.office[i]?.[e] === 'r' ? { accept: false, reason: '未见专职办公人员' } : { accept: true },
        'I10.status': { value: plan.values[i]?.[e] ?? 0 },
      };
      return { package: pkg, decisions };
    });
    sheets.push(await writeSignedSheet(folder, hefei, makeExpert(expertId, name), reviews, { year: plan.year, signedAt: `${plan.year + 1}-01-20T10:00:00+08:00` }));
  }
  await call(ctx, 'chair-sheet-import', { meetingId: meeting.id, actor, sources: sheets.map((path) => ({ path })) });
  for (const key of (await call(ctx, 'chair-sheet-list', { meetingId: meeting.id })).pendingKeys) {
    await call(ctx, 'chair-key-decide', { meetingId: meeting.id, actor, publicKey: key.publicKey, decision: 'confirm', readOut: key.fingerprint });
  }
  return meeting.id;
}
