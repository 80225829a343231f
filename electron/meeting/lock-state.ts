/**
 * Lock state: whether a meeting's result is locked (定稿). A lock is a `panel_lock` row with no
 * `panel_reopen` row; the latest lock counts. While locked, nothing that changes the result may
 * happen: every such action calls `assertUnlocked` inside its transaction.
 */
import type { Database } from 'better-sqlite3';
import { chinaDateTime } from '../../shared/meeting/china-time.ts';
import { AppError } from '../errors/app-error.ts';

export interface LockRow {
  readonly id: number;
  readonly resultText: string;
  readonly resultSha256: string;
  readonly findingsJson: string;
  readonly settingsJson: string;
  readonly lockedAt: string;
  readonly lockedBy: string;
  readonly auditSeq: number;
}

/** The lock in force, or null. */
export function currentLock(db: Database, meetingId: number): LockRow | null {
  const row = db
    .prepare<
      [number],
      {
        id: number;
        result_text: string;
        result_sha256: string;
        findings_json: string;
        settings_json: string;
        locked_at: string;
        locked_by: string;
        audit_seq: number;
      }
    >(
      `SELECT l.* FROM panel_lock l
       WHERE l.meeting_id = ? AND NOT EXISTS (SELECT 1 FROM panel_reopen r WHERE r.lock_id = l.id)
       ORDER BY l.id DESC LIMIT 1`,
    )
    .get(meetingId);
  if (!row) return null;
  return {
    id: row.id,
    resultText: row.result_text,
    resultSha256: row.result_sha256,
    findingsJson: row.findings_json,
    settingsJson: row.settings_json,
    lockedAt: row.locked_at,
    lockedBy: row.locked_by,
    auditSeq: row.audit_seq,
  };
}

export function isLocked(db: Database, meetingId: number): boolean {
  return currentLock(db, meetingId) !== null;
}

export function assertUnlocked(db: Database, meetingId: number): void {
  const lock = currentLock(db, meetingId);
  if (lock) {
    throw new AppError(
      'result-locked',
      `本会议的结果已于 ${chinaDateTime(lock.lockedAt)} 由 ${lock.lockedBy} 定稿锁定，不能再修改。确需修改，请由主任在“定稿”页写明理由后重新开启（会记入审计日志）。`,
    );
  }
}
