/**
 * Review changes: every change an expert makes to their work, stored the moment it is made,
 * each in one transaction together with its entry in the change log (work_change).
 *
 * - subject: what a change is about: a decision (criterion, item), an override (indicator),
 *   the comment, or a recusal (alliance and year). Its state is a small JSON value, or null
 *   when absent (nothing decided, no override, no recusal).
 * - change: a subject's state before and after. A change to the same state is no change and
 *   is not logged, so pressing A twice leaves one entry to undo.
 * - undo: the latest change of the review that is neither an undo nor undone gets its
 *   `before` state back; the undo is logged as a change that names it. Undoing again walks
 *   further back, like a stack. Recusals are logged for the history but are not undone by
 *   Ctrl+Z: they are reversed on purpose, with the 撤销回避 button.
 */
import type { Database } from 'better-sqlite3';
import type { DecisionView, OverrideView } from '../../shared/api/expert-work-types.ts';
import { assertNever } from '../../shared/rubric/assert-never.ts';
import { decisionOfRow, type ReviewKey } from './review-store.ts';

export type Subject =
  | { readonly kind: 'decision'; readonly criterionId: string; readonly itemId: string | null }
  | { readonly kind: 'override'; readonly indicatorId: string }
  | { readonly kind: 'comment' }
  | { readonly kind: 'recusal'; readonly allianceId: string; readonly year: number };

type State = DecisionView | OverrideView | { readonly comment: string } | { readonly reason: string };

const UNDOABLE = "('decision', 'override', 'comment')";

function subjectKey(subject: Subject): string {
  switch (subject.kind) {
    case 'decision':
      return JSON.stringify([subject.criterionId, subject.itemId ?? '']);
    case 'override':
      return JSON.stringify([subject.indicatorId]);
    case 'comment':
      return '[]';
    case 'recusal':
      return JSON.stringify([subject.allianceId, subject.year]);
    default:
      return assertNever(subject);
  }
}

function subjectOf(kind: Subject['kind'], key: string): Subject {
  const parts = JSON.parse(key) as (string | number)[];
  switch (kind) {
    case 'decision': {
      const itemId = String(parts[1] ?? '');
      return { kind, criterionId: String(parts[0]), itemId: itemId === '' ? null : itemId };
    }
    case 'override':
      return { kind, indicatorId: String(parts[0]) };
    case 'comment':
      return { kind };
    case 'recusal':
      return { kind, allianceId: String(parts[0]), year: Number(parts[1]) };
    default:
      return assertNever(kind);
  }
}

function readState(db: Database, who: ReviewKey, subject: Subject): State | null {
  switch (subject.kind) {
    case 'decision': {
      const row = db
        .prepare<[number, number, string, string], { accept: number | null; reason: string | null; value: string | null }>(
          'SELECT accept, reason, value FROM decision WHERE expert_id = ? AND package_id = ? AND criterion_id = ? AND item_id = ?',
        )
        .get(who.expertId, who.packageId, subject.criterionId, subject.itemId ?? '');
      return row ? decisionOfRow(row) : null;
    }
    case 'override':
      return (
        db
          .prepare<[number, number, string], OverrideView>(
            'SELECT score, reason FROM indicator_override WHERE expert_id = ? AND package_id = ? AND indicator_id = ?',
          )
          .get(who.expertId, who.packageId, subject.indicatorId) ?? null
      );
    case 'comment': {
      const comment = db
        .prepare<[number, number], string>('SELECT comment FROM review_comment WHERE expert_id = ? AND package_id = ?')
        .pluck()
        .get(who.expertId, who.packageId);
      return comment === undefined ? null : { comment };
    }
    case 'recusal': {
      const reason = db
        .prepare<[number, string, number], string>('SELECT reason FROM recusal WHERE expert_id = ? AND alliance_id = ? AND year = ?')
        .pluck()
        .get(who.expertId, subject.allianceId, subject.year);
      return reason === undefined ? null : { reason };
    }
    default:
      return assertNever(subject);
  }
}

