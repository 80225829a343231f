/**
 * Where OCR results are kept (tables of migration 0006-ocr): by the evidence file's content
 * hash, page by page.
 *
 * - OCR page: the text the engine read on one page of a file, and its lines, each with its box
 *   normalised to the page as shown (x0, y0, x1, y1 in 0..1, y down).
 * - done page: a page with a row, whatever its source (`ocr`, `text-layer`, `no-image`,
 *   `refused`): it is never read again. A file is done when every one of its pages is.
 *
 * Every write is one short statement or transaction, so OCR running in the background never
 * holds the store for long while an expert saves a decision.
 */
import type { Database } from 'better-sqlite3';
import type { PackageOcrProgress } from '../../shared/api/ocr-types.ts';
import type { OcrLine } from './ocr-engine.ts';
import type { OcrPageSource } from './ocr-task.ts';

export interface OcrPage {
  readonly page: number;
  readonly text: string;
  readonly lines: readonly { readonly text: string; readonly box: readonly [number, number, number, number] }[];
}

/** A page's stored row, as the meeting file carries it. */
export interface StoredOcrPage {
  readonly page: number;
  readonly source: OcrPageSource | 'refused';
  readonly text: string;
  readonly lines: readonly OcrLine[];
  readonly engine: string;
  /** Why the page was refused (`ocr-memory`, `ocr-timeout`, `ocr-failed`); null otherwise. */
  readonly refusal: string | null;
}

export interface StoredOcrFile {
  readonly sha256: string;
  readonly pages: number | null;
  readonly refusal: string | null;
  readonly done: readonly StoredOcrPage[];
}

/**
 * The pages of a file that OCR read, in page order, for the viewer's search and the
 * cross-check; null when no page of it was read by OCR (not a scan, or not reached yet).
 * Pages with their own text, without a picture or refused are left out.
 */
export function ocrPageTexts(db: Database, sha256: string): readonly OcrPage[] | null {
  const rows = db
    .prepare("SELECT page, text, lines_json FROM ocr_page WHERE sha256 = ? AND source = 'ocr' ORDER BY page")
    .all(sha256) as { page: number; text: string; lines_json: string }[];
  if (rows.length === 0) return null;
  return rows.map((r) => ({ page: r.page, text: r.text, lines: JSON.parse(r.lines_json) as OcrLine[] }));
}

/** Puts files in the queue (those already in it keep their place and their results). */
export function queueOcrFiles(db: Database, sha256s: readonly string[], now: Date): void {
  const insert = db.prepare('INSERT OR IGNORE INTO ocr_file (sha256, pages, refusal, queued_at) VALUES (?, NULL, NULL, ?)');
  db.transaction(() => {
    for (const sha256 of sha256s) insert.run(sha256, now.toISOString());
  })();
}

/** Stored files the queue has not looked at yet. */
export function filesNotQueued(db: Database): string[] {
  return db.prepare('SELECT sha256 FROM evidence_file WHERE sha256 NOT IN (SELECT sha256 FROM ocr_file) ORDER BY stored_at, sha256').pluck().all() as string[];
}

/** Stored files looked at with nothing of their own to read (0 pages): a zip among them may hold scans. */
export function storedFilesWithoutPages(db: Database): string[] {
  return db.prepare('SELECT f.sha256 FROM ocr_file f JOIN evidence_file e ON e.sha256 = f.sha256 WHERE f.pages = 0 ORDER BY f.queued_at, f.sha256').pluck().all() as string[];
}

/** Files with pages left to read (or not yet counted), oldest in the queue first. */
export function filesWithPagesLeft(db: Database): string[] {
  return db
    .prepare(
      `SELECT f.sha256 FROM ocr_file f
        WHERE f.refusal IS NULL AND (f.pages IS NULL OR f.pages > (SELECT count(*) FROM ocr_page p WHERE p.sha256 = f.sha256))
        ORDER BY f.queued_at, f.sha256`,
    )
    .pluck()
    .all() as string[];
}

export function ocrFile(db: Database, sha256: string): { pages: number | null; refusal: string | null } | null {
  return (db.prepare('SELECT pages, refusal FROM ocr_file WHERE sha256 = ?').get(sha256) as { pages: number | null; refusal: string | null } | undefined) ?? null;
}

export function setOcrPageCount(db: Database, sha256: string, pages: number): void {
  db.prepare('UPDATE ocr_file SET pages = ? WHERE sha256 = ?').run(pages, sha256);
}

/** A file that cannot be read at all (damaged, past a cap): not tried again. */
export function refuseOcrFile(db: Database, sha256: string, code: string): void {
  db.prepare('UPDATE ocr_file SET refusal = ? WHERE sha256 = ?').run(code, sha256);
}

