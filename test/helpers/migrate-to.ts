/**
 * Test helper for migration tests: a database at schema version n, built by the real
 * migrations 1..n (never by hand-written old SQL, which could drift from what a released
 * program really left on disk). A migration test builds the old shape with
 * `migrateTo(db, n - 1)`, inserts old rows, runs `migrateTo(db, n)` and checks the new shape.
 */
import Database from 'better-sqlite3';
import { migrate } from '../../electron/db/migration.ts';
import { migrations } from '../../electron/db/migrations/index.ts';

/** An empty in-memory database with the connection settings openDatabase uses for its checks. */
export function emptyDatabase(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Applies the real migrations up to and including version `n` (those not yet applied), the
 * way a program whose last migration is `n` would open `db`. Returns what `migrate` did.
 */
export function migrateTo(db: Database.Database, n: number): { from: number; to: number } {
  if (!Number.isInteger(n) || n < 0 || n > migrations.length) {
    throw new Error(`migrateTo: there is no schema version ${n} (the migrations go up to ${migrations.length})`);
  }
  return migrate(db, migrations.slice(0, n));
}

/** A fresh database at schema version `n`. */
export function databaseAt(n: number): Database.Database {
  const db = emptyDatabase();
  migrateTo(db, n);
  return db;
}
