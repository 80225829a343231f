/**
 * The cross-check of a meeting in the store: the packages of the meeting against each other
 * and against the earlier years' packages in the store (for each alliance and earlier year,
 * its latest version), each file's features from the feature store (feature-store.ts), and the
 * text OCR read of pages without their own (electron/ocr's store): such pages then count for
 * similar pages and identifiers.
 *
 * Incremental, because a meeting is checked again and again with the same packages or one
 * more: this store's checks keep, for as long as the database is open,
 * - each package's prepared part (prepared-package.ts), by its digest: a digest names the
 *   package's bytes, and its rows, its files' features and its unreadable files never change.
 *   Only OCR adds to what a package is compared on: its pages are written once and never
 *   changed (ocr-store.ts), so the pages written since the last check (rowid above the last
 *   seen) name the files, and so the packages, to prepare again;
 * - for each meeting and each year checked, the cross-check's index (cross-check.ts) of the
 *   packages last compared: a check takes out the packages no longer there, adds the new ones
 *   and makes again only the findings they touch.
 * So a check after adding one package reads and prepares that package and compares it; what
 * it does for the others is listing their digests. The findings are exactly those of a check
 * from scratch (test/electron/integrity/incremental-cross-check.test.ts).
 */
import type { Database } from 'better-sqlite3';
import { CrossCheckIndex, type CheckedFile } from '../../shared/integrity/cross-check.ts';
import type { Finding } from '../../shared/integrity/finding.ts';
import { preparePackage, type PreparedPackage } from '../../shared/integrity/prepared-package.ts';
import type { Claims } from '../../shared/rubric/types.ts';
import { AppError } from '../errors/app-error.ts';
import { ocrPageTexts } from '../ocr/ocr-store.ts';
import { noFeatures, withOcrPages } from './file-features.ts';
import { featureStore, storedFileFeatures } from './feature-store.ts';

