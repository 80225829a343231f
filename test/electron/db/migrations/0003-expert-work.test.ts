import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

function insertPackage(db: Database.Database): void {
  db.prepare(
    `INSERT INTO package (digest, alliance_id, alliance_name, alliance_kind, year, rubric_id, version, manifest_json,
       self_report_path, self_total, self_grade, source_name, source_kind, imported_at)
     VALUES (?, 'HFA-1', '联盟', 'general', 2026, 'hefei-2017', 1, '{}', 'r.pdf', '90.5', 'excellent', 'x.zip', 'zip', 't')`,
  ).run('a'.repeat(64));
}

function migrated(): Database.Database {
  const db = databaseAt(3);
  insertPackage(db);
  db.prepare("INSERT INTO expert (roster_id, name, created_at) VALUES ('E01', '王明', 't')").run();
  return db;
}

const decision = (db: Database.Database, values: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO decision (expert_id, package_id, criterion_id, item_id, accept, reason, value, decided_at)
       VALUES (1, 1, @criterion, @item, @accept, @reason, @value, 't')`,
    )
    .run({ criterion: 'I1.office', item: '', accept: null, reason: null, value: null, ...values });

describe('0003-expert-work', () => {
  it('migrates a version-2 store, keeping its packages', () => {
    const db = emptyDatabase();
    migrateTo(db, 2);
    insertPackage(db);
    expect(migrateTo(db, 3)).toEqual({ from: 2, to: 3 });
    expect(db.prepare('SELECT alliance_id FROM package').pluck().all()).toEqual(['HFA-1']);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    for (const table of [
      'decision',
      'expert',
      'expert_key',
      'indicator_override',
      'recusal',
      'review_comment',
      'signed_sheet',
      'work_change',
    ]) {
      expect(tables).toContain(table);
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table)).toMatch(/STRICT$/);
    }
  });

  it('keeps one roster id per laptop', () => {
    const db = migrated();
    expect(() => db.prepare("INSERT INTO expert (roster_id, name, created_at) VALUES ('E01', '李华', 't')").run()).toThrow(
      /UNIQUE/,
    );
  });

  it('allows one active key per expert, and any number of retired ones', () => {
    const db = migrated();
    const key = db.prepare(
      "INSERT INTO expert_key (expert_id, public_key, fingerprint, protection, sealed_private_key, created_at, retired_at) VALUES (1, ?, '3f9a 0c11 7be2 d405', 'passphrase', x'00', 't', ?)",
    );
    key.run('k1', 'retired');
    key.run('k2', null);
    expect(() => key.run('k3', null)).toThrow(/UNIQUE/);
  });

  it('stores a decision as either an accept/reject or a value, never both or neither', () => {
    const db = migrated();
    decision(db, { accept: 1 });
    decision(db, { criterion: 'I10.status', value: '2.5' });
    expect(() => decision(db, { criterion: 'I1.council', accept: 1, value: '1' })).toThrow(/CHECK/);
    expect(() => decision(db, { criterion: 'I1.platform' })).toThrow(/CHECK/);
  });

  it('refuses a rejection without a reason', () => {
    const db = migrated();
    expect(() => decision(db, { accept: 0 })).toThrow(/CHECK/);
    expect(() => decision(db, { accept: 0, reason: '   ' })).toThrow(/CHECK/);
    decision(db, { accept: 0, reason: '无会议纪要' });
  });

  it('refuses a decision of an expert or package that does not exist', () => {
    const db = migrated();
    expect(() =>
      db.prepare("INSERT INTO decision VALUES (9, 1, 'I1.office', '', 1, NULL, NULL, 't')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO decision VALUES (1, 9, 'I1.office', '', 1, NULL, NULL, 't')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('refuses an override or recusal without a reason, and a hand signature that is no PNG data URL', () => {
    const db = migrated();
    expect(() =>
      db.prepare("INSERT INTO indicator_override VALUES (1, 1, 'I2', '3', '', 't')").run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO recusal VALUES (1, 'HFA-1', 2026, ' ', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE expert SET hand_signature = 'data:image/svg+xml,<svg/>'").run()).toThrow(/CHECK/);
  });

  it('keeps every signed version of a year, numbered once', () => {
    const db = migrated();
    const sheet = db.prepare(
      "INSERT INTO signed_sheet (expert_id, year, version, signed_at, fingerprint, file_name, file_path, sheet_text) VALUES (1, 2026, ?, 't', 'f', 'n', 'p', '{}')",
    );
    sheet.run(1);
    sheet.run(2);
    expect(() => sheet.run(2)).toThrow(/UNIQUE/);
  });
});
