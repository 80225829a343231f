/**
 * Expert workspace: one expert's view of a year's meeting on this laptop: every alliance's
 * latest package with their progress, their signed sheets, and what still stops them from
 * signing (the blockers).
 *
 * - blocker: a sentence naming an alliance and what is left: claims undecided, or a decision
 *   the rules refuse. A recused alliance needs nothing more. Signing needs no blockers.
 */
import { join } from 'node:path';
import type { AllianceProgress, ExpertWorkspace } from '../../shared/api/expert-work-types.ts';
import type { ServiceContext } from '../app/context.ts';
import { expertById } from '../experts/expert-store.ts';
import { listSignedSheets, lockingSheet } from './signed-sheet-store.ts';
import type { ReviewPackage } from './review-package.ts';
import { latestPackages, packageYears } from './review-package.ts';
import { allianceProgress } from './review-state.ts';

export function defaultExportDir(ctx: ServiceContext): string {
  return join(ctx.dataDir, 'exports');
}

export function signingBlockers(packages: readonly ReviewPackage[], alliances: readonly AllianceProgress[]): string[] {
  const blockers: string[] = [];
  if (alliances.length === 0) blockers.push('本年度还没有导入任何联盟材料包。');
  const rubrics = new Set(packages.map((p) => p.rubricId));
  if (rubrics.size > 1) blockers.push(`本年度的材料包使用了不同的评分细则（${[...rubrics].join('、')}），无法签在同一份评分表上，请联系会务人员。`);
  for (const a of alliances) {
    if (a.status === 'recused') continue;
    const name = `${a.allianceId} ${a.allianceName}`;
    if (a.undecided > 0) blockers.push(`${name}：还有 ${a.undecided} 项未评定。`);
    if (a.carried > 0) blockers.push(`${name}：材料已补正，有 ${a.carried} 项沿用原来的评定待您确认，请打开该联盟确认。`);
    if (a.problemCount > 0) blockers.push(`${name}：有 ${a.problemCount} 处评定不符合规则，请打开该联盟查看。`);
  }
  return blockers;
}

export async function expertWorkspace(ctx: ServiceContext, expertId: number, requestedYear?: number): Promise<ExpertWorkspace> {
  const expert = expertById(ctx.db, expertId);
  const years = packageYears(ctx.db);
  const year = requestedYear !== undefined && years.includes(requestedYear) ? requestedYear : (years[0] ?? null);
  if (year === null) {
    return { expert, years, year, alliances: [], locked: false, sheets: [], blockers: [], defaultExportDir: defaultExportDir(ctx) };
  }
  const packages = await latestPackages(ctx, year);
  const alliances = packages.map((pkg) => allianceProgress(ctx.db, pkg, expertId));
  return {
    expert,
    years,
    year,
    alliances,
    locked: lockingSheet(ctx.db, expertId, year) !== null,
    sheets: listSignedSheets(ctx.db, expertId, year),
    blockers: signingBlockers(packages, alliances),
    defaultExportDir: defaultExportDir(ctx),
  };
}
