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
 * - group: changes made by one action of the expert (本指标全部认定 accepts several claims),
 *   undone and redone as one step. The group is the seq of its first entry, kept as a third
 *   element of each decision's subject_key (only decisions are ever grouped), so the table
 *   needs no new column.
 * - redo: the latest undo that is not itself undone, as long as no fresh change came after it,
 *   is reversed: the undone change's `after` state is set again, logged as a fresh change
 *   (so Ctrl+Z undoes it like any other) that the undo names in `undone_by`. A redo is told
 *   from an ordinary change by that link; an ordinary change after an undo ends the redo.
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

/** The group a logged entry belongs to, or null when it was an action of its own. */
function groupOf(key: string): number | null {
  const parts = JSON.parse(key) as unknown[];
  return typeof parts[2] === 'number' ? parts[2] : null;
}

function withGroup(key: string, group: number): string {
  const parts = JSON.parse(key) as unknown[];
  return JSON.stringify([parts[0], parts[1] ?? '', group]);
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
  return applyChanges(db, who, [{ subject, after }], at, guard)[0] ?? null;
}

/**
 * Sets several subjects' states as one action, logged as one group (one undo step), in one
 * transaction. A subject for which `keep` says so (default: none) is left as it is.
 * Returns the sequence numbers of the entries logged (none when nothing changed).
 */
export function applyChanges(
  db: Database,
  who: ReviewKey,
  changes: readonly { readonly subject: Subject; readonly after: State | null }[],
  at: Date,
  guard: () => void = () => {},
  keep: (before: State | null) => boolean = () => false,
): number[] {
  return db.transaction(() => {
    guard();
    const stamp = at.toISOString();
    const logged: number[] = [];
    for (const { subject, after } of changes) {
      const before = readState(db, who, subject);
      if (sameState(before, after) || keep(before)) continue;
      writeState(db, who, subject, after, stamp);
      logged.push(logChange(db, who, subject, before, after, stamp, null));
    }
    markGroup(db, logged);
    return logged;
  })();
}

function markGroup(db: Database, seqs: readonly number[]): void {
  const first = seqs[0];
  if (first === undefined || seqs.length < 2) return;
  const read = db.prepare<[number], string>('SELECT subject_key FROM work_change WHERE seq = ?').pluck();
  const update = db.prepare('UPDATE work_change SET subject_key = ? WHERE seq = ?');
  for (const seq of seqs) update.run(withGroup(read.get(seq) ?? '[]', first), seq);
}

interface LoggedChange {
  readonly seq: number;
  readonly subject: Subject['kind'];
  readonly subject_key: string;
  readonly before_json: string | null;
  readonly after_json: string | null;
  readonly undoes: number | null;
}

const COLUMNS = 'seq, subject, subject_key, before_json, after_json, undoes';

function entry(db: Database, seq: number): LoggedChange | undefined {
  return db.prepare<[number], LoggedChange>(`SELECT ${COLUMNS} FROM work_change WHERE seq = ?`).get(seq);
}

