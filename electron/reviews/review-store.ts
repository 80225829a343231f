/**
 * Review store: reading one expert's current work on one package (migration 0003): the
 * decisions, overrides, comment and written explanations as they stand now, the recusal of the alliance, and the
 * last change (for the "saved" indicator and undo).
 */
import type { Database } from 'better-sqlite3';
import type { DecisionView } from '../../shared/api/expert-work-types.ts';
import type { StoredDecision, StoredOverride } from '../../shared/review/stored-review.ts';

/** Who works on what: one expert's review of one package. */
export interface ReviewKey {
  readonly expertId: number;
  readonly packageId: number;
}

export interface StoredWork {
  readonly decisions: readonly StoredDecision[];
  readonly overrides: readonly StoredOverride[];
  readonly comment: string;
  /** Criterion id → the expert's written explanation of their score on it. */
  readonly explanations: Readonly<Record<string, string>>;
}

interface DecisionRow {
  criterion_id: string;
  item_id: string;
  accept: number | null;
  reason: string | null;
  value: string | null;
}

/** The decision a row holds; `item_id` '' stands for "no item" (flag and judged criteria). */
export function decisionOfRow(row: Pick<DecisionRow, 'accept' | 'reason' | 'value'>): DecisionView {
  if (row.value !== null) return { value: row.value };
  return row.accept === 1 ? { accept: true } : { accept: false, reason: row.reason ?? '' };
}

export function readStoredWork(db: Database, key: ReviewKey): StoredWork {
  const decisions = db
    .prepare<[number, number], DecisionRow>(
      'SELECT criterion_id, item_id, accept, reason, value FROM decision WHERE expert_id = ? AND package_id = ?',
    )
    .all(key.expertId, key.packageId)
    .map((row): StoredDecision => ({
      criterionId: row.criterion_id,
      itemId: row.item_id === '' ? null : row.item_id,
      decision: decisionOfRow(row),
    }));
  const overrides = db
    .prepare<[number, number], StoredOverride>(
      'SELECT indicator_id AS indicatorId, score, reason FROM indicator_override WHERE expert_id = ? AND package_id = ?',
    )
    .all(key.expertId, key.packageId);
  const comment =
    db
      .prepare<[number, number], string>('SELECT comment FROM review_comment WHERE expert_id = ? AND package_id = ?')
      .pluck()
      .get(key.expertId, key.packageId) ?? '';
  const explanations = Object.fromEntries(
    db
      .prepare<[number, number], { criterion_id: string; explanation: string }>(
        'SELECT criterion_id, explanation FROM review_explanation WHERE expert_id = ? AND package_id = ? ORDER BY criterion_id',
      )
      .all(key.expertId, key.packageId)
      .map((r) => [r.criterion_id, r.explanation] as const),
  );
  return { decisions, overrides, comment, explanations };
}

export function readRecusal(db: Database, expertId: number, allianceId: string, year: number): string | null {
  return (
    db
      .prepare<[number, string, number], string>('SELECT reason FROM recusal WHERE expert_id = ? AND alliance_id = ? AND year = ?')
      .pluck()
      .get(expertId, allianceId, year) ?? null
  );
}

/** The latest change of this review, whatever it was (an undo too). */
export function lastChange(db: Database, key: ReviewKey): { seq: number; at: string } | null {
  return (
    db
      .prepare<[number, number], { seq: number; at: string }>(
        'SELECT seq, changed_at AS at FROM work_change WHERE expert_id = ? AND package_id = ? ORDER BY seq DESC LIMIT 1',
      )
      .get(key.expertId, key.packageId) ?? null
  );
}
