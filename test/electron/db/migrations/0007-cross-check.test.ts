import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

const sha = 'ab'.repeat(32);

describe('0007-cross-check', () => {
  it('migrates a version-6 store, keeping its evidence, and adds a strict file_features table', () => {
    const db = emptyDatabase();
    migrateTo(db, 6);
    db.prepare("INSERT INTO evidence_file (sha256, size, content_type, stored_at) VALUES (?, 3, 'image/jpeg', 't')").run(sha);
    expect(migrateTo(db, 7)).toEqual({ from: 6, to: 7 });
    expect(db.prepare('SELECT sha256 FROM evidence_file').pluck().all()).toEqual([sha]);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'file_features'").pluck().get()).toMatch(/STRICT$/);
  });

  it('keeps notes on findings of a meeting that exists, named by a 64-digit key, never empty', () => {
    const db = databaseAt(7);
    db.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('2026', 2026, 't')").run();
    const insert = (meetingId: number, key: string, note: string) =>
      db
        .prepare("INSERT INTO cross_check_note (meeting_id, finding_key, kind, detail, note, noted_at, noted_by, audit_seq) VALUES (?, ?, 'same-file', 'd', ?, 't', '主任', 1)")
        .run(meetingId, key, note);
    insert(1, sha, '经核实为共同承担的项目');
    insert(1, sha, '补充：已核对原件');
    expect(db.prepare('SELECT count(*) FROM cross_check_note').pluck().get()).toBe(2);
    expect(() => insert(2, sha, 'x')).toThrow(/FOREIGN KEY/);
    expect(() => insert(1, 'AB'.repeat(32), 'x')).toThrow(/CHECK/);
    expect(() => insert(1, sha, '')).toThrow(/CHECK/);
  });

  it('keeps one row of valid JSON per stored file', () => {
    const db = databaseAt(7);
    db.prepare("INSERT INTO evidence_file (sha256, size, content_type, stored_at) VALUES (?, 3, 'image/jpeg', 't')").run(sha);
    const insert = (hash: string, json: string, format = 1) =>
      db.prepare("INSERT INTO file_features (sha256, format, features_json, read_at) VALUES (?, ?, ?, 't')").run(hash, format, json);
    insert(sha, '{"pageCount":1}');
    expect(() => insert(sha, '{}')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert('cd'.repeat(32), '{}')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM file_features').run();
    expect(() => insert(sha, '{not json')).toThrow(/CHECK/);
    expect(() => insert(sha, '{}', 0)).toThrow(/CHECK/);
  });
});
