import { describe, expect, it } from 'vitest';
import { databaseAt, emptyDatabase, migrateTo } from '../../../helpers/migrate-to.ts';

describe('0001-meetings', () => {
  const migrated = () => databaseAt(1);

  it('migrates an empty store', () => {
    expect(migrateTo(emptyDatabase(), 1)).toEqual({ from: 0, to: 1 });
  });

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
