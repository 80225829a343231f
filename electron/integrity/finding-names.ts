/**
 * The rubric's words for the criteria a meeting's or a package's findings name
 * (shared/integrity/finding-words.ts), for the screens; the stored findings, the meeting file
 * and the CLI keep the ids.
 */
import type { Database } from 'better-sqlite3';
import { criterionNames, noCriterionNames, type CriterionNames } from '../../shared/integrity/finding-words.ts';
import type { ServiceContext } from '../app/context.ts';
import { loadRubric } from '../rubrics/load-rubric.ts';
import { join } from 'node:path';

export async function rubricNames(ctx: ServiceContext, rubricId: string | null | undefined): Promise<CriterionNames> {
  if (rubricId === null || rubricId === undefined) return noCriterionNames;
  return criterionNames(await loadRubric(rubricId, join(ctx.resourcesDir, 'rubrics')));
}

export function meetingRubricId(db: Database, meetingId: number): string | null {
  return db.prepare<[number], string>('SELECT rubric_id FROM meeting_settings WHERE meeting_id = ?').pluck().get(meetingId) ?? null;
}

export function packageRubricId(db: Database, packageId: number): string | null {
  return db.prepare<[number], string>('SELECT rubric_id FROM package WHERE id = ?').pluck().get(packageId) ?? null;
}
