import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

const sha = 'ab'.repeat(32);

describe('0006-cross-check', () => {
  it('migrates a version-5 store, keeping its evidence, and adds a strict file_features table', () => {
    const db = emptyDatabase();
    migrateTo(db, 5);
    db.prepare("INSERT INTO evidence_file (sha256, size, content_type, stored_at) VALUES (?, 3, 'image/jpeg', 't')").run(sha);
    expect(migrateTo(db, 6)).toEqual({ from: 5, to: 6 });
    expect(db.prepare('SELECT sha256 FROM evidence_file').pluck().all()).toEqual([sha]);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'file_features'").pluck().get()).toMatch(/STRICT$/);
  });

  it('keeps one row of valid JSON per stored file', () => {
    const db = databaseAt(6);
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