export function donePages(db: Database, sha256: string): Set<number> {
  return new Set(db.prepare('SELECT page FROM ocr_page WHERE sha256 = ?').pluck().all(sha256) as number[]);
}

export function saveOcrPage(db: Database, sha256: string, page: StoredOcrPage): void {
  db.prepare('INSERT OR IGNORE INTO ocr_page (sha256, page, source, text, lines_json, engine, refusal) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    sha256,
    page.page,
    page.source,
    page.text,
    JSON.stringify(page.lines),
    page.engine,
    page.refusal,
  );
}

/**
 * Per package: pages done of the pages counted, and files whose pages are not counted yet.
 * `scanMembersOf` names the scan members of a zip of the package (a file looked at with 0
 * pages of its own): they count as the package's files.
 */
export function packageOcrProgress(db: Database, scanMembersOf: (sha256: string) => readonly string[] = () => []): PackageOcrProgress[] {
  const zips = db
    .prepare('SELECT pf.package_id AS packageId, pf.sha256 FROM package_file pf JOIN ocr_file f ON f.sha256 = pf.sha256 WHERE f.pages = 0')
    .all() as { packageId: number; sha256: string }[];
  const members = zips.flatMap((z) => scanMembersOf(z.sha256).map((sha256) => [z.packageId, sha256]));
  return db
    .prepare(
      `WITH member (package_id, sha256) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)),
            counted (package_id, sha256) AS (SELECT package_id, sha256 FROM package_file UNION ALL SELECT package_id, sha256 FROM member)
       SELECT pf.package_id AS packageId,
              coalesce(sum((SELECT count(*) FROM ocr_page p WHERE p.sha256 = f.sha256)), 0) AS pagesDone,
              coalesce(sum(f.pages), 0) AS pagesTotal,
              coalesce(sum(f.pages IS NULL AND f.refusal IS NULL), 0) AS filesUncounted
         FROM counted pf JOIN ocr_file f ON f.sha256 = pf.sha256
        GROUP BY pf.package_id HAVING pagesTotal > 0 OR filesUncounted > 0 ORDER BY pf.package_id`,
    )
    .all(JSON.stringify(members)) as PackageOcrProgress[];
}

/** Those of these files looked at with nothing of their own to read (0 pages): a zip among them may hold scans. */
export function withoutPages(db: Database, sha256s: readonly string[]): string[] {
  const pages = db.prepare('SELECT pages FROM ocr_file WHERE sha256 = ?').pluck();
  return [...new Set(sha256s)].filter((sha256) => pages.get(sha256) === 0);
}

/** Everything stored for these files, for the meeting file. */
export function storedOcrFiles(db: Database, sha256s: readonly string[]): StoredOcrFile[] {
  const file = db.prepare('SELECT sha256, pages, refusal FROM ocr_file WHERE sha256 = ?');
  const pages = db.prepare('SELECT page, source, text, lines_json, engine, refusal FROM ocr_page WHERE sha256 = ? ORDER BY page');
  const out: StoredOcrFile[] = [];
  for (const sha256 of [...new Set(sha256s)].sort()) {
    const row = file.get(sha256) as { sha256: string; pages: number | null; refusal: string | null } | undefined;
    if (row === undefined) continue;
    const done = (pages.all(sha256) as { page: number; source: StoredOcrPage['source']; text: string; lines_json: string; engine: string; refusal: string | null }[]).map((p) => ({
      page: p.page,
      source: p.source,
      text: p.text,
      lines: JSON.parse(p.lines_json) as OcrLine[],
      engine: p.engine,
      refusal: p.refusal,
    }));
    out.push({ sha256: row.sha256, pages: row.pages, refusal: row.refusal, done });
  }
  return out;
}

/**
 * Stores results made on another laptop (the meeting file). A page already stored here stays
 * as it is; a file's page count is taken when this laptop has none.
 */
export function storeOcrFiles(db: Database, files: readonly StoredOcrFile[], now: Date): void {
  db.transaction(() => {
    for (const f of files) {
      db.prepare('INSERT OR IGNORE INTO ocr_file (sha256, pages, refusal, queued_at) VALUES (?, ?, ?, ?)').run(f.sha256, f.pages, f.refusal, now.toISOString());
      db.prepare('UPDATE ocr_file SET pages = coalesce(pages, ?), refusal = coalesce(refusal, ?) WHERE sha256 = ?').run(f.pages, f.refusal, f.sha256);
      for (const page of f.done) saveOcrPage(db, f.sha256, page);
    }
  })();
}