function writeState(db: Database, who: ReviewKey, subject: Subject, state: State | null, at: string): void {
  switch (subject.kind) {
    case 'decision': {
      const key = [who.expertId, who.packageId, subject.criterionId, subject.itemId ?? ''] as const;
      if (state === null) {
        db.prepare('DELETE FROM decision WHERE expert_id = ? AND package_id = ? AND criterion_id = ? AND item_id = ?').run(...key);
        return;
      }
      const d = state as DecisionView;
      const accept = 'accept' in d ? (d.accept ? 1 : 0) : null;
      const reason = 'accept' in d && !d.accept ? d.reason : null;
      const value = 'value' in d ? d.value : null;
      db.prepare(
        `INSERT INTO decision (expert_id, package_id, criterion_id, item_id, accept, reason, value, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (expert_id, package_id, criterion_id, item_id)
         DO UPDATE SET accept = excluded.accept, reason = excluded.reason, value = excluded.value, decided_at = excluded.decided_at`,
      ).run(...key, accept, reason, value, at);
      return;
    }
    case 'override': {
      const key = [who.expertId, who.packageId, subject.indicatorId] as const;
      if (state === null) {
        db.prepare('DELETE FROM indicator_override WHERE expert_id = ? AND package_id = ? AND indicator_id = ?').run(...key);
        return;
      }
      const o = state as OverrideView;
      db.prepare(
        `INSERT INTO indicator_override (expert_id, package_id, indicator_id, score, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (expert_id, package_id, indicator_id)
         DO UPDATE SET score = excluded.score, reason = excluded.reason, decided_at = excluded.decided_at`,
      ).run(...key, o.score, o.reason, at);
      return;
    }
    case 'comment': {
      if (state === null) {
        db.prepare('DELETE FROM review_comment WHERE expert_id = ? AND package_id = ?').run(who.expertId, who.packageId);
        return;
      }
      db.prepare(
        `INSERT INTO review_comment (expert_id, package_id, comment, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (expert_id, package_id) DO UPDATE SET comment = excluded.comment, updated_at = excluded.updated_at`,
      ).run(who.expertId, who.packageId, (state as { comment: string }).comment, at);
      return;
    }
    case 'recusal': {
      const key = [who.expertId, subject.allianceId, subject.year] as const;
      if (state === null) {
        db.prepare('DELETE FROM recusal WHERE expert_id = ? AND alliance_id = ? AND year = ?').run(...key);
        return;
      }
      db.prepare(
        `INSERT INTO recusal (expert_id, alliance_id, year, reason, recorded_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (expert_id, alliance_id, year) DO UPDATE SET reason = excluded.reason, recorded_at = excluded.recorded_at`,
      ).run(...key, (state as { reason: string }).reason, at);
      return;
    }
    default:
      assertNever(subject);
  }
}

function sameState(a: State | null, b: State | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function logChange(
  db: Database,
  who: ReviewKey,
  subject: Subject,
  before: State | null,
  after: State | null,
  at: string,
  undoes: number | null,
): number {
  return db
    .prepare(
      `INSERT INTO work_change (expert_id, package_id, subject, subject_key, before_json, after_json, changed_at, undoes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      who.expertId,
      who.packageId,
      subject.kind,
      subjectKey(subject),
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
      at,
      undoes,
    ).lastInsertRowid as number;
}

/**
 * Sets a subject's state and logs the change, in one transaction. `guard` runs inside it
 * first (e.g. "not signed", "not recused") and throws to refuse. Returns the change's
 * sequence number, or null when the state was already so.
 */
export function applyChange(
  db: Database,
  who: ReviewKey,
  subject: Subject,
  after: State | null,
  at: Date,
  guard: () => void = () => {},
): number | null {
  return db.transaction(() => {
    guard();
    const before = readState(db, who, subject);
    if (sameState(before, after)) return null;
    const stamp = at.toISOString();
    writeState(db, who, subject, after, stamp);
    return logChange(db, who, subject, before, after, stamp, null);
  })();
}

export function canUndo(db: Database, who: ReviewKey): boolean {
  return (
    db
      .prepare<[number, number], number>(
        `SELECT 1 FROM work_change WHERE expert_id = ? AND package_id = ? AND subject IN ${UNDOABLE}
           AND undoes IS NULL AND undone_by IS NULL LIMIT 1`,
      )
      .pluck()
      .get(who.expertId, who.packageId) === 1
  );
}

/** Undoes the latest change of the review; false when there is nothing to undo. */
export function undoLastChange(db: Database, who: ReviewKey, at: Date, guard: () => void = () => {}): boolean {
  return db.transaction(() => {
    guard();
    const change = db
      .prepare<[number, number], { seq: number; subject: Subject['kind']; subject_key: string; before_json: string | null }>(
        `SELECT seq, subject, subject_key, before_json FROM work_change
         WHERE expert_id = ? AND package_id = ? AND subject IN ${UNDOABLE} AND undoes IS NULL AND undone_by IS NULL
         ORDER BY seq DESC LIMIT 1`,
      )
      .get(who.expertId, who.packageId);
    if (!change) return false;
    const subject = subjectOf(change.subject, change.subject_key);
    const restored = change.before_json === null ? null : (JSON.parse(change.before_json) as State);
    const current = readState(db, who, subject);
    const stamp = at.toISOString();
    writeState(db, who, subject, restored, stamp);
    const seq = logChange(db, who, subject, current, restored, stamp, change.seq);
    db.prepare('UPDATE work_change SET undone_by = ? WHERE seq = ?').run(seq, change.seq);
    return true;
  })();
}