/** The entries of one step to undo, newest first: the latest change neither an undo nor undone, with its group. */
function undoStep(db: Database, who: ReviewKey): LoggedChange[] {
  const latest = db
    .prepare<[number, number], LoggedChange>(
      `SELECT ${COLUMNS} FROM work_change
       WHERE expert_id = ? AND package_id = ? AND subject IN ${UNDOABLE} AND undoes IS NULL AND undone_by IS NULL
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(who.expertId, who.packageId);
  if (!latest) return [];
  return inGroup(db, who, latest, 'undoes IS NULL AND undone_by IS NULL');
}

/** The entries of one step to redo, newest first: the latest undo not undone with its group, unless a fresh change came after it. */
function redoStep(db: Database, who: ReviewKey): LoggedChange[] {
  const latest = db
    .prepare<[number, number], LoggedChange>(
      `SELECT ${COLUMNS} FROM work_change
       WHERE expert_id = ? AND package_id = ? AND subject IN ${UNDOABLE} AND undoes IS NOT NULL AND undone_by IS NULL
       ORDER BY seq DESC LIMIT 1`,
    )
    .get(who.expertId, who.packageId);
  if (!latest) return [];
  // A fresh change after the undo (one that no undo names as its redo) ends what can be redone.
  const fresh = db
    .prepare<[number, number, number], number>(
      `SELECT 1 FROM work_change c
       WHERE c.expert_id = ? AND c.package_id = ? AND c.seq > ? AND c.subject IN ${UNDOABLE} AND c.undoes IS NULL
         AND NOT EXISTS (SELECT 1 FROM work_change u WHERE u.undone_by = c.seq AND u.undoes IS NOT NULL)
       LIMIT 1`,
    )
    .pluck()
    .get(who.expertId, who.packageId, latest.seq);
  if (fresh === 1) return [];
  return inGroup(db, who, latest, 'undoes IS NOT NULL AND undone_by IS NULL');
}

function inGroup(db: Database, who: ReviewKey, latest: LoggedChange, condition: string): LoggedChange[] {
  const group = groupOf(latest.subject_key);
  if (group === null) return [latest];
  return db
    .prepare<[number, number], LoggedChange>(
      `SELECT ${COLUMNS} FROM work_change WHERE expert_id = ? AND package_id = ? AND subject = 'decision' AND ${condition} ORDER BY seq DESC`,
    )
    .all(who.expertId, who.packageId)
    .filter((c) => groupOf(c.subject_key) === group);
}

export function canUndo(db: Database, who: ReviewKey): boolean {
  return undoStep(db, who).length > 0;
}

/** What one step of undo or redo is about: its (first) subject, the state that change had set, how many subjects. */
export interface Step {
  readonly subject: Subject;
  readonly after: State | null;
  readonly count: number;
}

export function nextUndo(db: Database, who: ReviewKey): Step | null {
  const step = undoStep(db, who);
  const first = step[step.length - 1];
  if (!first) return null;
  return { subject: subjectOf(first.subject, first.subject_key), after: parse(first.after_json), count: step.length };
}

export function nextRedo(db: Database, who: ReviewKey): Step | null {
  const step = redoStep(db, who);
  const last = step[step.length - 1];
  const undone = last?.undoes == null ? undefined : entry(db, last.undoes);
  if (!undone) return null;
  return { subject: subjectOf(undone.subject, undone.subject_key), after: parse(undone.after_json), count: step.length };
}

function parse(json: string | null): State | null {
  return json === null ? null : (JSON.parse(json) as State);
}

/** Undoes the latest step of the review (one change, or one group); false when there is nothing to undo. */
export function undoLastChange(db: Database, who: ReviewKey, at: Date, guard: () => void = () => {}): boolean {
  return db.transaction(() => {
    guard();
    const step = undoStep(db, who);
    if (step.length === 0) return false;
    const stamp = at.toISOString();
    const logged = step.map((change) => {
      const subject = subjectOf(change.subject, change.subject_key);
      const current = readState(db, who, subject);
      const restored = parse(change.before_json);
      writeState(db, who, subject, restored, stamp);
      const seq = logChange(db, who, subject, current, restored, stamp, change.seq);
      db.prepare('UPDATE work_change SET undone_by = ? WHERE seq = ?').run(seq, change.seq);
      return seq;
    });
    markGroup(db, logged);
    return true;
  })();
}

/** Redoes the latest undone step (one change, or one group); false when there is nothing to redo. */
export function redoLastUndo(db: Database, who: ReviewKey, at: Date, guard: () => void = () => {}): boolean {
  return db.transaction(() => {
    guard();
    const step = redoStep(db, who);
    if (step.length === 0) return false;
    const stamp = at.toISOString();
    const logged = step.map((undo) => {
      const undone = undo.undoes === null ? undefined : entry(db, undo.undoes);
      const subject = subjectOf(undo.subject, undo.subject_key);
      const current = readState(db, who, subject);
      const again = parse(undone?.after_json ?? null);
      writeState(db, who, subject, again, stamp);
      const seq = logChange(db, who, subject, current, again, stamp, null);
      db.prepare('UPDATE work_change SET undone_by = ? WHERE seq = ?').run(seq, undo.seq);
      return seq;
    });
    markGroup(db, logged);
    return true;
  })();
}