interface PackageRow {
  readonly id: number;
  readonly digest: string;
  readonly alliance_id: string;
  readonly year: number;
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

interface Comparison {
  readonly index: CrossCheckIndex;
  /** The members of the index: by digest, the prepared part and whether it is an earlier year's. */
  readonly members: Map<string, { readonly prepared: PreparedPackage; readonly earlier: boolean }>;
}

interface StoreChecks {
  readonly prepared: Map<string, PreparedPackage>;
  /** The highest OCR page row the prepared parts have seen. */
  ocrSeen: number;
  /** By what is checked: `meeting <id>` or `year <year>`. */
  readonly comparisons: Map<string, Comparison>;
}

// By database handle: a store opened again (another process, a restored backup) starts afresh.
const stores = new WeakMap<Database, StoreChecks>();

const packageColumns = 'p.id, p.digest, p.alliance_id, p.year, p.self_report_path';

export async function crossCheckMeeting(db: Database, dataDir: string, meetingId: number, options: { readonly now: () => Date }): Promise<MeetingCrossCheck> {
  // Read here rather than through electron/meeting, which exports these findings: no folder cycle.
  const year = db.prepare<[number], number>('SELECT year FROM meeting WHERE id = ?').pluck().get(meetingId);
  if (year === undefined) throw new AppError('meeting-not-found', '没有找到这个评审会议，请回到首页重新选择。');
  const current = db
    .prepare<[number], PackageRow>(
      `SELECT ${packageColumns} FROM meeting_package mp JOIN package p ON p.digest = mp.digest WHERE mp.meeting_id = ? ORDER BY p.alliance_id`,
    )
    .all(meetingId);
  return crossCheckPackages(db, dataDir, `meeting ${meetingId}`, year, current, options);
}

/**
 * The cross-check of a year's packages before any meeting holds them (the clerk's import
 * report): each alliance's latest package of that year, against each other and earlier years.
 */
export async function crossCheckYear(db: Database, dataDir: string, year: number, options: { readonly now: () => Date }): Promise<MeetingCrossCheck> {
  const current = db
    .prepare<[number], PackageRow>(
      `SELECT ${packageColumns} FROM package p
       WHERE p.year = ? AND p.version = (SELECT max(q.version) FROM package q WHERE q.alliance_id = p.alliance_id AND q.year = p.year)
       ORDER BY p.alliance_id`,
    )
    .all(year);
  return crossCheckPackages(db, dataDir, `year ${year}`, year, current, options);
}

/** This store's checks, with the prepared parts of packages whose files OCR has read since forgotten. */
function storeChecks(db: Database): StoreChecks {
  const ocrTop = db.prepare<[], number>('SELECT coalesce(max(rowid), 0) FROM ocr_page').pluck().get() ?? 0;
  let store = stores.get(db);
  if (store === undefined) {
    store = { prepared: new Map(), ocrSeen: ocrTop, comparisons: new Map() };
    stores.set(db, store);
  } else if (ocrTop > store.ocrSeen) {
    const stale = db
      .prepare<[number, number], string>(
        `SELECT DISTINCT p.digest FROM package p JOIN package_file pf ON pf.package_id = p.id
         WHERE pf.sha256 IN (SELECT sha256 FROM ocr_page WHERE rowid > ? AND rowid <= ? AND source = 'ocr')`,
      )
      .pluck()
      .all(store.ocrSeen, ocrTop);
    for (const digest of stale) store.prepared.delete(digest);
    store.ocrSeen = ocrTop;
  }
  return store;
}

async function crossCheckPackages(
  db: Database,
  dataDir: string,
  what: string,
  year: number,
  current: readonly PackageRow[],
  options: { readonly now: () => Date },
): Promise<MeetingCrossCheck> {
  const earlier = db
    .prepare<[number], PackageRow>(
      `SELECT ${packageColumns} FROM package p
       WHERE p.year < ? AND p.version = (SELECT max(q.version) FROM package q WHERE q.alliance_id = p.alliance_id AND q.year = p.year)
       ORDER BY p.alliance_id, p.year`,
    )
    .all(year);
  const store = storeChecks(db);
  const files = db.prepare<[number], { path: string; sha256: string }>('SELECT path, sha256 FROM package_file WHERE package_id = ? ORDER BY path');
  // A file the package check found unreadable (damaged, password-protected, not what its
  // name says) was already read once by the import, to no end: it is not read again.
  const unreadable = db.prepare<[number], string>("SELECT path FROM package_problem WHERE package_id = ? AND code = 'file-not-viewable'").pluck();
  const manifest = db.prepare<[number], string>('SELECT manifest_json FROM package WHERE id = ?').pluck();
  const cache = featureStore(db, options.now);
  const wanted = new Map<string, { prepared: PreparedPackage; earlier: boolean }>();
  for (const [rows, isEarlier] of [[current, false], [earlier, true]] as const) {
    for (const row of rows) {
      let prepared = store.prepared.get(row.digest);
      if (prepared === undefined) {
        const checked: CheckedFile[] = [];
        const skipped = new Set(unreadable.all(row.id));
        for (const file of files.all(row.id)) {
          if (isDeclaration(file.path)) continue;
          const features = skipped.has(file.path) ? noFeatures : await storedFileFeatures(cache, dataDir, file.sha256);
          checked.push({ path: file.path, sha256: file.sha256, features: withOcrPages(features, ocrPageTexts(db, file.sha256)) });
        }
        const claims = (JSON.parse(manifest.get(row.id) ?? '{}') as { claims?: Claims }).claims ?? {};
        prepared = preparePackage({ allianceId: row.alliance_id, year: row.year, earlier: isEarlier, claims, selfReport: row.self_report_path, files: checked });
        store.prepared.set(row.digest, prepared);
      }
      wanted.set(row.digest, { prepared, earlier: isEarlier });
    }
  }
  cache.flush();
  // From here on nothing waits: two checks of one meeting at once cannot interleave their changes.
  const findings = compare(store, what, wanted);
  return { findings: [...findings], packages: current.length, earlierPackages: earlier.length };
}

function compare(store: StoreChecks, what: string, wanted: ReadonlyMap<string, { readonly prepared: PreparedPackage; readonly earlier: boolean }>): readonly Finding[] {
  const comparison = store.comparisons.get(what) ?? { index: new CrossCheckIndex(), members: new Map() };
  store.comparisons.delete(what);
  const { index, members } = comparison;
  // Every removal before any addition: a file leaving with one package and coming back with
  // another (a new version, its OCR pages read since) comes back with its new features.
  for (const [digest, member] of members) {
    const want = wanted.get(digest);
    if (want !== undefined && want.prepared === member.prepared && want.earlier === member.earlier) continue;
    index.remove(digest);
    members.delete(digest);
  }
  for (const [digest, want] of wanted) {
    if (members.has(digest)) continue;
    index.add(digest, want.prepared, want.earlier);
    members.set(digest, want);
  }
  const findings = index.findings();
  // Kept only once it has come through whole: a failure above leaves the next check to start afresh.
  store.comparisons.set(what, comparison);
  return findings;
}
