/**
 * The cross-check of a meeting in the store: the packages of the meeting against each other
 * and against the earlier years' packages in the store (for each alliance and earlier year,
 * its latest version), each file's features from the feature store (feature-store.ts).
 *
 * OCR text comes in through `pageTexts` (electron/ocr's `ocrPageTexts(db, sha256)` when the
 * app has OCR): pages without a text layer then count for similar pages and identifiers.
 */
import type { Database } from 'better-sqlite3';
import { crossCheck, type CheckedPackage } from '../../shared/integrity/cross-check.ts';
import type { Finding } from '../../shared/integrity/finding.ts';
import type { Claims } from '../../shared/rubric/types.ts';
import { AppError } from '../errors/app-error.ts';
import { noFeatures, withOcrPages, type PageTexts } from './file-features.ts';
import { featureStore, storedFileFeatures } from './feature-store.ts';

interface PackageRow {
  readonly id: number;
  readonly alliance_id: string;
  readonly year: number;
  readonly manifest_json: string;
  readonly self_report_path: string;
}

/** Files that declare rather than prove: the manifest and a self-check workbook standing for it. */
const isDeclaration = (path: string): boolean => path === 'manifest.json' || (!path.includes('/') && path.endsWith('自查表.xlsx'));

export interface MeetingCrossCheck {
  readonly findings: readonly Finding[];
  /** How many packages of the meeting, and of earlier years, were compared. */
  readonly packages: number;
  readonly earlierPackages: number;
}

export async function crossCheckMeeting(
  db: Database,
  dataDir: string,
  meetingId: number,
  options: { readonly now: () => Date; readonly pageTexts?: PageTexts },
): Promise<MeetingCrossCheck> {
  // Read here rather than through electron/meeting, which exports these findings: no folder cycle.
  const year = db.prepare<[number], number>('SELECT year FROM meeting WHERE id = ?').pluck().get(meetingId);
  if (year === undefined) throw new AppError('meeting-not-found', '没有找到这个评审会议，请回到首页重新选择。');
  const current = db
    .prepare<[number], PackageRow>(
      `SELECT p.id, p.alliance_id, p.year, p.manifest_json, p.self_report_path
       FROM meeting_package mp JOIN package p ON p.digest = mp.digest WHERE mp.meeting_id = ? ORDER BY p.alliance_id`,
    )
    .all(meetingId);
  return crossCheckPackages(db, dataDir, year, current, options);
}

/**
 * The cross-check of a year's packages before any meeting holds them (the clerk's import
 * report): each alliance's latest package of that year, against each other and earlier years.
 */
export async function crossCheckYear(
  db: Database,
  dataDir: string,
  year: number,
  options: { readonly now: () => Date; readonly pageTexts?: PageTexts },
): Promise<MeetingCrossCheck> {
  const current = db
    .prepare<[number], PackageRow>(
      `SELECT p.id, p.alliance_id, p.year, p.manifest_json, p.self_report_path FROM package p
       WHERE p.year = ? AND p.version = (SELECT max(q.version) FROM package q WHERE q.alliance_id = p.alliance_id AND q.year = p.year)
       ORDER BY p.alliance_id`,
    )
    .all(year);
  return crossCheckPackages(db, dataDir, year, current, options);
}

async function crossCheckPackages(
  db: Database,
  dataDir: string,
  year: number,
  current: readonly PackageRow[],
  options: { readonly now: () => Date; readonly pageTexts?: PageTexts },
): Promise<MeetingCrossCheck> {
  const earlier = db
    .prepare<[number], PackageRow>(
      `SELECT p.id, p.alliance_id, p.year, p.manifest_json, p.self_report_path FROM package p
       WHERE p.year < ? AND p.version = (SELECT max(q.version) FROM package q WHERE q.alliance_id = p.alliance_id AND q.year = p.year)
       ORDER BY p.alliance_id, p.year`,
    )
    .all(year);
  const files = db.prepare<[number], { path: string; sha256: string }>('SELECT path, sha256 FROM package_file WHERE package_id = ? ORDER BY path');
  // A file the package check found unreadable (damaged, password-protected, not what its
  // name says) was already read once by the import, to no end: it is not read again.
  const unreadable = db.prepare<[number], string>("SELECT path FROM package_problem WHERE package_id = ? AND code = 'file-not-viewable'").pluck();
  const cache = featureStore(db, options.now);
  const packages: CheckedPackage[] = [];
  for (const [rows, isEarlier] of [[current, false], [earlier, true]] as const) {
    for (const row of rows) {
      const checked = [];
      const skipped = new Set(unreadable.all(row.id));
      for (const file of files.all(row.id)) {
        if (isDeclaration(file.path)) continue;
        const features = skipped.has(file.path) ? noFeatures : await storedFileFeatures(cache, dataDir, file.sha256);
        checked.push({ path: file.path, sha256: file.sha256, features: withOcrPages(features, options.pageTexts?.(file.sha256) ?? null) });
      }
      const claims = (JSON.parse(row.manifest_json) as { claims?: Claims }).claims ?? {};
      packages.push({ allianceId: row.alliance_id, year: row.year, earlier: isEarlier, claims, selfReport: row.self_report_path, files: checked });
    }
  }
  cache.flush();
  return { findings: crossCheck(packages), packages: current.length, earlierPackages: earlier.length };
}
