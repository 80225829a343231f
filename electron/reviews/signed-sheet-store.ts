/**
 * Signed sheets on the expert's laptop (migration 0003): every sheet an expert signed, kept
 * exactly as written to the stick. Nothing is overwritten: signing again makes a new version.
 *
 * - locking sheet: the latest signed sheet of an expert and year that the expert has not
 *   chosen to revise. While there is one, that year's decisions and recusals stay as signed.
 * - revise: the expert unlocks the year on purpose; the sheet stays in history and the next
 *   signing supersedes it.
 */
import type { Database } from 'better-sqlite3';
import type { SignedSheetSummary } from '../../shared/api/expert-work-types.ts';
import { AppError } from '../errors/app-error.ts';

interface SheetRow {
  id: number;
  year: number;
  version: number;
  signed_at: string;
  fingerprint: string;
  file_name: string;
  file_path: string;
  revised_at: string | null;
  superseded: number;
}

const sheetSelect = `
  SELECT s.id, s.year, s.version, s.signed_at, s.fingerprint, s.file_name, s.file_path, s.revised_at,
         EXISTS (SELECT 1 FROM signed_sheet n WHERE n.expert_id = s.expert_id AND n.year = s.year AND n.version > s.version) AS superseded
  FROM signed_sheet s`;

function toSummary(row: SheetRow): SignedSheetSummary {
  return {
    id: row.id,
    year: row.year,
    version: row.version,
    signedAt: row.signed_at,
    fingerprint: row.fingerprint,
    fileName: row.file_name,
    filePath: row.file_path,
    revisedAt: row.revised_at,
    superseded: row.superseded === 1,
  };
}

/** The expert's signed sheets of a year, newest first. */
export function listSignedSheets(db: Database, expertId: number, year: number): SignedSheetSummary[] {
  return db
    .prepare<[number, number], SheetRow>(`${sheetSelect} WHERE s.expert_id = ? AND s.year = ? ORDER BY s.version DESC`)
    .all(expertId, year)
    .map(toSummary);
}

export function lockingSheet(db: Database, expertId: number, year: number): SignedSheetSummary | null {
  const row = db
    .prepare<[number, number], SheetRow>(
      `${sheetSelect} WHERE s.expert_id = ? AND s.year = ? AND s.revised_at IS NULL ORDER BY s.version DESC LIMIT 1`,
    )
    .get(expertId, year);
  return row ? toSummary(row) : null;
}

/** Refuses a change to a year the expert has signed and not chosen to revise. */
export function assertNotSigned(db: Database, expertId: number, year: number): void {
  const sheet = lockingSheet(db, expertId, year);
  if (sheet) {
    throw new AppError(
      'sheet-signed',
      `${year} 年度的评分已于 ${sheet.signedAt} 签名导出（第 ${sheet.version} 版），不能再改。如需修改，请在联盟列表中点击“修改评分”（之后须重新签名）。`,
    );
  }
}

export interface NewSignedSheet {
  readonly expertId: number;
  readonly year: number;
  readonly signedAt: string;
  readonly fingerprint: string;
  readonly fileName: string;
  readonly filePath: string;
  readonly text: string;
}

export function nextSheetVersion(db: Database, expertId: number, year: number): number {
  return (
    (db
      .prepare<[number, number], number>('SELECT coalesce(max(version), 0) FROM signed_sheet WHERE expert_id = ? AND year = ?')
      .pluck()
      .get(expertId, year) ?? 0) + 1
  );
}

export function recordSignedSheet(db: Database, sheet: NewSignedSheet & { readonly version: number }): SignedSheetSummary {
  const id = db
    .prepare(
      `INSERT INTO signed_sheet (expert_id, year, version, signed_at, fingerprint, file_name, file_path, sheet_text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(sheet.expertId, sheet.year, sheet.version, sheet.signedAt, sheet.fingerprint, sheet.fileName, sheet.filePath, sheet.text)
    .lastInsertRowid as number;
  const row = db.prepare<[number], SheetRow>(`${sheetSelect} WHERE s.id = ?`).get(id);
  if (!row) throw new Error('signed sheet row vanished');
  return toSummary(row);
}

export function signedSheetText(db: Database, expertId: number, sheetId: number): { summary: SignedSheetSummary; text: string } {
  const row = db.prepare<[number, number], SheetRow>(`${sheetSelect} WHERE s.id = ? AND s.expert_id = ?`).get(sheetId, expertId);
  if (!row) throw new AppError('sheet-not-found', '没有找到这份评分表。');
  const text = db.prepare<[number], string>('SELECT sheet_text FROM signed_sheet WHERE id = ?').pluck().get(sheetId) ?? '';
  return { summary: toSummary(row), text };
}

/** The expert chooses to revise a signed year: the locking sheet stays, but no longer locks. */
export function reviseSignedYear(db: Database, expertId: number, year: number, at: Date): void {
  db.prepare('UPDATE signed_sheet SET revised_at = ? WHERE expert_id = ? AND year = ? AND revised_at IS NULL').run(
    at.toISOString(),
    expertId,
    year,
  );
}
