/**
 * Meeting inputs: what the chair's checks and merge need of a meeting, from the store: its
 * rubric (a shipped data file) and its packages in the shape the shared merge takes.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { MergePackage } from '../../shared/result/merge-sheets.ts';
import type { Rubric } from '../../shared/rubric/types.ts';
import type { ServiceContext } from '../app/context.ts';
import { AppError } from '../errors/app-error.ts';
import type { MeetingPackageRow } from '../meeting/meeting-store.ts';
import { meetingPackages } from '../meeting/meeting-store.ts';
import { loadRubric } from '../rubrics/load-rubric.ts';

export async function meetingRubric(ctx: ServiceContext, rubricId: string): Promise<Rubric> {
  const rubric = await loadRubric(rubricId, join(ctx.resourcesDir, 'rubrics'));
  if (rubric === undefined) throw new AppError('rubric-unknown', `本程序没有会议所用的评分细则 ${rubricId}，请安装与会务人员相同版本的程序。`);
  return rubric;
}

export interface MeetingMergePackages {
  readonly packages: readonly MergePackage[];
  /** Meeting packages not in this laptop's store. */
  readonly missing: readonly MeetingPackageRow[];
}

export function meetingMergePackages(db: Database, meetingId: number): MeetingMergePackages {
  const packages: MergePackage[] = [];
  const missing: MeetingPackageRow[] = [];
  for (const row of meetingPackages(db, meetingId)) {
    if (row.claims === null || row.year === null || row.rubricId === null || row.allianceName === null) {
      missing.push(row);
      continue;
    }
    packages.push({
      source: row.sourceName ?? `${row.allianceId} 材料包`,
      digest: row.digest,
      year: row.year,
      rubricId: row.rubricId,
      allianceId: row.allianceId,
      allianceName: row.allianceName,
      claims: row.claims,
    });
  }
  return { packages, missing };
}
