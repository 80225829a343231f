/**
 * The chair's sheets: every signed sheet imported for a meeting, and which of them count.
 *
 * - stored sheet: a verified sheet file as imported (its text), with its expert, key, time.
 * - key decision: the chair compared the key's fingerprint with what the expert read out (or the
 *   paper sign-in sheet) and confirmed or rejected it. One confirmed key per expert and meeting.
 * - status of a sheet, derived, never stored:
 *   `key-rejected` (its key was rejected), `awaiting-fingerprint` (its key is not decided yet),
 *   `current` (key confirmed, the latest `signedAt` of its expert: this one counts), or
 *   `superseded` (key confirmed, a later sheet of the same expert and key replaced it; kept as
 *   history).
 * - counted sheet: the current sheet of an expert who is on the roster.
 */
import type { Database } from 'better-sqlite3';
import type { ExpertKeyView, PendingKeyView, SheetRecordView, SheetStatus, SheetsView } from '../../shared/api/chair-types.ts';
import { isLocked } from '../meeting/lock-state.ts';
import { meetingExperts } from '../meeting/meeting-store.ts';

export interface StoredSheet {
  readonly id: number;
  readonly expertId: string;
  readonly expertName: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly signedAt: string;
  readonly signedAtMs: number;
  readonly sheetText: string;
  readonly sheetSha256: string;
  readonly sourceName: string;
  readonly importedAt: string;
  readonly importedBy: string;
}

export interface KeyDecision {
  readonly publicKey: string;
  readonly expertId: string;
  readonly fingerprint: string;
  readonly decision: 'confirmed' | 'rejected';
  readonly readOut: string;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

export function storedSheets(db: Database, meetingId: number): StoredSheet[] {
  return db
    .prepare<
      [number],
      {
        id: number;
        expert_id: string;
        expert_name: string;
        public_key: string;
        fingerprint: string;
        signed_at: string;
        signed_at_ms: number;
        sheet_text: string;
        sheet_sha256: string;
        source_name: string;
        imported_at: string;
        imported_by: string;
      }
    >('SELECT * FROM chair_sheet WHERE meeting_id = ? ORDER BY id')
    .all(meetingId)
    .map((row) => ({
      id: row.id,
      expertId: row.expert_id,
      expertName: row.expert_name,
      publicKey: row.public_key,
      fingerprint: row.fingerprint,
      signedAt: row.signed_at,
      signedAtMs: row.signed_at_ms,
      sheetText: row.sheet_text,
      sheetSha256: row.sheet_sha256,
      sourceName: row.source_name,
      importedAt: row.imported_at,
      importedBy: row.imported_by,
    }));
}

export function keyDecisions(db: Database, meetingId: number): KeyDecision[] {
  return db
    .prepare<
      [number],
      {
        public_key: string;
        expert_id: string;
        fingerprint: string;
        decision: 'confirmed' | 'rejected';
        read_out: string;
        decided_at: string;
        decided_by: string;
      }
    >('SELECT public_key, expert_id, fingerprint, decision, read_out, decided_at, decided_by FROM key_decision WHERE meeting_id = ? ORDER BY decided_at')
    .all(meetingId)
    .map((row) => ({
      publicKey: row.public_key,
      expertId: row.expert_id,
      fingerprint: row.fingerprint,
      decision: row.decision,
      readOut: row.read_out,
      decidedAt: row.decided_at,
      decidedBy: row.decided_by,
    }));
}

/** Each sheet's status (see the module comment). */
export function sheetStatuses(sheets: readonly StoredSheet[], decisions: readonly KeyDecision[]): Map<number, SheetStatus> {
  const byKey = new Map(decisions.map((decision) => [decision.publicKey, decision]));
  const statuses = new Map<number, SheetStatus>();
  const latest = new Map<string, StoredSheet>();
  for (const sheet of sheets) {
    const decision = byKey.get(sheet.publicKey);
    if (decision === undefined) statuses.set(sheet.id, 'awaiting-fingerprint');
    else if (decision.decision === 'rejected' || decision.expertId !== sheet.expertId) statuses.set(sheet.id, 'key-rejected');
    else {
      statuses.set(sheet.id, 'superseded');
      const best = latest.get(sheet.expertId);
      if (best === undefined || sheet.signedAtMs > best.signedAtMs) latest.set(sheet.expertId, sheet);
    }
  }
  for (const sheet of latest.values()) statuses.set(sheet.id, 'current');
  return statuses;
}

/** The sheets that count: the current sheet of each expert on the roster, in expert id order. */
export function countedSheets(db: Database, meetingId: number): StoredSheet[] {
  const roster = new Set(meetingExperts(db, meetingId).map((expert) => expert.id));
  const sheets = storedSheets(db, meetingId);
  const statuses = sheetStatuses(sheets, keyDecisions(db, meetingId));
  return sheets
    .filter((sheet) => statuses.get(sheet.id) === 'current' && roster.has(sheet.expertId))
    .sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
}

/** Keys with sheets but no decision yet, one entry per key. */
export function pendingKeys(sheets: readonly StoredSheet[], decisions: readonly KeyDecision[]): PendingKeyView[] {
  const decided = new Set(decisions.map((decision) => decision.publicKey));
  const pending = new Map<string, PendingKeyView>();
  for (const sheet of sheets) {
    if (decided.has(sheet.publicKey)) continue;
    const known = pending.get(sheet.publicKey);
    pending.set(sheet.publicKey, {
      expertId: sheet.expertId,
      expertName: sheet.expertName,
      fingerprint: sheet.fingerprint,
      publicKey: sheet.publicKey,
      sheetCount: (known?.sheetCount ?? 0) + 1,
    });
  }
  return [...pending.values()].sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
}

export function sheetsView(db: Database, meetingId: number): SheetsView {
  const sheets = storedSheets(db, meetingId);
  const decisions = keyDecisions(db, meetingId);
  const statuses = sheetStatuses(sheets, decisions);
  const records: SheetRecordView[] = sheets
    .map((sheet) => ({
      id: sheet.id,
      expertId: sheet.expertId,
      expertName: sheet.expertName,
      fingerprint: sheet.fingerprint,
      publicKey: sheet.publicKey,
      signedAt: sheet.signedAt,
      sourceName: sheet.sourceName,
      importedAt: sheet.importedAt,
      importedBy: sheet.importedBy,
      status: statuses.get(sheet.id) ?? 'awaiting-fingerprint',
    }))
    .sort((a, b) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : b.id - a.id));
  const keys: ExpertKeyView[] = decisions.map((decision) => ({
    expertId: decision.expertId,
    fingerprint: decision.fingerprint,
    publicKey: decision.publicKey,
    decision: decision.decision,
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt,
  }));
  return { sheets: records, pendingKeys: pendingKeys(sheets, decisions), keys, locked: isLocked(db, meetingId) };
}
