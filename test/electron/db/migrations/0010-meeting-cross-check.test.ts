import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

const sha = 'ab'.repeat(32);

describe('0010-meeting-cross-check', () => {
  it('migrates a version-8 store, keeping its meetings, and adds a strict meeting_cross_check table', () => {
    const db = emptyDatabase();
    migrateTo(db, 9);
    db.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('2026', 2026, 't')").run();
    expect(migrateTo(db, 10)).toEqual({ from: 9, to: 10 });
    expect(db.prepare('SELECT name FROM meeting').pluck().all()).toEqual(['2026']);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'meeting_cross_check'").pluck().get()).toMatch(/STRICT$/);
  });

  it('keeps one JSON array of findings per meeting that exists, from a meeting file named by its hash', () => {
    const db = databaseAt(10);
    db.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('2026', 2026, 't')").run();
    const insert = (meetingId: number, hash: string, json: string) =>
      db
        .prepare("INSERT INTO meeting_cross_check (meeting_id, content_sha256, checked_at, findings_json, stored_at) VALUES (?, ?, 't', ?, 't')")
        .run(meetingId, hash, json);
    insert(1, sha, '[]');
    expect(() => insert(1, sha, '[]')).toThrow(/UNIQUE|PRIMARY KEY/);
    db.prepare('DELETE FROM meeting_cross_check').run();
    expect(() => insert(2, sha, '[]')).toThrow(/FOREIGN KEY/);
    expect(() => insert(1, 'AB'.repeat(32), '[]')).toThrow(/CHECK/);
    expect(() => insert(1, sha, '{}')).toThrow(/CHECK/);
    expect(() => insert(1, sha, '[not json')).toThrow(/CHECK/);
  });
});
