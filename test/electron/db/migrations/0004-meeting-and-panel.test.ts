import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

const zeros = '0'.repeat(64);
const hash = (c: string) => c.repeat(64);

function migrated(): Database.Database {
  const db = databaseAt(4);
  db.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('2026 年度', 2026, 't')").run();
  return db;
}

function insertAudit(db: Database.Database, seq: number, prev: string, self: string) {
  db.prepare(
    "INSERT INTO audit_entry (seq, meeting_id, at, actor, action, detail_json, prev_hash, hash) VALUES (?, 1, 't', '李主任', 'lock', '{}', ?, ?)",
  ).run(seq, prev, self);
}

describe('0004-meeting-and-panel', () => {
  it('migrates a version-3 store, keeping its meetings and experts, and adds the meeting and panel tables', () => {
    const db = emptyDatabase();
    migrateTo(db, 3);
    db.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('2026 年度', 2026, 't')").run();
    db.prepare("INSERT INTO expert (roster_id, name, created_at) VALUES ('E01', '王明', 't')").run();
    expect(migrateTo(db, 4)).toEqual({ from: 3, to: 4 });
    expect(db.prepare('SELECT name FROM meeting').pluck().all()).toEqual(['2026 年度']);
    expect(db.prepare('SELECT roster_id FROM expert').pluck().all()).toEqual(['E01']);
    const added = [
      'audit_entry',
      'chair_sheet',
      'flag_note',
      'key_decision',
      'meeting_expert',
      'meeting_file',
      'meeting_package',
      'meeting_settings',
      'panel_lock',
      'panel_reopen',
      'paper_entry',
      'paper_sheet',
      'previous_result',
    ];
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(added));
    for (const table of added) {
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table)).toMatch(/STRICT$/);
    }
  });

  it('keeps the audit log append-only: no update, no delete', () => {
    const db = migrated();
    insertAudit(db, 1, zeros, hash('a'));
    expect(() => db.prepare("UPDATE audit_entry SET actor = '别人'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_entry').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM audit_entry').pluck().get()).toBe('李主任');
  });

  it.each([
    ['a first entry not numbered 1', 2, zeros],
    ['a first entry not starting from 64 zeros', 1, hash('b')],
  ])('refuses %s', (_label, seq, prev) => {
    expect(() => insertAudit(migrated(), seq, prev, hash('a'))).toThrow(/extend the chain/);
  });

  it('accepts only an entry that extends the chain by one, naming the last hash', () => {
    const db = migrated();
    insertAudit(db, 1, zeros, hash('a'));
    expect(() => insertAudit(db, 3, hash('a'), hash('c'))).toThrow(/extend the chain/);
    expect(() => insertAudit(db, 2, hash('f'), hash('c'))).toThrow(/extend the chain/);
    insertAudit(db, 2, hash('a'), hash('c'));
    expect(db.prepare('SELECT count(*) FROM audit_entry').pluck().get()).toBe(2);
  });

  it('keeps records append-only and tied to an audit entry that exists', () => {
    const db = migrated();
    const lock = db.prepare(
      "INSERT INTO panel_lock (meeting_id, result_text, result_sha256, findings_json, settings_json, locked_at, locked_by, audit_seq) VALUES (1, '{}', ?, '[]', '{}', 't', '李主任', ?)",
    );
    expect(() => lock.run(hash('d'), 1)).toThrow(/FOREIGN KEY/);
    insertAudit(db, 1, zeros, hash('a'));
    lock.run(hash('d'), 1);
    expect(() => db.prepare("UPDATE panel_lock SET result_text = '{\"x\":1}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM panel_lock').run()).toThrow(/append-only/);
  });

  it('allows one confirmed key per expert, and refuses a paper sheet confirmed by the person who entered it', () => {
    const db = migrated();
    insertAudit(db, 1, zeros, hash('a'));
    const key = db.prepare(
      "INSERT INTO key_decision (meeting_id, public_key, expert_id, fingerprint, decision, read_out, decided_at, decided_by, audit_seq) VALUES (1, ?, 'E01', 'f', ?, '', 't', '李主任', 1)",
    );
    key.run('k1', 'confirmed');
    key.run('k2', 'rejected');
    expect(() => key.run('k3', 'confirmed')).toThrow(/UNIQUE/);

    const entry = db.prepare(
      "INSERT INTO paper_entry (meeting_id, expert_id, entry_no, entered_by, content_json, entered_at) VALUES (1, 'E02', ?, ?, '{}', 't')",
    );
    entry.run(1, '张三');
    entry.run(2, '李四');
    expect(() =>
      db
        .prepare(
          "INSERT INTO paper_sheet (meeting_id, expert_id, sheet_json, entered_by, confirmed_by, first_entry_id, second_entry_id, agreed_at, audit_seq) VALUES (1, 'E02', '{}', '张三', '张三', 1, 2, 't', 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('refuses a meeting package that is not in the store', () => {
    const db = migrated();
    expect(() => db.prepare("INSERT INTO meeting_package VALUES (1, 'HFA-1', ?)").run(hash('e'))).toThrow(/FOREIGN KEY/);
  });
});
