import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

const digest = 'a'.repeat(64);
const hash = 'b'.repeat(64);

function insertPackage(db: Database.Database, values: Partial<Record<string, unknown>> = {}) {
  db.prepare(
    `INSERT INTO package (digest, alliance_id, alliance_name, alliance_kind, year, rubric_id, version, manifest_json,
       self_report_path, self_total, self_grade, source_name, source_kind, imported_at)
     VALUES (@digest, 'HFA-1', '联盟', @kind, 2026, 'hefei-2017', @version, '{}', 'r.pdf', '90.5', 'excellent', 'x.zip', 'zip', 't')`,
  ).run({ digest, kind: 'general', version: 1, ...values });
}

describe('0002-packages', () => {
  it('migrates a version-1 store, keeping its meetings', () => {
    const db = emptyDatabase();
    migrateTo(db, 1);
    db.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('2026 年度', 2026, 't')").run();
    expect(migrateTo(db, 2)).toEqual({ from: 1, to: 2 });
    expect(db.prepare('SELECT name FROM meeting').pluck().all()).toEqual(['2026 年度']);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['claim', 'evidence_file', 'meeting', 'package', 'package_file', 'package_problem']);
    for (const table of tables) {
      expect(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(table)).toMatch(/STRICT$/);
    }
  });

  const migrated = () => databaseAt(2);

  it('keeps one row per digest: a package is never stored twice', () => {
    const db = migrated();
    insertPackage(db);
    expect(() => insertPackage(db, { version: 2 })).toThrow(/UNIQUE/);
  });

  it('refuses two packages claiming the same version of one alliance and year', () => {
    const db = migrated();
    insertPackage(db);
    expect(() => insertPackage(db, { digest: 'c'.repeat(64) })).toThrow(/UNIQUE/);
  });

  it.each([
    ['an unknown alliance kind', { kind: 'other' }],
    ['version 0', { version: 0 }],
    ['a short digest', { digest: 'abc' }],
  ])('refuses %s', (_label, values) => {
    expect(() => insertPackage(migrated(), values)).toThrow(/CHECK/);
  });

  it('refuses a file row pointing at evidence that is not stored', () => {
    const db = migrated();
    insertPackage(db);
    expect(() => db.prepare('INSERT INTO package_file VALUES (1, ?, ?, 1, 1)').run('a.pdf', hash)).toThrow(/FOREIGN KEY/);
  });

  it('refuses an evidence hash that is not lowercase hex', () => {
    const db = migrated();
    expect(() => db.prepare("INSERT INTO evidence_file VALUES (?, 1, 'application/pdf', 't')").run('G'.repeat(64))).toThrow(/CHECK/);
  });
});
