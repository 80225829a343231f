import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion, type Migration } from '../../../electron/db/migration.ts';
import { migrations } from '../../../electron/db/migrations/index.ts';
import { openDatabase } from '../../../electron/db/open.ts';
import { AppError } from '../../../electron/errors/app-error.ts';
import { join } from 'node:path';
import { useTempDir } from '../../helpers/temp-dir.ts';

const step = (version: number, sql: string): Migration => ({ version, name: `test-${version}`, up: (db) => db.exec(sql) });

describe('migrate', () => {
  it('applies every pending step in order and sets user_version', () => {
    const db = new Database(':memory:');
    const result = migrate(db, [step(1, 'CREATE TABLE a (x INTEGER) STRICT'), step(2, 'ALTER TABLE a ADD COLUMN y TEXT')]);
    expect(result).toEqual({ from: 0, to: 2 });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('a')).toEqual(['x', 'y']);
  });

  it('runs only the steps after the stored version', () => {
    const db = new Database(':memory:');
    migrate(db, [step(1, 'CREATE TABLE a (x INTEGER) STRICT')]);
    const result = migrate(db, [step(1, 'CREATE TABLE a (x INTEGER) STRICT'), step(2, 'CREATE TABLE b (x INTEGER) STRICT')]);
    expect(result).toEqual({ from: 1, to: 2 });
  });

  it('leaves the database exactly as it was when a step fails', () => {
    const db = new Database(':memory:');
    migrate(db, [step(1, 'CREATE TABLE a (x INTEGER) STRICT')]);
    expect(() =>
      migrate(db, [step(1, ''), step(2, 'CREATE TABLE b (x INTEGER) STRICT'), step(3, 'THIS IS NOT SQL')]),
    ).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'b'").pluck().get()).toBe(0);
  });

  it('refuses a database written by a newer program, without touching it', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 7');
    let caught: unknown;
    try {
      migrate(db, [step(1, 'CREATE TABLE a (x INTEGER) STRICT')]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('database-too-new');
    expect((caught as AppError).message).toContain('更新版本');
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'a'").pluck().get()).toBe(0);
  });

  it('rejects a list whose versions are not 1, 2, 3…', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [step(2, 'SELECT 1')])).toThrow(/expected 1/);
  });
});

describe('openDatabase', () => {
  const tempDir = useTempDir();

  it('opens a file in WAL mode, synchronous=FULL, foreign keys on, fully migrated', () => {
    const db = openDatabase(join(tempDir(), 'store.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
  });

  it('keeps what was written across a reopen', () => {
    const file = join(tempDir(), 'store.sqlite');
    const first = openDatabase(file);
    first.prepare("INSERT INTO meeting (name, year, created_at) VALUES ('甲', 2026, 'now')").run();
    first.close();
    const second = openDatabase(file);
    expect(second.prepare('SELECT name FROM meeting').pluck().all()).toEqual(['甲']);
    second.close();
  });
});
