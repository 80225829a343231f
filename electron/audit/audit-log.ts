/**
 * Audit log (审计日志): appending entries to the hash chain and verifying it
 * (shared/audit/audit-entry.ts defines the entry and its text).
 *
 * - append: inside the caller's transaction, so an action and its entry commit together or not
 *   at all. The database refuses an entry that does not extend the chain (trigger of 0004).
 * - verification: walks every entry in `seq` order and recomputes each hash; reports a gap in
 *   `seq` (an entry deleted), a `prevHash` that is not the previous entry's hash (deleted or
 *   reordered), a hash that does not match its content (edited); then checks that every record
 *   naming an entry (`audit_seq`) still finds it, which catches entries cut off the end.
 *   Tampering needs the append-only triggers dropped first; this is what finds it afterwards.
 *
 * The chain head's fingerprint (first 16 hex digits of the last hash) is shown with the locked
 * result, so a copy written down at the meeting can later show the whole log was not rewritten.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { AuditEntryView } from '../../shared/api/chair-types.ts';
import type { AuditAction, AuditDetail, AuditEntry } from '../../shared/audit/audit-entry.ts';
import { AUDIT_ACTION_LABELS, auditHashText, GENESIS_HASH, isAuditAction } from '../../shared/audit/audit-entry.ts';
import { formatFingerprint } from '../../shared/sheet/fingerprint-text.ts';

export interface NewAuditEntry {
  readonly meetingId: number;
  readonly at: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly detail: AuditDetail;
}

interface AuditRow {
  seq: number;
  meeting_id: number;
  at: string;
  actor: string;
  action: string;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Appends one entry; call inside the transaction that makes the change. Returns its `seq`. */
export function appendAudit(db: Database, entry: NewAuditEntry): number {
  const last = db
    .prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1')
    .get();
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = sha256Hex(auditHashText(prevHash, { ...entry, seq }));
  db.prepare(
    `INSERT INTO audit_entry (seq, meeting_id, at, actor, action, detail_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, entry.meetingId, entry.at, entry.actor, entry.action, JSON.stringify(entry.detail), prevHash, hash);
  return seq;
}

export interface AuditProblem {
  /** The entry concerned (for a missing entry: the one that should be there). */
  readonly seq: number;
  readonly kind: 'gap' | 'link' | 'content' | 'unreadable' | 'missing';
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entryCount: number;
  /** `3f9a 0c11 7be2 d405` of the last entry's hash; null for an empty log. */
  readonly headFingerprint: string | null;
  readonly problems: readonly AuditProblem[];
  /** `seq`s whose entry is suspect (edited, or right after a gap); shown highlighted. */
  readonly suspect: readonly number[];
}

/** The tables whose rows name the audit entry of the action that made them. */
const REFERENCING_TABLES = [
  'chair_sheet',
  'key_decision',
  'paper_sheet',
  'previous_result',
  'flag_note',
  'panel_lock',
  'panel_reopen',
  // The panel's procedure (migration 0006).
  'difference_standing',
  'outlier_explanation',
  'paper_pledge',
  'previous_none',
  // 补正 requests (migration 0012).
  'clarification_request',
] as const;

export function verifyAuditChain(db: Database): AuditVerification {
  const rows = db.prepare<[], AuditRow>('SELECT * FROM audit_entry ORDER BY seq').all();
  const problems: AuditProblem[] = [];
  const suspect = new Set<number>();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      const missing = row.seq > expectedSeq ? `第 ${expectedSeq}–${row.seq - 1} 条` : `第 ${row.seq} 条之前的条目`;
      problems.push({ seq: row.seq, kind: 'gap', message: `日志条目编号不连续：${missing}不见了（被删除）` });
      suspect.add(row.seq);
    }
    if (row.prev_hash !== prevHash) {
      problems.push({
        seq: row.seq,
        kind: 'link',
        message: `第 ${row.seq} 条记录的“上一条哈希”与上一条不符：其前面的条目被删除、替换或改动过`,
      });
      suspect.add(row.seq);
    }
    const content = contentOf(row);
    if (content === null) {
      problems.push({ seq: row.seq, kind: 'unreadable', message: `第 ${row.seq} 条记录的内容无法读取（被改动过）` });
      suspect.add(row.seq);
    } else if (sha256Hex(auditHashText(row.prev_hash, content)) !== row.hash) {
      problems.push({ seq: row.seq, kind: 'content', message: `第 ${row.seq} 条记录的内容与其哈希不符：这条记录被改动过` });
      suspect.add(row.seq);
    }
    expectedSeq = row.seq + 1;
    prevHash = row.hash;
  }
  const present = new Set(rows.map((row) => row.seq));
  for (const table of REFERENCING_TABLES) {
    const referenced = db.prepare<[], number>(`SELECT DISTINCT audit_seq FROM ${table}`).pluck().all();
    for (const seq of referenced) {
      if (present.has(seq)) continue;
      problems.push({ seq, kind: 'missing', message: `第 ${seq} 条日志被数据记录引用，但日志中已不存在（被删除）` });
    }
  }
  const last = rows.at(-1);
  return {
    ok: problems.length === 0,
    entryCount: rows.length,
    headFingerprint: last === undefined ? null : formatFingerprint(last.hash),
    problems: problems.sort((a, b) => a.seq - b.seq),
    suspect: [...suspect].sort((a, b) => a - b),
  };
}

function contentOf(row: AuditRow): Omit<AuditEntry, 'prevHash' | 'hash'> | null {
  if (!isAuditAction(row.action)) return null;
  let detail: unknown;
  try {
    detail = JSON.parse(row.detail_json);
  } catch {
    return null;
  }
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return null;
  return { seq: row.seq, meetingId: row.meeting_id, at: row.at, actor: row.actor, action: row.action, detail: detail as AuditDetail };
}

/** The entries of one meeting, oldest first, as stored (verification says which to trust). */
export function listAudit(db: Database, meetingId: number): AuditEntryView[] {
  return db
    .prepare<[number], AuditRow>('SELECT * FROM audit_entry WHERE meeting_id = ? ORDER BY seq')
    .all(meetingId)
    .map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      actionLabel: isAuditAction(row.action) ? AUDIT_ACTION_LABELS[row.action] : `未知操作 ${row.action}`,
      detail: row.detail_json,
      hash: row.hash,
    }));
}
