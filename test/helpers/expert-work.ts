/**
 * Test helper: a laptop with imported packages and an expert, for the workspace channels.
 *
 * - meeting claims: two small alliances. HFA-001 claims two flags (one claimed false), two tech
 *   contracts and three invention patents, and values its white paper; HFA-002 claims one flag
 *   and one major project. Each needs a handful of decisions, so tests can decide everything.
 */
import { join } from 'node:path';
import type { ServiceContext } from '../../electron/app/context.ts';
import { packageImportReports } from '../../shared/api/job-results.ts';
import type { Claims } from '../../shared/rubric/types.ts';
import { call } from './call.ts';
import { allianceManifest, alliancePackage, type TestPackage } from './package-builder.ts';

export const claimsOne: Claims = {
  'I1.office': { claimed: true, evidence: ['制度建设/办公室.pdf'] },
  'I1.council': { claimed: false, evidence: [] },
  'I2.plans': { claimed: true, evidence: ['制度建设/计划与总结.pdf'] },
  'I4.techContracts': {
    items: [
      { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: ['成果转化/合同1.pdf'] },
      { id: 'tc-2', title: '声学模型联合开发合同', date: '2026-08-01', evidence: ['成果转化/合同2.pdf'] },
    ],
  },
  'I8.inventionPatents': {
    items: [
      { id: 'p-1', title: '一种语音增强方法', evidence: ['标准化/专利.pdf'] },
      { id: 'p-2', title: '一种声纹识别方法', evidence: ['标准化/专利.pdf'] },
      { id: 'p-3', title: '一种远场拾音装置', evidence: ['标准化/专利.pdf'] },
    ],
  },
  'I10.status': { value: 2.5, evidence: ['白皮书.pdf'] },
};

/** HFA-001's claims as corrected in a 补正: contract tc-2's evidence now names its page, the rest as it was. */
export const claimsOneCorrected: Claims = {
  ...claimsOne,
  'I4.techContracts': {
    items: [
      { id: 'tc-1', title: '语音识别技术许可合同', date: '2026-05-12', evidence: ['成果转化/合同1.pdf'] },
      { id: 'tc-2', title: '声学模型联合开发合同', date: '2026-08-01', evidence: ['成果转化/合同2.pdf#page=1'] },
    ],
  },
};

export const claimsTwo: Claims = {
  'I1.office': { claimed: true, evidence: ['办公室.pdf'] },
  'B2.majorProjects': { items: [{ id: 'mp-1', title: '新材料产业园项目', amountWan: 52000, evidence: ['招商/mp1.pdf'] }] },
};

export interface ImportedPackage extends TestPackage {
  readonly packageId: number;
}

/** Writes the packages as folders under `dir` and imports them into the laptop's store. */
export async function importPackages(
  ctx: ServiceContext,
  dir: string,
  specs: readonly { allianceId: string; claims: Claims; name?: string; versionNote?: string }[],
): Promise<ImportedPackage[]> {
  const packages = await Promise.all(
    specs.map((spec, i) => {
      const first = alliancePackage(allianceManifest(spec.allianceId, spec.claims, { name: spec.name }));
      const pkg = spec.versionNote === undefined ? first : first.newVersion(spec.versionNote);
      return pkg.write(join(dir, `${spec.allianceId}-${i}`));
    }),
  );
  const { jobId } = await call(ctx, 'package-import', { sources: packages.map((p) => ({ path: p.path })) });
  await ctx.jobs.idle();
  const status = await call(ctx, 'job-status', { jobId });
  return packages.map((p, i) => {
    const report = packageImportReports(status)[i];
    if (report?.packageId === null || report === undefined) throw new Error(`package ${p.allianceId} not imported: ${JSON.stringify(report)}`);
    return { ...p, packageId: report.packageId };
  });
}

export const PASSPHRASE = '会议室口令-2027';

export async function createTestExpert(ctx: ServiceContext, rosterId = 'E01', name = '王明') {
  return call(ctx, 'expert-create', { rosterId, name, passphrase: PASSPHRASE });
}
