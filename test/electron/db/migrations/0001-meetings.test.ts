import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migration.ts';
import { m0001Meetings } from '../../../../electron/db/migrations/0001-meetings.ts';

describe('0001-meetings', () => {
  const migrated = () => {
    const db = new Database(':memory:');
    migrate(db, [m0001Meetings]);
    return db;
  };

  it('creates a STRICT meeting table', () => {
    const db = migrated();
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'meeting'").pluck().get() as string;
    expect(sql).toMatch(/\) STRICT$/);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('meeting')).toEqual(['id', 'name', 'year', 'created_at']);
  });

  it.each([
    ['an empty name', '', 2026],
    ['a year before 2000', '会议', 1999],
    ['a year after 2100', '会议', 2101],
  ])('refuses %s', (_label, name, year) => {
    const db = migrated();
    expect(() => db.prepare('INSERT INTO meeting (name, year, created_at) VALUES (?, ?, ?)').run(name, year, 'x')).toThrow(/CHECK/);
  });

  it('refuses a year that is not an integer (STRICT typing)', () => {
    const db = migrated();
    expect(() => db.prepare('INSERT INTO meeting (name, year, created_at) VALUES (?, ?, ?)').run('会议', '二〇二六', 'x')).toThrow();
  });
});
