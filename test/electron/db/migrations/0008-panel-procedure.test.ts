import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../../electron/audit/audit-log.ts';
import { migrateTo } from '../../../helpers/migrate-to.ts';

const SHA = 'ab'.repeat(32);

/** A version-7 store (before this step) with a meeting, its settings, a lock and a reopening of the old shape. */
function version5(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrateTo(db, 7);
  db.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('2026 年度评审会', 2026, 't')").run();
  db.prepare("INSERT INTO meeting_settings (meeting_id, uid, rubric_id, method, deviation_threshold, budget_yuan) VALUES (1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'hefei-2017', 'mean', '10', NULL)").run();
  const seq = appendAudit(db, { meetingId: 1, at: 't', actor: '主任', action: 'lock', detail: {} });
  db.prepare("INSERT INTO panel_lock (meeting_id, result_text, result_sha256, findings_json, settings_json, locked_at, locked_by, audit_seq) VALUES (1, '{}', ?, '[]', '{}', 't', '主任', ?)").run(SHA, seq);
  const reopen = appendAudit(db, { meetingId: 1, at: 't', actor: '主任', action: 'reopen', detail: {} });
  db.prepare("INSERT INTO panel_reopen (lock_id, reason, reopened_at, reopened_by, audit_seq) VALUES (1, '复核', 't', '主任', ?)").run(reopen);
  return db;
}

describe('0008-panel-procedure', () => {
  it('keeps an older store’s settings and reopenings: the outlier share defaults to 0.3, old reopenings have no ground', () => {
    const db = version5();
    expect(migrateTo(db, 8)).toEqual({ from: 7, to: 8 });
    expect(db.prepare('SELECT outlier_share FROM meeting_settings').pluck().get()).toBe('0.3');
    expect(db.prepare('SELECT ground, reason FROM panel_reopen').all()).toEqual([{ ground: null, reason: '复核' }]);
    for (const table of ['difference_standing', 'outlier_explanation', 'paper_pledge', 'previous_none']) {
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table)).toMatch(/STRICT$/);
    }
  });

  it('takes only art. 64’s four grounds, and keeps the new records append-only and tied to the audit log', () => {
    const db = version5();
    migrateTo(db, 8);
    const lock2 = appendAudit(db, { meetingId: 1, at: 't', actor: '主任', action: 'lock', detail: {} });
    db.prepare("INSERT INTO panel_lock (meeting_id, result_text, result_sha256, findings_json, settings_json, locked_at, locked_by, audit_seq) VALUES (1, '{}', ?, '[]', '{}', 't', '主任', ?)").run(SHA, lock2);
    const reopen = (ground: string) => db.prepare("INSERT INTO panel_reopen (lock_id, ground, reason, reopened_at, reopened_by, audit_seq) VALUES (2, ?, '复核', 't', '主任', ?)").run(ground, lock2);
    expect(() => reopen('changed-mind')).toThrow(/CHECK/);
    reopen('summation-error');

    const seq = appendAudit(db, { meetingId: 1, at: 't', actor: '主任', action: 'pledge-record', detail: {} });
    db.prepare("INSERT INTO paper_pledge (meeting_id, expert_id, signed_on, recorded_at, recorded_by, audit_seq) VALUES (1, 'E01', '2027-01-20', 't', '主任', ?)").run(seq);
    expect(() => db.prepare("UPDATE paper_pledge SET expert_id = 'E02'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM paper_pledge').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO previous_none (meeting_id, confirmed_at, confirmed_by, audit_seq) VALUES (1, 't', '主任', 99)").run()).toThrow(/FOREIGN KEY/);
    const insertStanding = (reason: string) =>
      db.prepare("INSERT INTO difference_standing (meeting_id, alliance_id, criterion_id, item_id, decisions, reason, recorded_at, recorded_by, audit_seq) VALUES (1, 'HFA-001', 'I3.audit', '', 'E01:accept,E02:reject', ?, 't', '主任', ?)").run(reason, seq);
    expect(() => insertStanding('  ')).toThrow(/CHECK/);
    insertStanding('维持');
    const insertExplanation = (text: string) =>
      db.prepare("INSERT INTO outlier_explanation (meeting_id, alliance_id, criterion_id, expert_id, score, explanation, recorded_at, recorded_by, audit_seq) VALUES (1, 'HFA-002', 'I10.status', 'E05', '0', ?, 't', '主任', ?)").run(text, seq);
    expect(() => insertExplanation('')).toThrow(/CHECK/);
    insertExplanation('按材料评分');
    expect(() => db.prepare('DELETE FROM outlier_explanation').run()).toThrow(/append-only/);
  });
});
