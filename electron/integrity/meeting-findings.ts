/**
 * The findings of a meeting as this laptop shows them: its own cross-check (meeting-cross-check.ts)
 * and the clerk's, carried in the meeting file (`cross-check.json`) and kept in
 * `meeting_cross_check`. An expert's or chair's laptop holds only the meeting's packages, so
 * the clerk's findings against earlier years can only come from the clerk; a finding both found
 * (same key: kind, identifier and places, finding-notes.ts) is listed once, in this laptop's words.
 */
import type { Database } from 'better-sqlite3';
import { compareFindings, type Finding } from '../../shared/integrity/finding.ts';
import { meetingCrossCheckSchema } from '../../shared/meeting/meeting-cross-check-format.ts';
import type { ServiceContext } from '../app/context.ts';
import { findingKey } from './finding-notes.ts';
import { crossCheckMeeting, crossCheckYear, type MeetingCrossCheck } from './meeting-cross-check.ts';
import type { PackageCrossCheck } from '../../shared/api/integrity-types.ts';
import { AppError } from '../errors/app-error.ts';

/** Keeps the clerk's findings for a meeting, replacing those an earlier meeting file brought. */
export function storeCarriedFindings(
  db: Database,
  meetingId: number,
  carried: { readonly contentSha256: string; readonly checkedAt: string; readonly findings: readonly Finding[] },
  at: Date,
): void {
  db.prepare(
    `INSERT INTO meeting_cross_check (meeting_id, content_sha256, checked_at, findings_json, stored_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (meeting_id) DO UPDATE SET content_sha256 = excluded.content_sha256, checked_at = excluded.checked_at,
       findings_json = excluded.findings_json, stored_at = excluded.stored_at`,
  ).run(meetingId, carried.contentSha256, carried.checkedAt, JSON.stringify(carried.findings), at.toISOString());
}

/** The clerk's findings kept for a meeting; none when no meeting file brought any. */
export function carriedFindings(db: Database, meetingId: number): Finding[] {
  const row = db
    .prepare<[number], { checked_at: string; findings_json: string }>('SELECT checked_at, findings_json FROM meeting_cross_check WHERE meeting_id = ?')
    .get(meetingId);
  if (row === undefined) return [];
  // Checked on import; parsed again so a row edited by hand cannot put odd shapes on screen.
  const parsed = meetingCrossCheckSchema.shape.findings.safeParse(JSON.parse(row.findings_json));
  return parsed.success ? parsed.data : [];
}

// Scanned pages are compared by the text OCR read of them (similar-page, same-identifier):
// the check reads it from the store itself (meeting-cross-check.ts).
const checkOptions = (ctx: ServiceContext) => ({ now: ctx.now });

/** This laptop's check of the meeting, with the clerk's findings it did not find itself. */
export async function meetingFindings(ctx: ServiceContext, meetingId: number): Promise<MeetingCrossCheck> {
  const own = await crossCheckMeeting(ctx.db, ctx.dataDir, meetingId, checkOptions(ctx));
  const keys = new Set(own.findings.map(findingKey));
  const extra = carriedFindings(ctx.db, meetingId).filter((f) => !keys.has(findingKey(f)));
  if (extra.length === 0) return own;
  return { ...own, findings: [...own.findings, ...extra].sort(compareFindings) };
}

/** The findings with a place in one package, its year's packages checked (the import report). */
export async function packageCrossCheck(ctx: ServiceContext, packageId: number): Promise<PackageCrossCheck> {
  const pkg = ctx.db.prepare<[number], { alliance_id: string; year: number }>('SELECT alliance_id, year FROM package WHERE id = ?').get(packageId);
  if (pkg === undefined) throw new AppError('package-not-found', '没有找到这个材料包，请重新导入。');
  const check = await crossCheckYear(ctx.db, ctx.dataDir, pkg.year, checkOptions(ctx));
  const findings = check.findings.filter((f) => f.places.some((p) => p.allianceId === pkg.alliance_id && p.year === pkg.year));
  return { allianceId: pkg.alliance_id, year: pkg.year, findings, packages: check.packages, earlierPackages: check.earlierPackages };
}
